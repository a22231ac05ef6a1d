import type { Metadata } from 'next';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Notice } from '@/components/ui/notice';
import { PageHeader } from '@/components/ui/page-header';
import { buttonStyles } from '@/components/ui/button';
import { SubsidyBadge } from '@/components/subsidy/badge';
import { readSubsidyAnswers, subsidyResults } from '@/components/subsidy/read-answers';
import { subsidyText as t } from '@/components/subsidy/strings';
import { dateRangeText } from '@/db/domain/course-run';
import { levelLabel } from '@/db/domain/labels-courses';
import {
  ANSWER_MESSAGES,
  describeConditions,
  MAX_AGE,
  MIN_AGE,
  OUTCOME_LABELS,
  RESIDENT_RESIDENCY,
  RESIDENT_RESIDENCY_LABELS,
  WORK_STATUS_LABELS,
  WORK_STATUS_SHORT,
} from '@/db/domain/subsidy';
import { fullDate } from '@/db/domain/time';
import { WORK_STATUSES } from '@/db/enums';
import { activeSubsidyRules, occupationChoices, upcomingRunsForCheck } from '@/db/queries/subsidy';
import { LEVELS } from '@/db/domain/labels-courses';

// The answers are in the resident's cookie and the runs depend on Beijing's today.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: t.title, description: t.metaDescription };

type Params = Record<string, string | string[] | undefined>;

const first = (p: Params, k: string) => {
  const v = p[k];
  return (Array.isArray(v) ? v[0] : v) ?? '';
};

const ERROR_KEYS = Object.keys(ANSWER_MESSAGES) as (keyof typeof ANSWER_MESSAGES)[];

const radio = 'size-6 shrink-0 accent-[var(--color-brand)]';
const choice = 'flex min-h-12 cursor-pointer items-center gap-3 rounded-lg border border-line bg-white px-3 py-2';
const input = 'min-h-12 rounded-lg border-2 border-gray-500 bg-white px-3 text-lg';

export default async function SubsidyCheckPage({ searchParams }: { searchParams: Promise<Params> }) {
  const sp = await searchParams;
  const { answers, damaged } = await readSubsidyAnswers();
  const rawErrors = first(sp, 'error').split(',');
  const refused = rawErrors.includes('refused');
  const errors = ERROR_KEYS.filter((k) => rawErrors.includes(k));
  const saved = first(sp, 'saved') === '1' && answers !== null;
  const cleared = first(sp, 'cleared') === '1' && answers === null;

  const rules = await activeSubsidyRules();
  const occupations = await occupationChoices();
  const runs = await upcomingRunsForCheck();
  const results = await subsidyResults(
    answers,
    runs.map((r) => r.runId),
  );
  const certOccupation = answers?.cert ? occupations.find((o) => o.id === answers.cert!.occupationId) : undefined;

  return (
    <div className="space-y-8">
      <div>
        <p className="mb-2">
          <Link href="/courses" className="inline-flex min-h-12 items-center">
            ← {t.backToCourses}
          </Link>
        </p>
        <PageHeader title={t.title} lead={t.lead} />
        <p className="text-base">{t.privacy}</p>
      </div>

      {saved && (
        <Notice live title={t.saved} />
      )}
      {cleared && <Notice live title={t.cleared} />}
      {damaged && <Notice tone="warn" title={t.damaged} />}
      {refused && <Notice tone="bad" title={t.refused} />}
      {errors.length > 0 && (
        <div role="alert">
          <Notice tone="bad" title={t.errorTitle}>
            <ul className="list-disc pl-6">
              {errors.map((k) => (
                <li key={k}>{ANSWER_MESSAGES[k]}</li>
              ))}
            </ul>
          </Notice>
        </div>
      )}

      <section id="answers" aria-labelledby="answers-heading" className="rounded-xl border border-line bg-white p-4 sm:p-5">
        <h2 id="answers-heading" className="text-2xl">
          {t.formHeading}
        </h2>
        {answers && (
          <p className="mt-2 font-medium" data-testid="subsidy-answers">
            {t.yourAnswers(
              answers.age,
              RESIDENT_RESIDENCY_LABELS[answers.residency],
              WORK_STATUS_SHORT[answers.work],
              answers.cert ? t.certText(certOccupation?.name ?? '', levelLabel(answers.cert.level)) : t.noCert,
            )}
          </p>
        )}
        <form method="post" action="/courses/subsidy-check/answers" className="mt-4 space-y-6">
          <div>
            <label htmlFor="sc-age" className="block text-lg font-bold">
              {t.age}
            </label>
            <p id="sc-age-hint" className="text-base text-muted">
              {t.ageHint}
            </p>
            <span className="mt-1 flex items-center gap-2">
              <input
                id="sc-age"
                name="age"
                type="number"
                inputMode="numeric"
                min={MIN_AGE}
                max={MAX_AGE}
                step={1}
                required
                defaultValue={answers?.age ?? ''}
                aria-describedby="sc-age-hint"
                aria-invalid={errors.includes('age') || undefined}
                className={`${input} w-32`}
              />
              <span>{t.ageUnit}</span>
            </span>
          </div>

          <fieldset>
            <legend className="text-lg font-bold">{t.residency}</legend>
            <div className="mt-2 grid gap-2 sm:grid-cols-3">
              {RESIDENT_RESIDENCY.map((r) => (
                <label key={r} className={choice}>
                  <input type="radio" name="residency" value={r} required defaultChecked={answers?.residency === r} className={radio} />
                  {RESIDENT_RESIDENCY_LABELS[r]}
                </label>
              ))}
            </div>
          </fieldset>

          <fieldset>
            <legend className="text-lg font-bold">{t.work}</legend>
            <p className="text-base text-muted">{t.workHint}</p>
            <div className="mt-2 grid gap-2 sm:grid-cols-2">
              {WORK_STATUSES.map((w) => (
                <label key={w} className={choice}>
                  <input type="radio" name="work" value={w} required defaultChecked={answers?.work === w} className={radio} />
                  {WORK_STATUS_LABELS[w]}
                </label>
              ))}
            </div>
          </fieldset>

          <fieldset>
            <legend className="text-lg font-bold">{t.cert}</legend>
            <p className="text-base text-muted">{t.certHint}</p>
            <div className="mt-2 flex flex-wrap gap-4">
              <label className="flex flex-col gap-1">
                <span>{t.certOccupation}</span>
                <select name="certOccupation" defaultValue={answers?.cert ? String(answers.cert.occupationId) : ''} className={input}>
                  <option value="">{t.certNone}</option>
                  {occupations.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
                  ))}
                </select>
              </label>
              <label className="flex flex-col gap-1">
                <span>{t.certLevel}</span>
                <select name="certLevel" defaultValue={answers?.cert ? String(answers.cert.level) : ''} className={input}>
                  <option value="">{t.certLevelNone}</option>
                  {LEVELS.map((l) => (
                    <option key={l} value={l}>
                      {levelLabel(l)}
                    </option>
                  ))}
                </select>
              </label>
            </div>
          </fieldset>

          <div className="flex flex-wrap gap-3">
            <button type="submit" name="intent" value="save" className={buttonStyles.primary}>
              {t.save}
            </button>
            {answers && (
              <button type="submit" name="intent" value="clear" formNoValidate className={buttonStyles.secondary}>
                {t.clear}
              </button>
            )}
          </div>
        </form>
      </section>

      <Notice title={t.disclaimerTitle}>
        <p>
          {t.disclaimer}
          <a href={`tel:${t.hotline}`} className="mx-1 inline-flex min-h-12 items-center font-bold underline">
            {t.hotline}
          </a>
          {t.disclaimerAfter}
        </p>
      </Notice>

      <section id="runs" aria-labelledby="runs-heading" className="space-y-3">
        <h2 id="runs-heading" className="text-2xl">
          {t.runsHeading}
        </h2>
        <p>{answers ? t.runsLeadAnswered : t.runsLeadAsk}</p>
        {runs.length === 0 ? (
          <p>{t.noRuns}</p>
        ) : (
          <ol className="space-y-3">
            {runs.map((r) => {
              const res = results.get(r.runId);
              return (
                <li key={r.runId} className="rounded-xl border border-line bg-white p-4" data-testid="subsidy-run" data-run={r.runId}>
                  <Link href={`/courses/${r.courseId}`} className="inline-flex min-h-12 items-center text-xl font-bold">
                    {r.courseTitle}
                  </Link>
                  <p className="text-muted">
                    {r.occupation} · {levelLabel(r.level)} · {r.label} · {dateRangeText(r.startDate, r.endDate)} · {t.deadline(fullDate(r.deadline))}
                  </p>
                  {res ? (
                    <div className="mt-2">
                      <SubsidyBadge view={res} />
                      <details className="mt-1">
                        <summary className="inline-flex min-h-12 cursor-pointer items-center font-medium text-brand">{t.whyHeading}</summary>
                        <ul className="list-disc pl-6 text-base">
                          {res.reasons.map((x) => (
                            <li key={x}>{x}</li>
                          ))}
                        </ul>
                      </details>
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ol>
        )}
      </section>

      <section aria-labelledby="rules-heading" className="space-y-3">
        <h2 id="rules-heading" className="text-2xl">
          {t.rulesHeading}
        </h2>
        <p>{t.rulesLead}</p>
        {rules.length === 0 ? (
          <p>{t.noRules}</p>
        ) : (
          <ol className="space-y-3">
            {rules.map((rule, i) => {
              const conds = describeConditions(rule);
              return (
                <li key={rule.id} className="rounded-xl border border-line bg-white p-4" data-testid="subsidy-rule">
                  <h3 className="flex flex-wrap items-center gap-2 text-xl">
                    <span>
                      {i + 1}. {rule.title}
                    </span>
                    <Badge tone={rule.outcome === 'free' ? 'ok' : 'info'}>{OUTCOME_LABELS[rule.outcome]}</Badge>
                  </h3>
                  {rule.explanation && <p className="mt-2">{rule.explanation}</p>}
                  <p className="mt-2 text-base text-muted">
                    {t.ruleConditions}
                    {conds.length ? conds.join('；') : t.ruleEveryone}
                  </p>
                </li>
              );
            })}
          </ol>
        )}
      </section>
    </div>
  );
}
