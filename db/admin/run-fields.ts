/**
 * A run's editable fields in the run form's parsed shape, read from whatever holds them: the
 * parsed input, the stored row with its child lists, or an audit snapshot — the form's and the
 * spreadsheet import's (which keep target groups as `targetGroups` and certificates as
 * "kind:name（issuer）" lines). Only the fields the source holds are read, so an old snapshot
 * that lacks one leaves it unknown (./merge.ts then refuses rather than guesses).
 *
 * Certificates and target groups are each one value (a list compared whole); the days of the
 * week and the groups compare as sorted sets, certificates in their order.
 */
const SCALARS = [
  'label',
  'startDate',
  'endDate',
  'dailyStart',
  'dailyEnd',
  'theoryPlaceId',
  'practicePlaceId',
  'seats',
  'seatsLeft',
  'deadline',
  'costType',
  'fee',
  'subsidy',
  'contactName',
  'contactPhone',
  'note',
] as const;

type Certificate = { kind: string; name: string; issuer: string };

function certificate(c: unknown): Certificate {
  if (typeof c === 'string') {
    // The import's audit form: "skill:园林绿化工五级（某评价组织）".
    const m = /^([^:]*):(.*)（(.*)）$/.exec(c);
    return m ? { kind: m[1]!, name: m[2]!, issuer: m[3]! } : { kind: '', name: c, issuer: '' };
  }
  const o = (c ?? {}) as Record<string, unknown>;
  return { kind: String(o.kind ?? ''), name: String(o.name ?? ''), issuer: String(o.issuer ?? '') };
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function runEditableFields(stored: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of SCALARS) if (k in stored) out[k] = stored[k] ?? null;
  if ('classDays' in stored) {
    const d = stored.classDays;
    const days = Array.isArray(d) ? d.map(Number) : String(d ?? '').split(',').filter((x) => x.trim() !== '').map(Number);
    out.classDays = [...new Set(days)].sort((a, b) => a - b);
  }
  const groups = 'groups' in stored ? stored.groups : 'targetGroups' in stored ? stored.targetGroups : undefined;
  if (Array.isArray(groups)) out.groups = [...new Set(groups.map(String))].sort(byText);
  if (Array.isArray(stored.certificates)) {
    // In the order residents read them: a reordering is a change.
    out.certificates = stored.certificates.map(certificate);
  }
  return out;
}
