/**
 * Training providers and places (机构与场地): the schemas the admin forms check in the browser and
 * the server actions check again. Neither record has a publication state, so there is one level
 * of checking: what is saved is what residents see on the course and fair pages.
 *
 * Coordinates are optional: left empty (both), the place takes its street's centre (the writer
 * fills that in and says so). Given, they must lie in a box around Beijing — practice bases may
 * be outside Fengtai (顺义), but not outside the city.
 *
 * Refusals are codes (OrgProblem here, FieldProblem from ./fields) keyed by field; the words for
 * both records live once in components/admin/orgs/strings.ts.
 */
import { z } from 'zod';
import { PLACE_KINDS } from '../../enums';
import { optionalId, optionalText, oneOf, phone, recordId, text, version, name } from './fields';

/** Problems particular to places, beyond what ./fields says of any field. */
export const ORG_PROBLEMS = ['latNumber', 'lngNumber', 'latRange', 'lngRange', 'latMissing', 'lngMissing', 'coordsNeeded', 'classroomProvider'] as const;
export type OrgProblem = (typeof ORG_PROBLEMS)[number];
const v = Object.fromEntries(ORG_PROBLEMS.map((k) => [k, k])) as { [K in OrgProblem]: K };

/** The box the coordinates must lie in (Beijing municipality, with a small margin). */
export const BEIJING_BOX = { latMin: 39.4, latMax: 41.1, lngMin: 115.4, lngMax: 117.6 } as const;

// ---------------------------------------------------------------------------
// Providers
// ---------------------------------------------------------------------------

const providerFields = {
  name: name(null, 100),
  shortName: name(null, 30),
  intro: optionalText(null, 2000),
  phone: phone(null),
  address: text(null, 200),
};

export const providerCreateSchema = z.object(providerFields);
export const providerUpdateSchema = z.object({ id: recordId, version, ...providerFields });

export type ProviderInput = z.output<typeof providerCreateSchema>;
export type ProviderUpdateInput = z.output<typeof providerUpdateSchema>;

// ---------------------------------------------------------------------------
// Places
// ---------------------------------------------------------------------------

/** An optional decimal from a form field: '' → null; anything else must be a finite number. */
function coordinate(notNumber: string) {
  return z.preprocess(
    (x) => (x === undefined || x === null || (typeof x === 'string' && x.trim() === '') ? null : typeof x === 'string' ? Number(x.trim()) : x),
    z.number({ error: notNumber }).refine(Number.isFinite, notNumber).nullable(),
  );
}

const placeFields = {
  name: name(null, 100),
  kind: oneOf(PLACE_KINDS, null),
  providerId: optionalId(null),
  streetId: optionalId(null),
  address: text(null, 200),
  lat: coordinate(v.latNumber),
  lng: coordinate(v.lngNumber),
  note: optionalText(null, 500),
};

type PlaceShape = { kind: string; providerId: number | null; streetId: number | null; lat: number | null; lng: number | null };

function placeRules(p: PlaceShape, ctx: z.RefinementCtx) {
  if (p.lat !== null && (p.lat < BEIJING_BOX.latMin || p.lat > BEIJING_BOX.latMax)) ctx.addIssue({ code: 'custom', path: ['lat'], message: v.latRange });
  if (p.lng !== null && (p.lng < BEIJING_BOX.lngMin || p.lng > BEIJING_BOX.lngMax)) ctx.addIssue({ code: 'custom', path: ['lng'], message: v.lngRange });
  if (p.lat === null && p.lng !== null) ctx.addIssue({ code: 'custom', path: ['lat'], message: v.latMissing });
  if (p.lng === null && p.lat !== null) ctx.addIssue({ code: 'custom', path: ['lng'], message: v.lngMissing });
  if (p.lat === null && p.lng === null && p.streetId === null) ctx.addIssue({ code: 'custom', path: ['lat'], message: v.coordsNeeded });
  if (p.kind === 'classroom' && p.providerId === null) ctx.addIssue({ code: 'custom', path: ['providerId'], message: v.classroomProvider });
}

export const placeCreateSchema = z.object(placeFields).superRefine(placeRules);
export const placeUpdateSchema = z.object({ id: recordId, version, ...placeFields }).superRefine(placeRules);

export type PlaceInput = z.output<typeof placeCreateSchema>;
export type PlaceUpdateInput = z.output<typeof placeUpdateSchema>;

/** Deleting either kind of record: which one, and the version the editor saw. */
export const orgDeleteSchema = z.object({ id: recordId, version });
