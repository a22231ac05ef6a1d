import type { NextRequest } from 'next/server';
import { encodeAnswers, parseAnswers, SUBSIDY_COOKIE, SUBSIDY_COOKIE_MAX_AGE } from '@/db/domain/subsidy';

/**
 * The self-check form's POST (a plain form, so it works without JavaScript). Saves the answers
 * in the resident's own cookie — nothing is written on the server, nothing is logged — or
 * clears them, then sends the resident back (303) to the self-check page. Bad input changes
 * nothing and comes back as field names only (?error=age,work), never the values typed.
 */
const PAGE = '/courses/subsidy-check';
const MAX_BODY = 4096;

function back(query: string, cookie?: string, secure = false): Response {
  const headers = new Headers({ Location: `${PAGE}${query}`, 'Cache-Control': 'no-store' });
  if (cookie !== undefined) headers.append('Set-Cookie', `${SUBSIDY_COOKIE}=${cookie}; Path=/; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`);
  return new Response(null, { status: 303, headers });
}

/** A form posted from another site is refused: only this site's own page may change the answers. */
function sameSite(req: NextRequest): boolean {
  const origin = req.headers.get('origin');
  if (origin === null || origin === 'null') return origin === null;
  try {
    return new URL(origin).host === req.headers.get('host');
  } catch {
    return false;
  }
}

export async function POST(req: NextRequest) {
  const secure = req.nextUrl.protocol === 'https:';
  if (!sameSite(req)) return back('?error=refused');
  const length = Number(req.headers.get('content-length') ?? '0');
  if (length > MAX_BODY) return back('?error=refused');
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    return back('?error=refused');
  }
  const field = (k: string) => {
    const v = form.get(k);
    return typeof v === 'string' ? v : '';
  };
  if (field('intent') === 'clear') return back('?cleared=1', `; Max-Age=0`, secure);
  const r = parseAnswers({ age: field('age'), residency: field('residency'), work: field('work'), certOccupation: field('certOccupation'), certLevel: field('certLevel') });
  if (!r.ok) return back(`?error=${Object.keys(r.errors).join(',')}#answers`);
  return back('?saved=1#runs', `${encodeURIComponent(encodeAnswers(r.answers))}; Max-Age=${SUBSIDY_COOKIE_MAX_AGE}`, secure);
}

/** A GET here (a bookmark, a crawler) just goes to the page. */
export function GET() {
  return back('');
}
