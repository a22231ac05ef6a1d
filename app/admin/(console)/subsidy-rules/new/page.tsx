import type { Metadata } from 'next';
import Link from 'next/link';
import { can, requirePageActor } from '@/db/auth/guard';
import { Refused } from '@/components/admin/refused';
import { RuleForm } from '@/components/admin/subsidy/rule-form';
import { subsidyText } from '@/components/subsidy/strings';
import { createSubsidyRuleAction } from '../actions';

export const metadata: Metadata = { title: subsidyText.admin.newTitle };
export const dynamic = 'force-dynamic';

const t = subsidyText.admin;

export default async function NewSubsidyRulePage() {
  const actor = await requirePageActor('/admin/subsidy-rules/new');
  if (!can(actor, 'create', { kind: 'subsidy' })) return <Refused />;
  return (
    <>
      <p className="mb-2">
        <Link href="/admin/subsidy-rules" className="inline-flex min-h-12 items-center">
          ← {t.backToList}
        </Link>
      </p>
      <h1 className="mb-5 text-2xl sm:text-3xl">{t.newTitle}</h1>
      <RuleForm
        mode="create"
        action={createSubsidyRuleAction}
        initial={{
          title: '',
          outcome: 'free',
          explanation: '',
          runCostTypes: '',
          residency: 'hukou_or_permit',
          minAge: '16',
          maxAge: '60',
          workStatuses: '',
          matchRunTargetGroup: false,
          requireLevelUp: false,
          active: true,
        }}
      />
    </>
  );
}
