'use client';
/** Tick the services a station handles, from the catalogue grouped by category, each with its mode. */
import { SaveBar, SavedNotice, fieldId, useAdminForm, type Values } from '@/components/admin/form';
import { SERVICE_MODES, type ServiceMode } from '@/db/enums';
import { SERVICE_MODE_LABELS } from '@/db/domain/labels-stations';
import type { ActionResult } from '@/db/admin/result';
import { servicesSchema } from '@/db/validation/admin/station';
import { STATION_FIELD_LABELS, stationAdmin as t } from './strings';
import { useRecordVersion } from '../record-version';
import { FormProblems } from './problems';

type Item = { id: number; name: string; category: string; online: boolean };
type ServicesValues = Values & { id: number; version: number; services: { serviceId: number; mode: ServiceMode }[] };

export function ServicesEditor({
  id,
  version: fromServer,
  catalogue,
  selected,
  published,
  action,
}: {
  id: number;
  version: number;
  catalogue: Item[];
  selected: { serviceId: number; mode: ServiceMode }[];
  published: boolean;
  action: (input: ServicesValues) => Promise<ActionResult<{ version: number; count: number }>>;
}) {
  const [version, setVersion] = useRecordVersion('station', id, fromServer);
  const f = useAdminForm<{ version: number; count: number }, ServicesValues>({
    initial: { id, version: fromServer, services: selected },
    schema: servicesSchema,
    action,
    onSuccess: (r) => setVersion(r.version),
  });
  const chosen = new Map(f.values.services.map((s) => [s.serviceId, s.mode]));
  const groups: { category: string; items: Item[] }[] = [];
  for (const s of catalogue) {
    let g = groups.find((x) => x.category === s.category);
    if (!g) groups.push((g = { category: s.category, items: [] }));
    g.items.push(s);
  }

  const toggle = (sid: number, on: boolean) =>
    f.set('services', on ? [...f.values.services, { serviceId: sid, mode: 'counter' }] : f.values.services.filter((s) => s.serviceId !== sid));
  const setMode = (sid: number, mode: ServiceMode) =>
    f.set(
      'services',
      f.values.services.map((s) => (s.serviceId === sid ? { ...s, mode } : s)),
    );

  return (
    <form noValidate onSubmit={(e) => e.preventDefault()} aria-label={t.services.title}>
      <SavedNotice message={f.saved} />
      <FormProblems refusal={f.refusal} errors={f.errors} labels={STATION_FIELD_LABELS} />
      <p className="mb-3 font-bold" id={fieldId('services')} tabIndex={-1}>
        {t.services.selected(f.values.services.length)}
      </p>
      <div className="space-y-4">
        {groups.map((g) => (
          <fieldset key={g.category} className="rounded-xl border border-line bg-white p-4">
            <legend className="px-1 text-lg font-bold">
              {g.category}（{g.items.filter((i) => chosen.has(i.id)).length}/{g.items.length}）
            </legend>
            <ul className="divide-y divide-line">
              {g.items.map((s) => {
                const mode = chosen.get(s.id);
                const box = `svc-${s.id}`;
                return (
                  <li key={s.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 py-2">
                    <label htmlFor={box} className="flex min-h-12 flex-1 basis-60 items-center gap-3">
                      <input id={box} type="checkbox" checked={mode !== undefined} onChange={(e) => toggle(s.id, e.target.checked)} className="h-6 w-6 shrink-0" />
                      <span>
                        {s.name}
                        {s.online && <span className="ml-2 text-base text-muted">（{t.services.online}）</span>}
                      </span>
                    </label>
                    {mode !== undefined && (
                      <span className="flex items-center gap-2">
                        <label htmlFor={`${box}-mode`} className="text-base">
                          {t.services.mode}
                          <span className="sr-only">：{s.name}</span>
                        </label>
                        <select
                          id={`${box}-mode`}
                          value={mode}
                          onChange={(e) => setMode(s.id, e.target.value as ServiceMode)}
                          className="min-h-12 rounded-lg border-2 border-line bg-white px-2 text-lg"
                        >
                          {SERVICE_MODES.map((m) => (
                            <option key={m} value={m}>
                              {SERVICE_MODE_LABELS[m]}
                            </option>
                          ))}
                        </select>
                      </span>
                    )}
                  </li>
                );
              })}
            </ul>
          </fieldset>
        ))}
      </div>
      <div className="sticky bottom-0 mt-4 border-t border-line bg-page py-3">
        <SaveBar published={published} pending={f.pending} onSave={() => f.submit({ version })} label={t.services.save} />
      </div>
    </form>
  );
}
