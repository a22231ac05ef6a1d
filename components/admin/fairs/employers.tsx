'use client';
/**
 * Employers of one fair and their positions: add, edit and remove, one small form open at a
 * time. Every save names the fair's version (./record-version.tsx: the page's, moved on by each
 * save), because these changes are changes to the fair residents see.
 */
import { useMemo, useState } from 'react';
import { useRouter } from 'next/navigation';
import { keepingVersion, useRecordVersion } from '@/components/admin/record-version';
import { ErrorSummary, Field, RefusalNotice, SaveBar, SavedNotice, inputClass, useAdminForm } from '@/components/admin/form';
import { Button } from '@/components/ui/button';
import { PAY_UNITS } from '@/db/enums';
import { PAY_UNIT_LABELS, payText } from '@/db/domain/labels-fairs';
import { employerSchema, positionSchema } from '@/db/validation/admin/fair';
import type { ActionResult, AdminAction, Refusal } from '@/db/admin/result';
import { EMPLOYER_FIELD_LABELS, POSITION_FIELD_LABELS, fairAdmin } from './strings';
import { admin } from '../strings';
import { ConfirmDelete } from '../confirm-delete';

const te = fairAdmin.employers;
const tp = fairAdmin.positions;

/** Which fair, at the version the page showed: sent with every employer and position change. */
type FairRef = { fairId: number; fairVersion: number };
/** A save sends the form's values with the reference (typed as the form kit sends it); a delete names the row. */
type Save<T extends object, V> = AdminAction<T, V & Partial<FairRef>>;
type Delete = AdminAction<{ version: number }, FairRef & ({ employerId: number } | { positionId: number })>;

export type EmployerView = {
  id: number;
  name: string;
  industry: string;
  intro: string;
  booth: string | null;
  positions: {
    id: number;
    title: string;
    headcount: number;
    payMin: number | null;
    payMax: number | null;
    payUnit: 'month' | 'day' | 'hour';
    requirements: string;
    courseId: number | null;
    courseTitle: string | null;
    coursePublished: boolean;
  }[];
};

export type CourseChoice = { id: number; title: string; provider: string };

export type EmployerActions = {
  saveEmployer: Save<{ version: number; employerId: number }, EmployerValues>;
  deleteEmployer: Delete;
  savePosition: Save<{ version: number; positionId: number }, PositionValues>;
  deletePosition: Delete;
};

type Open = { kind: 'employer'; id: number | null } | { kind: 'position'; employerId: number; id: number | null } | null;

export function EmployersEditor({
  fairId,
  version: fromServer,
  published,
  employers,
  courses,
  actions,
}: {
  fairId: number;
  version: number;
  published: boolean;
  employers: EmployerView[];
  courses: CourseChoice[];
  actions: EmployerActions;
}) {
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [version, sawVersion] = useRecordVersion('fair', fairId, fromServer);
  const ref = { fairId, fairVersion: version };
  const tracked: EmployerActions = useMemo(
    () => ({
      saveEmployer: keepingVersion(actions.saveEmployer, sawVersion),
      deleteEmployer: keepingVersion(actions.deleteEmployer, sawVersion),
      savePosition: keepingVersion(actions.savePosition, sawVersion),
      deletePosition: keepingVersion(actions.deletePosition, sawVersion),
    }),
    [actions, sawVersion],
  );
  const done = (message: string) => {
    setOpen(null);
    setNotice(message);
  };

  return (
    <div>
      <SavedNotice message={notice} />
      {employers.length === 0 && <p className="mb-4">{te.none}</p>}
      <ul className="space-y-4">
        {employers.map((e) => (
          <li key={e.id} className="rounded-xl border border-line bg-white p-4" data-testid="admin-employer">
            {open?.kind === 'employer' && open.id === e.id ? (
              <EmployerForm
                title={te.editTitle(e.name)}
                initial={{ employerId: String(e.id), name: e.name, industry: e.industry, intro: e.intro, booth: e.booth ?? '' }}
                fairRef={ref}
                published={published}
                action={tracked.saveEmployer}
                onDone={() => done(te.saved)}
                onCancel={() => setOpen(null)}
              />
            ) : (
              <>
                <h3 className="text-xl">{e.name}</h3>
                <p className="text-base text-muted">{te.industryLine(e.industry, e.booth)}</p>
                {e.intro && <p className="mt-1 whitespace-pre-line text-base">{e.intro}</p>}
                <div className="mt-3 flex flex-wrap gap-3">
                  <Button type="button" variant="secondary" onClick={() => { setNotice(null); setOpen({ kind: 'employer', id: e.id }); }}>
                    {te.edit}
                  </Button>
                  <DeleteButton
                    label={te.remove}
                    question={te.removeConfirm(e.name, e.positions.length)}
                    run={() => tracked.deleteEmployer({ ...ref, employerId: e.id })}
                    onDone={() => done(te.removed)}
                  />
                </div>
              </>
            )}

            <h4 className="mt-4 text-lg font-bold">{tp.heading(e.name)}</h4>
            {e.positions.length === 0 && <p className="text-base">{tp.none}</p>}
            <ul className="divide-y divide-line">
              {e.positions.map((p) => (
                <li key={p.id} className="py-3" data-testid="admin-position">
                  {open?.kind === 'position' && open.id === p.id ? (
                    <PositionForm
                      title={tp.editTitle(p.title)}
                      initial={{
                        employerId: String(e.id),
                        positionId: String(p.id),
                        title: p.title,
                        headcount: String(p.headcount),
                        payMin: p.payMin === null ? '' : String(p.payMin),
                        payMax: p.payMax === null ? '' : String(p.payMax),
                        payUnit: p.payUnit,
                        requirements: p.requirements,
                        courseId: p.courseId === null ? '' : String(p.courseId),
                      }}
                      current={p.courseId !== null && !p.coursePublished && p.courseTitle ? { id: p.courseId, title: p.courseTitle } : null}
                      courses={courses}
                      fairRef={ref}
                      published={published}
                      action={tracked.savePosition}
                      onDone={() => done(tp.saved)}
                      onCancel={() => setOpen(null)}
                    />
                  ) : (
                    <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
                      <div>
                        <p>
                          <span className="font-bold">{p.title}</span>
                          <span className="ml-2">{tp.headcountText(p.headcount)}</span>
                          <span className="ml-2">{payText(p.payMin, p.payMax, p.payUnit)}</span>
                        </p>
                        {p.requirements && <p className="text-base text-muted">{p.requirements}</p>}
                        {p.courseTitle && (
                          <p className="text-base">{p.coursePublished ? tp.linked(p.courseTitle) : tp.linked(tp.courseUnpublished(p.courseTitle))}</p>
                        )}
                      </div>
                      <div className="flex shrink-0 flex-wrap gap-2">
                        <Button type="button" variant="secondary" onClick={() => { setNotice(null); setOpen({ kind: 'position', employerId: e.id, id: p.id }); }}>
                          {tp.edit}
                          <span className="sr-only">{p.title}</span>
                        </Button>
                        <DeleteButton
                          label={tp.remove}
                          srLabel={p.title}
                          question={tp.removeConfirm(p.title)}
                          run={() => tracked.deletePosition({ ...ref, positionId: p.id })}
                          onDone={() => done(te.removed)}
                        />
                      </div>
                    </div>
                  )}
                </li>
              ))}
            </ul>
            {open?.kind === 'position' && open.employerId === e.id && open.id === null ? (
              <div className="mt-3 rounded-lg border-2 border-brand p-3">
                <PositionForm
                  title={tp.addTitle(e.name)}
                  initial={{ employerId: String(e.id), positionId: '', title: '', headcount: '', payMin: '', payMax: '', payUnit: 'month', requirements: '', courseId: '' }}
                  current={null}
                  courses={courses}
                  fairRef={ref}
                  published={published}
                  action={tracked.savePosition}
                  onDone={() => done(tp.saved)}
                  onCancel={() => setOpen(null)}
                />
              </div>
            ) : (
              <Button type="button" variant="link" className="mt-2" onClick={() => { setNotice(null); setOpen({ kind: 'position', employerId: e.id, id: null }); }}>
                + {tp.add}
                <span className="sr-only">（{e.name}）</span>
              </Button>
            )}
          </li>
        ))}
      </ul>

      {open?.kind === 'employer' && open.id === null ? (
        <div className="mt-4 rounded-xl border-2 border-brand bg-white p-4">
          <EmployerForm
            title={te.addTitle}
            initial={{ employerId: '', name: '', industry: '', intro: '', booth: '' }}
            fairRef={ref}
            published={published}
            action={tracked.saveEmployer}
            onDone={() => done(te.saved)}
            onCancel={() => setOpen(null)}
          />
        </div>
      ) : (
        <Button type="button" className="mt-4" onClick={() => { setNotice(null); setOpen({ kind: 'employer', id: null }); }}>
          + {te.add}
        </Button>
      )}
    </div>
  );
}

type EmployerValues = { employerId: string; name: string; industry: string; intro: string; booth: string };

function EmployerForm({
  title,
  initial,
  fairRef,
  published,
  action,
  onDone,
  onCancel,
}: {
  title: string;
  initial: EmployerValues;
  fairRef: FairRef;
  published: boolean;
  action: Save<{ version: number; employerId: number }, EmployerValues>;
  onDone: () => void;
  onCancel: () => void;
}) {
  const f = useAdminForm<{ version: number; employerId: number }, EmployerValues & Record<string, unknown>, FairRef>({
    initial,
    schema: employerSchema,
    action,
    onSuccess: onDone,
  });
  const save = () => f.submit(fairRef);
  const p = initial.employerId ? `employer-${initial.employerId}` : 'employer-new';
  return (
    <div>
      <h3 className="mb-3 text-xl">{title}</h3>
      <FormErrors refusal={f.refusal} errors={f.errors} labels={EMPLOYER_FIELD_LABELS} prefix={p} />
      <Field name={`${p}.name`} label={te.name} error={f.errors.name} required>
        <input {...rebind(f.bind('name'), p)} className={inputClass} maxLength={100} />
      </Field>
      <Field name={`${p}.industry`} label={te.industry} hint={te.industryHint} error={f.errors.industry} required>
        <input {...rebind(f.bind('industry'), p)} className={inputClass} maxLength={50} />
      </Field>
      <Field name={`${p}.intro`} label={te.intro} error={f.errors.intro}>
        <textarea {...rebind(f.bind('intro'), p)} className={inputClass} rows={3} maxLength={1000} />
      </Field>
      <Field name={`${p}.booth`} label={te.booth} hint={te.boothHint} error={f.errors.booth}>
        <input {...rebind(f.bind('booth'), p)} className={inputClass} maxLength={30} />
      </Field>
      <SaveBar published={published} pending={f.pending} onSave={save} label={te.save}>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {fairAdmin.cancel}
        </Button>
      </SaveBar>
    </div>
  );
}

type PositionValues = {
  employerId: string;
  positionId: string;
  title: string;
  headcount: string;
  payMin: string;
  payMax: string;
  payUnit: string;
  requirements: string;
  courseId: string;
};

function PositionForm({
  title,
  initial,
  current,
  courses,
  fairRef,
  published,
  action,
  onDone,
  onCancel,
}: {
  title: string;
  initial: PositionValues;
  /** A linked course that is no longer published: kept as a choice so saving does not drop it. */
  current: { id: number; title: string } | null;
  courses: CourseChoice[];
  fairRef: FairRef;
  published: boolean;
  action: Save<{ version: number; positionId: number }, PositionValues>;
  onDone: () => void;
  onCancel: () => void;
}) {
  const f = useAdminForm<{ version: number; positionId: number }, PositionValues & Record<string, unknown>, FairRef>({
    initial,
    schema: positionSchema,
    action,
    onSuccess: onDone,
  });
  const [search, setSearch] = useState('');
  const p = initial.positionId ? `position-${initial.positionId}` : `position-new-${initial.employerId}`;
  const words = search.trim();
  const shown = useMemo(() => {
    const list = words ? courses.filter((c) => c.title.includes(words) || c.provider.includes(words)) : courses;
    // The chosen course stays in the list even when the search leaves it out.
    const chosen = courses.find((c) => String(c.id) === f.values.courseId);
    return chosen && !list.includes(chosen) ? [chosen, ...list] : list;
  }, [courses, words, f.values.courseId]);
  const save = () => f.submit(fairRef);

  return (
    <div>
      <h4 className="mb-3 text-lg font-bold">{title}</h4>
      <FormErrors refusal={f.refusal} errors={f.errors} labels={POSITION_FIELD_LABELS} prefix={p} />
      <Field name={`${p}.title`} label={tp.title} error={f.errors.title} required>
        <input {...rebind(f.bind('title'), p)} className={inputClass} maxLength={60} />
      </Field>
      <Field name={`${p}.headcount`} label={tp.headcount} error={f.errors.headcount} required>
        <input {...rebind(f.bind('headcount'), p)} inputMode="numeric" className={`${inputClass} max-w-40`} />
      </Field>
      <p className="text-base text-muted">{tp.payHint}</p>
      <div className="grid gap-x-4 sm:grid-cols-3">
        <Field name={`${p}.payMin`} label={tp.payMin} error={f.errors.payMin}>
          <input {...rebind(f.bind('payMin'), p)} inputMode="numeric" className={inputClass} />
        </Field>
        <Field name={`${p}.payMax`} label={tp.payMax} error={f.errors.payMax}>
          <input {...rebind(f.bind('payMax'), p)} inputMode="numeric" className={inputClass} />
        </Field>
        <Field name={`${p}.payUnit`} label={tp.payUnit} error={f.errors.payUnit} required>
          <select {...rebind(f.bind('payUnit'), p)} className={inputClass}>
            {PAY_UNITS.map((u) => (
              <option key={u} value={u}>
                {PAY_UNIT_LABELS[u]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field name={`${p}.requirements`} label={tp.requirements} error={f.errors.requirements}>
        <textarea {...rebind(f.bind('requirements'), p)} className={inputClass} rows={2} maxLength={1000} />
      </Field>
      <fieldset className="mb-4 rounded-lg border border-line p-3">
        <legend className="px-1 font-bold">{tp.course}</legend>
        <Field name={`${p}.courseSearch`} label={tp.courseSearch} hint={tp.courseSearchHint}>
          <input
            id={`field-${p}-courseSearch`}
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            className={inputClass}
            autoComplete="off"
          />
        </Field>
        <p className="mb-1 text-base text-muted" aria-live="polite">
          {tp.courseMatches(shown.length)}
        </p>
        <Field name={`${p}.courseId`} label={tp.courseSelect} error={f.errors.courseId}>
          <select {...rebind(f.bind('courseId'), p)} className={inputClass}>
            <option value="">{tp.courseNone}</option>
            {current && <option value={String(current.id)}>{tp.courseUnpublished(current.title)}</option>}
            {shown.map((c) => (
              <option key={c.id} value={String(c.id)}>
                {c.title}（{c.provider}）
              </option>
            ))}
          </select>
        </Field>
      </fieldset>
      <SaveBar published={published} pending={f.pending} onSave={save} label={tp.save}>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {fairAdmin.cancel}
        </Button>
      </SaveBar>
    </div>
  );
}

/**
 * Several small forms share the page, so their field ids carry a prefix (employer-3.name);
 * the error summary links to the prefixed ids.
 */
function rebind<T extends { id: string; 'aria-describedby'?: string }>(b: T, prefix: string): T {
  const id = `field-${prefix}-${b.id.replace(/^field-/, '')}`;
  return { ...b, id, 'aria-describedby': b['aria-describedby'] ? `${id}-error` : undefined };
}

function FormErrors({
  refusal,
  errors,
  labels,
  prefix,
}: {
  refusal: Refusal | null;
  errors: Record<string, string>;
  labels: Record<string, string>;
  prefix: string;
}) {
  if (refusal && refusal.code !== 'invalid') return <RefusalNotice refusal={refusal} />;
  const prefixed = Object.fromEntries(Object.entries(errors).map(([k, v]) => [`${prefix}.${k}`, v]));
  const prefixedLabels = Object.fromEntries(Object.entries(labels).map(([k, v]) => [`${prefix}.${k}`, v]));
  return <ErrorSummary errors={prefixed} labels={prefixedLabels} />;
}

/** A remove button that asks first, then calls the action and refreshes the page. */
function DeleteButton({
  label,
  srLabel,
  question,
  run,
  onDone,
}: {
  label: string;
  srLabel?: string;
  question: string;
  run: () => Promise<ActionResult<object>>;
  onDone: () => void;
}) {
  const router = useRouter();
  return (
    <ConfirmDelete
      label={
        <>
          {label}
          {srLabel && <span className="sr-only">{srLabel}</span>}
        </>
      }
      question={question}
      run={run}
      onDone={() => {
        onDone();
        router.refresh();
      }}
    />
  );
}
