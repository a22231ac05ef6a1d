import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { can, requirePageActor } from '@/db/auth/guard';
import { listSubsidyRules } from '@/db/queries/subsidy';
import { describeConditions, OUTCOME_LABELS } from '@/db/domain/subsidy';
import { formatInstant } from '@/db/domain/time';
import { Refused } from '@/components/admin/refused';
import { RuleControls } from '@/components/admin/subsidy/rule-controls';
import { subsidyText } from '@/components/subsidy/strings';
import { SUBSIDY_CHECK_PATH } from '@/components/subsidy/badge';
import { Badge } from '@/components/ui/badge';
import { LinkButton } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { moveSubsidyRuleAction, setSubsidyRuleActiveAction } from './actions';

export const metadata: Metadata = { title: subsidyText.admin.listTitle };
export const dynamic = 'force-dynamic';

const t = subsidyText.admin;
const RESOURCE = { kind: 'subsidy' } as const;

export default async function SubsidyRulesPage() {
  const actor = await requirePageActor('/admin/subsidy-rules');
  if (!can(actor, 'view', RESOURCE)) return <Refused />;
  const mayEdit = can(actor, 'edit', RESOURCE);
  const rules = await listSubsidyRules(getDb());

  return (
    <>
      <PageHeader title={t.listTitle} lead={t.listLead} />
      {!mayEdit && <p className="mb-4 rounded-lg border-l-4 border-brand/40 bg-brand-soft px-4 py-3">{t.readOnly}</p>}
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <Link href={SUBSIDY_CHECK_PATH} className="inline-flex min-h-12 items-center">
          {t.publicLink}
        </Link>
        {can(actor, 'create', RESOURCE) && <LinkButton href="/admin/subsidy-rules/new">+ {t.add}</LinkButton>}
      </div>
      {rules.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <ol className="space-y-3">
          {rules.map((r, i) => {
            const conds = describeConditions(r);
            return (
              <li key={r.id} className={`rounded-xl border border-line p-4 ${r.active ? 'bg-white' : 'bg-gray-100'}`} data-testid="subsidy-rule-row">
                <h2 className="flex flex-wrap items-center gap-2 text-xl">
                  <span className="text-base font-normal text-muted">{t.order(i + 1)}</span>
                  <Link href={`/admin/subsidy-rules/${r.id}`}>{r.title}</Link>
                </h2>
                <p className="mt-2 flex flex-wrap gap-2">
                  <Badge tone={r.active ? 'ok' : 'neutral'}>{r.active ? t.active : t.inactive}</Badge>
                  <Badge tone={r.outcome === 'free' ? 'ok' : 'info'}>
                    {t.outcome}：{OUTCOME_LABELS[r.outcome]}
                  </Badge>
                </p>
                <dl className="mt-2 grid gap-x-4 gap-y-1 text-base sm:grid-cols-[7rem_1fr]">
                  <dt className="text-muted">{t.conditions}</dt>
                  <dd>{conds.length ? conds.join('；') : t.everyone}</dd>
                  <dt className="text-muted">{t.updated}</dt>
                  <dd>{t.versionLine(r.version, formatInstant(r.updatedAt))}</dd>
                </dl>
                {mayEdit && (
                  <RuleControls
                    id={r.id}
                    version={r.version}
                    title={r.title}
                    active={r.active}
                    first={i === 0}
                    last={i === rules.length - 1}
                    move={moveSubsidyRuleAction}
                    setActive={setSubsidyRuleActiveAction}
                  />
                )}
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}
