'use server';
/**
 * Signing in. Public by nature (it is the way in); everything it does is checked inside
 * attemptSignIn (throttling, password, audit) through next-auth's credentials provider.
 */
import { AuthError, CredentialsSignin } from 'next-auth';
import { signIn, Throttled } from '@/db/auth/next-auth';
import { admin } from '@/components/admin/strings';

export type LoginState = { error?: string; username?: string };

/** Only paths inside the admin console are followed after signing in. */
function safeNext(raw: unknown): string {
  const s = typeof raw === 'string' ? raw : '';
  return /^\/admin(\/[^\s\\]*)?$/.test(s) && !s.startsWith('//') && !s.startsWith('/admin/login') ? s : '/admin';
}

export async function signInAction(_prev: LoginState, formData: FormData): Promise<LoginState> {
  const username = typeof formData?.get?.('username') === 'string' ? String(formData.get('username')).slice(0, 100) : '';
  const password = typeof formData?.get?.('password') === 'string' ? String(formData.get('password')).slice(0, 200) : '';
  if (!username.trim() || !password) return { error: admin.login.missing, username };
  try {
    await signIn('credentials', { username, password, redirectTo: safeNext(formData.get('next')) });
  } catch (e) {
    if (e instanceof AuthError) {
      if (e instanceof Throttled) return { error: admin.login.throttledFor(e.scope, e.waitMs / 1000), username };
      const throttled = e instanceof CredentialsSignin && e.code === 'throttled';
      return { error: throttled ? admin.login.throttled : admin.login.failed, username };
    }
    throw e; // NEXT_REDIRECT on success
  }
  return {};
}
