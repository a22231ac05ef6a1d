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
import { clientIp } from './client-ip';
import { authSecret } from './secret';
import { ABSOLUTE_MS } from './sessions';

/** A sign-in refused because of too many recent failures. `code` reaches the login form. */
class Throttled extends CredentialsSignin {
  code = 'throttled';
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
      const routine = type === 'JWTSessionError' || type === 'CredentialsSignin';
      const line = JSON.stringify({ level: routine ? 'warn' : 'error', source: 'auth', type, message: routine ? undefined : error.message });
      if (routine) console.warn(line);
      else console.error(line);
    },
    warn(code) {
      console.warn(JSON.stringify({ level: 'warn', source: 'auth', type: code }));
    },
    debug() {},
  },
  providers: [
    Credentials({
      credentials: { username: {}, password: {} },
      async authorize(credentials, request) {
        const username = typeof credentials?.username === 'string' ? credentials.username : '';
        const password = typeof credentials?.password === 'string' ? credentials.password.slice(0, 200) : '';
        const result = await attemptSignIn(getDb(), { username, password, ip: clientIp(request.headers) });
        if (!result.ok) {
          if (result.reason === 'throttled') throw new Throttled();
          return null;
        }
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
