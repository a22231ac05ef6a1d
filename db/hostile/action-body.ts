/**
 * Server actions are open POST endpoints. Next answers a call whose body it cannot decode —
 * text that is not JSON, JSON that is not the argument list, an empty body, multipart that does
 * not parse — with a 500 and an error in the log. This check runs in the proxy first and
 * answers such a call with a 400 (413 when over Next's 1 MB limit) and a plain Chinese sentence instead; a well-formed call
 * (what React's encodeReply sends: a JSON array, or multipart form data) passes untouched.
 *
 * Only requests carrying the Next-Action header are looked at; no-JavaScript form posts
 * (which name the action inside the form) are left to Next.
 */
import { hostileInputText as T } from '@/components/hostile-input/strings';
import { log } from '@/db/log';

/** Next's default serverActions.bodySizeLimit; a bigger call makes Next throw (a 500). */
export const ACTION_BODY_LIMIT = 1024 * 1024;

type Req = { method: string; headers: Headers; clone(): { text(): Promise<string>; formData(): Promise<FormData> } };

/** Why the body of a server-action call cannot be an argument list, or null when it can. */
export async function actionBodyProblem(req: Req): Promise<string | null> {
  if (Number(req.headers.get('content-length') ?? 0) > ACTION_BODY_LIMIT) return 'too big';
  const type = (req.headers.get('content-type') ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) {
    if (!/;\s*boundary=/.test(type)) return 'multipart without a boundary';
    try {
      await req.clone().formData();
      return null;
    } catch {
      return 'multipart that does not parse';
    }
  }
  let text: string;
  try {
    text = await req.clone().text();
  } catch {
    return 'unreadable body';
  }
  if (Buffer.byteLength(text) > ACTION_BODY_LIMIT) return 'too big';
  let args: unknown;
  try {
    args = JSON.parse(text);
  } catch {
    return 'not JSON';
  }
  if (!Array.isArray(args)) return 'JSON that is not an argument list';
  return strayReference(args, 0);
}

/**
 * In a text body React's encodeReply writes a string that starts with '$' as '$$…', and the
 * only '$' forms it writes inline are these; anything else ('$1', '$@2', '${…') points at a
 * part only multipart bodies have, and Next's decoder fails on it with a 500.
 */
const INLINE_SPECIAL = /^\$(\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|D|n-?\d+$)/;

function strayReference(value: unknown, depth: number): string | null {
  if (depth > 100) return 'nested too deep';
  if (typeof value === 'string') return value.startsWith('$') && !INLINE_SPECIAL.test(value) ? 'a reference to a part a text body cannot have' : null;
  if (value === null || typeof value !== 'object') return null;
  for (const item of Array.isArray(value) ? value : Object.values(value)) {
    const problem = strayReference(item, depth + 1);
    if (problem) return problem;
  }
  return null;
}

/**
 * For the proxy: a 400 response for a server-action call with a body no browser sends, or null
 * to let the request through. One line in proxy.ts: `const bad = await refuseMalformedAction(req); if (bad) return bad;`
 */
export async function refuseMalformedAction(req: Req): Promise<Response | null> {
  if (req.method !== 'POST' || !req.headers.has('next-action')) return null;
  const problem = await actionBodyProblem(req);
  if (problem === null) return null;
  log.warn('action.bad_body', { problem });
  const tooBig = problem === 'too big';
  return new Response(tooBig ? T.actionBodyTooBig : T.badActionBody, {
    status: tooBig ? 413 : 400,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}
