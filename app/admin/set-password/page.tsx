import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { currentSession, SET_PASSWORD_PATH } from '@/db/auth/guard';
import { site } from '@/components/ui/strings';
import { admin } from '@/components/admin/strings';
import { OwnPasswordForm } from '@/components/admin/users/own-password-form';
import { usersText } from '@/components/admin/users/strings';
import { signOutAction } from '../session-actions';

const t = usersText.setPassword;

export const metadata: Metadata = { title: t.title, robots: { index: false } };

/**
 * Where an account on a one-time password lands after signing in (the session guard sends every
 * admin page here). It is outside the console on purpose: no menu, nothing else to open.
 */
export default async function SetPasswordPage() {
  const s = await currentSession();
  if (!s.ok) redirect(`/admin/login?next=${SET_PASSWORD_PATH}`);
  if (!s.mustChangePassword) redirect('/admin');
  return (
    <main id="main" className="mx-auto w-full max-w-md flex-1 px-4 py-10">
      <p className="text-lg font-bold text-brand">{site.fullName}</p>
      <h1 className="mt-2 text-3xl">{t.title}</h1>
      <p className="mt-1">{t.lead(s.actor.displayName)}</p>
      <p className="mt-2 text-base text-muted">{t.why}</p>
      <div className="mt-5 rounded-xl border border-line bg-white p-4">
        <OwnPasswordForm mode="set" username={s.actor.username} />
      </div>
      <form action={signOutAction} className="mt-6">
        <button type="submit" className="min-h-12 rounded-lg border-2 border-brand px-4 font-medium text-brand hover:bg-brand-soft">
          {admin.signOut}
        </button>
      </form>
    </main>
  );
}
