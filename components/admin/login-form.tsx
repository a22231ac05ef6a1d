'use client';
import { useActionState } from 'react';
import { signInAction, type LoginState } from '@/app/admin/login/actions';
import { Button } from '@/components/ui/button';
import { admin } from './strings';
import { inputClass } from './form';

/** Works without JavaScript too: a plain form posting to the sign-in action. */
export function LoginForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState<LoginState, FormData>(signInAction, {});
  return (
    <form action={action} className="mt-6 rounded-lg bg-white p-5 shadow-sm" noValidate>
      {state.error && (
        <div role="alert" className="mb-4 rounded-lg border-l-4 border-bad bg-bad-soft px-4 py-3 font-medium">
          {state.error}
        </div>
      )}
      <input type="hidden" name="next" value={next} />
      <div className="mb-4">
        <label htmlFor="username" className="block font-medium">
          {admin.login.username}
        </label>
        <input
          id="username"
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          defaultValue={state.username ?? ''}
          key={state.username ?? ''}
          className={`${inputClass} mt-1`}
        />
      </div>
      <div className="mb-5">
        <label htmlFor="password" className="block font-medium">
          {admin.login.password}
        </label>
        <input id="password" name="password" type="password" autoComplete="current-password" required className={`${inputClass} mt-1`} />
      </div>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? admin.login.pending : admin.login.submit}
      </Button>
    </form>
  );
}
