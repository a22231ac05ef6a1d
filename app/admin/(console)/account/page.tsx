import type { Metadata } from 'next';
import { getDb } from '@/db';
import { requirePageActor } from '@/db/auth/guard';
import { ROLE_LABELS } from '@/db/auth/permissions';
import { ownAccount } from '@/db/admin/users';
import { PageHeader } from '@/components/ui/page-header';
import { DescriptionList } from '@/components/ui/description-list';
import { OwnPasswordForm } from '@/components/admin/users/own-password-form';
import { usersText } from '@/components/admin/users/strings';

const t = usersText.account;

export const metadata: Metadata = { title: t.title };

export default async function AccountPage() {
  const actor = await requirePageActor('/admin/account');
  const me = await ownAccount(getDb(), actor);
  return (
    <>
      <PageHeader title={t.title} lead={t.lead} />
      <div className="grid gap-5 lg:grid-cols-2 lg:items-start">
        <section aria-labelledby="info-title" className="rounded-xl border border-line bg-white p-4">
          <h2 id="info-title" className="mb-3 text-xl">
            {t.infoTitle}
          </h2>
          <DescriptionList
            items={[
              { label: t.username, value: actor.username },
              { label: t.displayName, value: actor.displayName },
              { label: t.role, value: ROLE_LABELS[actor.role] },
              { label: t.scope, value: me.scope ?? usersText.noScope },
              { label: t.lastSignIn, value: me.lastSignIn ?? usersText.never },
            ]}
          />
        </section>
        <section aria-labelledby="password-title" className="rounded-xl border border-line bg-white p-4">
          <h2 id="password-title" className="text-xl">
            {t.passwordTitle}
          </h2>
          <p className="mb-3 text-base text-muted">{t.passwordHelp}</p>
          <OwnPasswordForm mode="change" username={actor.username} />
        </section>
      </div>
    </>
  );
}
