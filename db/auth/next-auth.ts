/**
 * next-auth (v5) set-up: one credentials provider, JWT cookies that carry only our session id.
 * Whether that session is alive is decided by db/auth/sessions.ts on every request (see
 * guard.ts), not by the cookie.
 */
import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '../index';
import { attemptSignIn } from './sign-in';
import type { ThrottleScope } from './throttle';
import { clientIp } from './client-ip';
import { authSecret } from './secret';
import { ABSOLUTE_MS } from './sessions';
import { log } from '../log';

/**
 * A sign-in refused because of too many recent failures. `code` reaches the login form; the
 * sign-in action also reads which count refused and for how long (next-auth rethrows this very
 * error to a server action).
 */
export class Throttled extends CredentialsSignin {
  code = 'throttled';
  constructor(
    readonly scope: ThrottleScope,
    readonly waitMs: number,
  ) {
    super();
  }
}

declare module 'next-auth' {
  interface User {
    sid?: string;
  }
  interface Session {
    sid?: string;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: authSecret(),
  // Next reports the request's own host under `next start`; callback URLs stay relative.
  trustHost: true,
  session: { strategy: 'jwt', maxAge: ABSOLUTE_MS / 1000, updateAge: 0 },
  pages: { signIn: '/admin/login', error: '/admin/login' },
  // One line per event and no stack: an unreadable cookie (signed with an old key, tampered,
  // or cut short) is routine — the request is simply treated as signed out.
  logger: {
    error(error) {
      const type = (error as { type?: string }).type ?? error.name;
      // MissingCSRF: a post to the credentials callback without next-auth's token — the client's doing.
      const routine = type === 'JWTSessionError' || type === 'CredentialsSignin' || type === 'MissingCSRF';
      // Routine ones repeat what our own auth.* events say (or mean: a stale cookie), so they stay out of stderr.
      if (routine) log.info('auth.library', { type });
      else log.error('auth.library', { type, message: error.message });
    },
    warn(code) {
      log.warn('auth.library', { type: code });
    },
    debug() {},
  },
  providers: [
    Credentials({
      credentials: { username: {}, password: {} },
      async authorize(credentials, request) {
        const username = typeof credentials?.username === 'string' ? credentials.username : '';
        const password = typeof credentials?.password === 'string' ? credentials.password.slice(0, 200) : '';
        const ip = clientIp(request.headers);
        const result = await attemptSignIn(getDb(), { username, password, ip });
        // Who tried from where — the typed name is kept (cut short), the password never.
        const who = { username: username.slice(0, 64), ip };
        if (!result.ok) {
          if (result.reason === 'throttled') {
            log.info('auth.signin.throttled', { ...who, waitMs: result.waitMs, scope: result.scope });
            throw new Throttled(result.scope, result.waitMs);
          }
          log.info('auth.signin.failed', who);
          return null;
        }
        log.info('auth.signin', { ...who, userId: result.actor.id, role: result.actor.role });
        return { id: String(result.actor.id), name: result.actor.displayName, sid: result.sessionId };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.sid) token.sid = user.sid;
      return token;
    },
    session({ session, token }) {
      return { ...session, sid: typeof token.sid === 'string' ? token.sid : undefined };
    },
  },
});
