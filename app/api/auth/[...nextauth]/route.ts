// next-auth's own endpoints (session, csrf, callback). Signing in and out goes through the
// server actions in app/admin; these exist for next-auth's internal redirects.
import { handlers } from '@/db/auth/next-auth';

export const { GET, POST } = handlers;
