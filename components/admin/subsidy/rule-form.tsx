'use client';
/**
 * A subsidy rule: create (then on to its page) and edit. Checked in the browser with the same
 * schema the server action uses; what was typed stays after a refusal. Saving reaches residents
 * at once (the self-check reads the rules per request), so the save asks to confirm.
 */
import { useRecordVersion } from '@/components/admin/record-version';
import { useRouter } from 'next/navigation';
import { ErrorSummary, Field, RefusalNotice, SaveBar, SavedNotice, fieldId, inputClass, useAdminForm } from '@/components/admin/form';
import { Section } from '@/components/admin/orgs/provider-form';
import { subsidyRuleCreateSchema, subsidyRuleUpdateSchema } from '@/db/validation/admin/subsidy';
import type { AdminAction } from '@/db/admin/result';
import { COST_TYPES, SUBSIDY_OUTCOMES, SUBSIDY_RESIDENCY, WORK_STATUSES } from '@/db/enums';
import { RULE_RESIDENCY_LABELS, RUN_COST_LABELS, WORK_STATUS_SHORT } from '@/db/domain/subsidy';
import { SUBSIDY_RULE_WORDS, subsidyText } from '@/components/subsidy/strings';

/** What an edit sends besides the form's values: which record, and the version the editor started from. */
type Ref = { id: number; version: number };
/** What the form sends: its values, and on an edit the record's id and version. */
type Sent = RuleFormValues & Partial<Ref>;

const t = subsidyText.admin;
const L = subsidyText.fieldLabels;

export type RuleFormValues = {
  title: string;
  outcome: string;
  explanation: string;
  runCostTypes: string;
  residency: string;
  minAge: string;
  maxAge: string;
  workStatuses: string;
  matchRunTargetGroup: boolean;
  requireLevelUp: boolean;
  active: boolean;
};

const box = 'size-6 shrink-0 accent-[var(--color-brand)]';
const choice = 'flex min-h-12 cursor-pointer items-center gap-3';

export function RuleForm(
  props:
    | { mode: 'create'; initial: RuleFormValues; action: AdminAction<{ id: number; version: number }, Sent> }
    | { mode: 'edit'; id: number; version: number; initial: RuleFormValues; action: AdminAction<{ version: number }, Sent> },
) {
  const router = useRouter();
  // The version this form saves against moves on with each save, before the refreshed page arrives.
  const [version, sawVersion] = useRecordVersion('subsidy_rule', props.mode === 'edit' ? props.id : 0, props.mode === 'edit' ? props.version : 0);
  const form = useAdminForm<{ id?: number; version: number }, RuleFormValues & Record<string, unknown>, Ref>({
    initial: props.initial,
    schema: props.mode === 'create' ? subsidyRuleCreateSchema : subsidyRuleUpdateSchema,
    words: SUBSIDY_RULE_WORDS,
    action: props.action,
    refresh: props.mode === 'edit',
    onSuccess: (r) => {
      if (typeof r.version === 'number') sawVersion(r.version);
      if (props.mode === 'create' && r.id) router.push(`/admin/subsidy-rules/${r.id}?created=1`);
    },
  });
  const { bind, errors, refusal, saved, pending, values, set } = form;
  const save = () => (props.mode === 'edit' ? form.submit({ id: props.id, version }) : form.submit());

  function toggleIn(name: 'runCostTypes' | 'workStatuses', value: string, on: boolean) {
    const list = String(values[name] ?? '')
      .split(',')
      .filter(Boolean)
      .filter((x) => x !== value);
    if (on) list.push(value);
    set(name, list.join(','));
  }
  const has = (name: 'runCostTypes' | 'workStatuses', value: string) => String(values[name] ?? '').split(',').includes(value);

  return (
    <form noValidate onSubmit={(e) => e.preventDefault()}>
      {refusal && refusal.code !== 'invalid' ? <RefusalNotice refusal={refusal} labels={L} /> : <ErrorSummary errors={errors} labels={L} />}
      <SavedNotice message={saved} />

      <Section title={t.basics}>
        <Field name="title" label={t.title} hint={t.titleHint} error={errors.title} required>
          <input {...bind('title')} className={inputClass} maxLength={60} autoComplete="off" />
        </Field>
        <fieldset className="mb-4" id={fieldId('outcome')}>
          <legend className="font-medium">{t.outcomeField}</legend>
          {errors.outcome && <p className="font-medium text-bad">{errors.outcome}</p>}
          <div className="flex flex-wrap gap-x-6">
            {SUBSIDY_OUTCOMES.map((o) => (
              <label key={o} className={choice}>
                <input type="radio" name="outcome" value={o} checked={values.outcome === o} onChange={() => set('outcome', o)} className={box} />
                {t.outcomeLabels[o]}
              </label>
            ))}
          </div>
        </fieldset>
        <Field name="explanation" label={t.explanation} hint={t.explanationHint} error={errors.explanation}>
          <textarea {...bind('explanation')} className={inputClass} rows={4} maxLength={1000} />
        </Field>
        <label className={choice}>
          <input type="checkbox" name="active" checked={values.active} onChange={(e) => set('active', e.target.checked)} className={box} />
          {t.activeField}
        </label>
      </Section>

      <Section title={t.conditionsHeading}>
        <fieldset className="mb-4" id={fieldId('runCostTypes')}>
          <legend className="font-medium">{t.runCostTypes}</legend>
          <p className="text-base text-muted">{t.runCostTypesHint}</p>
          {errors.runCostTypes && <p className="font-medium text-bad">{errors.runCostTypes}</p>}
          <div className="flex flex-wrap gap-x-6">
            {COST_TYPES.map((c) => (
              <label key={c} className={choice}>
                <input type="checkbox" checked={has('runCostTypes', c)} onChange={(e) => toggleIn('runCostTypes', c, e.target.checked)} className={box} />
                {RUN_COST_LABELS[c]}
              </label>
            ))}
          </div>
        </fieldset>
        <Field name="residency" label={t.residencyField} error={errors.residency} required>
          <select {...bind('residency')} className={inputClass}>
            {SUBSIDY_RESIDENCY.map((r) => (
              <option key={r} value={r}>
                {RULE_RESIDENCY_LABELS[r]}
              </option>
            ))}
          </select>
        </Field>
        <div className="grid gap-x-4 sm:grid-cols-2">
          <Field name="minAge" label={t.minAge} hint={t.ageHint} error={errors.minAge}>
            <input {...bind('minAge')} inputMode="numeric" className={inputClass} maxLength={3} />
          </Field>
          <Field name="maxAge" label={t.maxAge} hint={t.ageHint} error={errors.maxAge}>
            <input {...bind('maxAge')} inputMode="numeric" className={inputClass} maxLength={3} />
          </Field>
        </div>
        <fieldset className="mb-4" id={fieldId('workStatuses')}>
          <legend className="font-medium">{t.workStatuses}</legend>
          <p className="text-base text-muted">{t.workStatusesHint}</p>
          {errors.workStatuses && <p className="font-medium text-bad">{errors.workStatuses}</p>}
          <div className="grid sm:grid-cols-2">
            {WORK_STATUSES.map((w) => (
              <label key={w} className={choice}>
                <input type="checkbox" checked={has('workStatuses', w)} onChange={(e) => toggleIn('workStatuses', w, e.target.checked)} className={box} />
                {WORK_STATUS_SHORT[w]}
              </label>
            ))}
          </div>
        </fieldset>
        <label className={choice}>
          <input type="checkbox" checked={values.matchRunTargetGroup} onChange={(e) => set('matchRunTargetGroup', e.target.checked)} className={box} />
          {t.matchRunTargetGroup}
        </label>
        <label className={choice}>
          <input type="checkbox" checked={values.requireLevelUp} onChange={(e) => set('requireLevelUp', e.target.checked)} className={box} />
          {t.requireLevelUp}
        </label>
      </Section>

      <p className="mb-2 text-base">{t.liveNote}</p>
      <SaveBar published={props.mode === 'edit'} pending={pending} onSave={save} label={props.mode === 'create' ? t.createSubmit : undefined} />
    </form>
  );
}
