import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { can, requirePageActor } from '@/db/auth/guard';
import { loadSubsidyRule } from '@/db/admin/subsidy';
import { describeConditions, OUTCOME_LABELS } from '@/db/domain/subsidy';
import { formatInstant } from '@/db/domain/time';
import { parseRouteId } from '@/db/validation/search-params';
import { Refused } from '@/components/admin/refused';
import { SavedNotice } from '@/components/admin/form';
import { DeleteRecord } from '@/components/admin/orgs/delete-record';
import { RuleForm } from '@/components/admin/subsidy/rule-form';
import { subsidyText } from '@/components/subsidy/strings';
import { Badge } from '@/components/ui/badge';
import { deleteSubsidyRuleAction, updateSubsidyRuleAction } from '../actions';
import { HistoryLink } from '@/components/admin/audit/history-link';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const t = subsidyText.admin;
const RESOURCE = { kind: 'subsidy' } as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return { title: `${t.listTitle} ${id}` };
}

export default async function SubsidyRulePage({ params, searchParams }: Props) {
  const { id: raw } = await params;
  const actor = await requirePageActor(`/admin/subsidy-rules/${encodeURIComponent(raw)}`);
  if (!can(actor, 'view', RESOURCE)) return <Refused />;
  const id = parseRouteId(raw);
  const rule = id === null ? null : await loadSubsidyRule(getDb(), id);
  if (!rule) notFound();
  const created = (await searchParams).created === '1';
  const conds = describeConditions(rule);

  return (
    <>
      <p className="mb-2">
        <Link href="/admin/subsidy-rules" className="inline-flex min-h-12 items-center">
          ← {t.backToList}
        </Link>
      </p>
      <div className="mb-5">
        <h1 className="text-2xl sm:text-3xl">{t.editTitle(rule.title)}</h1>
        <HistoryLink actor={actor} entity="subsidy_rule" id={rule.id} />
        <p className="mt-2 text-base text-muted">{t.versionLine(rule.version, formatInstant(rule.updatedAt))}</p>
      </div>
      {created && <SavedNotice message={t.created} />}

      {can(actor, 'edit', RESOURCE) ? (
        <RuleForm
          key={`rule-${rule.id}`}
          mode="edit"
          id={rule.id}
          version={rule.version}
          action={updateSubsidyRuleAction}
          initial={{
            title: rule.title,
            outcome: rule.outcome,
            explanation: rule.explanation,
            runCostTypes: rule.runCostTypes,
            residency: rule.residency,
            minAge: rule.minAge === null ? '' : String(rule.minAge),
            maxAge: rule.maxAge === null ? '' : String(rule.maxAge),
            workStatuses: rule.workStatuses,
            matchRunTargetGroup: rule.matchRunTargetGroup,
            requireLevelUp: rule.requireLevelUp,
            active: rule.active,
          }}
        />
      ) : (
        <section className="rounded-xl border border-line bg-white p-4 sm:p-5" data-testid="subsidy-rule-readonly">
          <p className="mb-3 rounded-lg border-l-4 border-brand/40 bg-brand-soft px-4 py-3">{t.readOnly}</p>
          <p className="flex flex-wrap gap-2">
            <Badge tone={rule.active ? 'ok' : 'neutral'}>{rule.active ? t.active : t.inactive}</Badge>
            <Badge tone={rule.outcome === 'free' ? 'ok' : 'info'}>
              {t.outcome}：{OUTCOME_LABELS[rule.outcome]}
            </Badge>
          </p>
          {rule.explanation && <p className="mt-3">{rule.explanation}</p>}
          <p className="mt-3 text-base">
            {t.conditions}：{conds.length ? conds.join('；') : t.everyone}
          </p>
        </section>
      )}

      {can(actor, 'delete', RESOURCE) && (
        <section aria-labelledby="rule-delete" className="mt-6 rounded-xl border border-line bg-white p-4 sm:p-5">
          <h2 id="rule-delete" className="mb-2 text-xl">
            {t.deleteHeading}
          </h2>
          <DeleteRecord
            id={rule.id}
            version={rule.version}
            help={t.deleteHelp}
            button={t.deleteButton}
            confirm={t.deleteConfirm(rule.title)}
            after="/admin/subsidy-rules"
            action={deleteSubsidyRuleAction}
          />
        </section>
      )}
    </>
  );
}
