import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { currentSession } from '@/db/auth/guard';
import { isSampleData } from '@/db/queries/site';
import { admin } from '@/components/admin/strings';
import { LoginForm } from '@/components/admin/login-form';
import { Notice } from '@/components/ui/notice';
import { site } from '@/components/ui/strings';

export const metadata: Metadata = { title: admin.login.title, robots: { index: false } };

type Reason = keyof typeof admin.login.reasons;

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const session = await currentSession();
  if (session.ok) redirect('/admin');
  const reason = typeof sp.reason === 'string' && sp.reason in admin.login.reasons ? (sp.reason as Reason) : null;
  const next = typeof sp.next === 'string' ? sp.next.slice(0, 300) : '';
  return (
    <main id="main" className="mx-auto w-full max-w-md flex-1 px-4 py-10">
      <p className="text-lg font-bold text-brand">{site.fullName}</p>
      <h1 className="mt-2 text-3xl">{admin.login.title}</h1>
      <p className="mt-1 text-muted">{admin.login.lead}</p>
      {reason && (
        <div className="mt-4">
          <Notice tone={reason === 'signedOut' ? 'info' : 'warn'}>{admin.login.reasons[reason]}</Notice>
        </div>
      )}
      <LoginForm next={next} />
      {await isSampleData() && <p className="mt-6 text-base text-muted">{admin.login.demoNote}</p>}
    </main>
  );
}
