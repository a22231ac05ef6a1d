/**
 * Server actions are open POST endpoints, and Next's action handler answers many requests no
 * browser sends with a 500 and a stack trace in the log:
 *
 * - a call from another site (an Origin whose host is not the Host / X-Forwarded-Host, 'null',
 *   or not a URL at all): Next blocks the CSRF, but by throwing — a 500;
 * - a body it cannot decode: text that is not JSON, JSON that is not the argument list, an
 *   empty body, multipart that does not parse, and references ("$Q1", "$@2", "$1:a") to parts
 *   the body does not have, which React's decoder rejects with "Invalid forward reference";
 * - a body over its 1 MB limit;
 * - an action id this build does not have (a 404 — with the error and its stack printed).
 *
 * The same holds for forms posted without JavaScript (multipart, the action named by a
 * $ACTION_ID_… or $ACTION_REF_… field) and for any multipart POST to a page, which Next tries to
 * decode as such a form. This check runs in the proxy first and answers all of these with a 4xx
 * and a plain Chinese sentence; a well-formed call — what React's encodeReply and a plain action
 * form send — passes untouched, its body still readable by Next.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { hostileInputText as T } from '@/components/hostile-input/strings';
import { isActionPost, isRouteHandler } from './methods';
import { actionServesPage, knownActionIds } from './action-ids';
import { refusal } from './refusal';

/** Next's default serverActions.bodySizeLimit; a bigger call makes Next throw (a 500). */
export const ACTION_BODY_LIMIT = 1024 * 1024;

type Req = {
  method: string;
  url: string;
  headers: Pick<Headers, 'get' | 'has'>;
  clone(): { text(): Promise<string>; formData(): Promise<FormData> };
};

/**
 * Why Next would refuse this action call or form post as coming from another site, or null.
 * The same comparison as Next's own (action-handler.js): the Origin's host against the first
 * X-Forwarded-Host, else the Host. A missing Origin passes, as in Next (scripts and old
 * browsers send none, and carry no one else's cookies).
 */
export function foreignOriginProblem(headers: Pick<Headers, 'get'>): string | null {
  const origin = headers.get('origin');
  if (origin === null) return null;
  if (origin === 'null') return 'an opaque origin';
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return 'an origin that is not a URL';
  }
  const forwarded = headers.get('x-forwarded-host')?.split(',')[0]?.trim();
  const host = forwarded || headers.get('host');
  return host && originHost === host ? null : 'another site';
}

/** Why the body of a server-action call (Next-Action header) cannot be an argument list, or null when it can. */
export async function actionBodyProblem(req: Req): Promise<string | null> {
  if (Number(req.headers.get('content-length') ?? 0) > ACTION_BODY_LIMIT) return 'too big';
  // Multipart exactly as Next tells it apart (case-sensitive): anything else it reads as text.
  const type = req.headers.get('content-type') ?? '';
  if (type.startsWith('multipart/form-data')) {
    const form = await multipartAsNextReadsIt(req, type);
    if (typeof form === 'string') return form;
    return replyProblem(form, '', 'array');
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

async function multipart(req: Req, type: string): Promise<FormData | string> {
  if (!/;\s*boundary=/i.test(type)) return 'multipart without a boundary';
  try {
    return await req.clone().formData();
  } catch {
    return 'multipart that does not parse';
  }
}

type Busboy = NodeJS.WritableStream & {
  on(event: 'field', fn: (name: string | undefined, value: string) => void): Busboy;
  on(event: 'file', fn: (name: string | undefined, stream: NodeJS.ReadableStream, info: { filename?: string; encoding?: string; mimeType?: string }) => void): Busboy;
  on(event: 'error' | 'close' | 'finish', fn: (err?: unknown) => void): Busboy;
};
// Next's own copy, from the project's node_modules (the server runs in the project folder).
const requireBusboy = createRequire(path.join(/*turbopackIgnore: true*/ process.cwd(), 'package.json'));

/**
 * A fetch call's multipart body read the way Next reads it (its own copy of busboy, with the same
 * options), so that "parses here" means "parses there": the FormData parser lets through parts
 * busboy reports without a name, or with a name it reads differently, and React's decoder then
 * fails on them. Parts come back in body order.
 */
async function multipartAsNextReadsIt(req: Req, type: string): Promise<FormData | string> {
  if (!/;\s*boundary=/i.test(type)) return 'multipart without a boundary';
  let bytes: Buffer;
  try {
    bytes = Buffer.from(await (req.clone() as unknown as Request).arrayBuffer());
  } catch {
    return 'unreadable body';
  }
  if (bytes.length > ACTION_BODY_LIMIT) return 'too big';
  const form = new FormData();
  return new Promise<FormData | string>((resolve) => {
    let problem: string | null = null;
    let bb: Busboy;
    try {
      const make = requireBusboy('next/dist/compiled/busboy') as (o: object) => Busboy;
      bb = make({ defParamCharset: 'utf8', headers: { 'content-type': type }, limits: { fieldSize: ACTION_BODY_LIMIT } });
    } catch {
      resolve('multipart that does not parse');
      return;
    }
    const pending: Promise<void>[] = [];
    bb.on('field', (name, value) => {
      if (typeof name !== 'string') problem ??= 'a part without a name';
      else form.append(name, value);
    });
    bb.on('file', (name, stream, info) => {
      if (typeof name !== 'string' || typeof info.mimeType !== 'string' || typeof info.encoding !== 'string') problem ??= 'a file part without a name or type';
      const chunks: Buffer[] = [];
      pending.push(
        new Promise<void>((done) => {
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            if (typeof name === 'string') form.append(name, new Blob([Buffer.concat(chunks)], { type: info.mimeType ?? '' }), info.filename ?? 'blob');
            done();
          });
          stream.on('error', () => done());
        }),
      );
    });
    bb.on('error', () => resolve('multipart that does not parse'));
    bb.on('close', () => {
      void Promise.all(pending).then(() => resolve(problem ?? form));
    });
    bb.end(bytes);
  });
}

/** '$' forms that are values in place: escaped strings, undefined, NaN, ±Infinity, -0, dates, BigInts. */
const INLINE_SPECIAL = /^\$(\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|D|n-?\d{1,300}$)/;

/**
 * In a text body React's encodeReply writes a string that starts with '$' as '$$…', and the
 * only '$' forms it writes inline are these; anything else ('$1', '$@2', '${…') points at a
 * part only multipart bodies have, and Next's decoder fails on it with a 500.
 */
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

/** A reference to another part: a promise ($@), Map ($Q), Set ($W), iterator ($i) or plain model ($<id>[:path]). */
const PART_REFERENCE = /^\$([@QWi]?)([0-9a-f]{1,8})((?::[^:]+)*)$/;

/**
 * Why a multipart reply (the parts under `prefix`: '' for a fetch call, '$ACTION_1:' for a form's
 * bound arguments) would not decode, or null. React's decoder reads the root part '<prefix>0'
 * as soon as it arrives and fails on any reference to a part that does not exist or has not
 * arrived yet, so every referenced part must exist, hold JSON, and come before the part that
 * refers to it — which is how encodeReply writes them (`ordered`: a fetch call's body is decoded
 * as it streams in; a form's bound arguments are read once the whole form is there). Kinds of value no form or action on this
 * site sends (streams, typed arrays, server references) are refused outright.
 */
export function replyProblem(form: FormData, prefix: string, root: 'array' | 'object', ordered = true): string | null {
  const position = new Map<string, number>();
  let i = 0;
  for (const key of form.keys()) {
    if (!position.has(key)) position.set(key, i++);
    // As a fetch call streams in, React files each part under Number(name): '', ' ', '00', '0x0'
    // and '-0' all land on part 0 (and '01' on part 1) — garbage read as the argument list.
    if (key.startsWith(prefix)) {
      const id = key.slice(prefix.length);
      const n = Number(id);
      if (Number.isFinite(n) && String(n) !== id) return 'a part name that stands for another part';
    }
  }
  const parsed = new Map<number, unknown>();
  const checked = new Set<number>();
  let budget = 100_000;

  function part(id: number, from: number): { value: unknown } | string {
    const key = `${prefix}${id}`;
    const raw = form.getAll(key);
    if (raw.length !== 1 || typeof raw[0] !== 'string') return 'a reference to a part the body does not have';
    if (ordered && (position.get(key) ?? Infinity) > from) return 'a reference to a part that comes later';
    if (!parsed.has(id)) {
      try {
        parsed.set(id, JSON.parse(raw[0]));
      } catch {
        return 'a part that is not JSON';
      }
    }
    return { value: parsed.get(id) };
  }

  function walk(value: unknown, at: number, stack: number[], depth: number): string | null {
    if (--budget < 0) return 'too many values';
    if (depth > 100) return 'nested too deep';
    if (typeof value === 'string') {
      if (!value.startsWith('$') || INLINE_SPECIAL.test(value) || value === '$T') return null;
      // A FormData argument: its entries are the '<prefix><id>_…' fields (it may have none).
      if (/^\$K[0-9a-f]{1,8}$/.test(value)) return null;
      const blob = /^\$B([0-9a-f]{1,8})$/.exec(value);
      if (blob) return form.get(`${prefix}${parseInt(blob[1]!, 16)}`) instanceof Blob ? null : 'a reference to a file the body does not have';
      const ref = PART_REFERENCE.exec(value);
      // A path ('$1:a:b') only on a plain model reference, as encodeReply writes it for a repeated object.
      if (!ref || (ref[1] && ref[3])) return 'a kind of value this site never sends';
      const id = parseInt(ref[2]!, 16);
      if (stack.includes(id)) return 'a part that refers to itself';
      const found = part(id, at);
      if (typeof found === 'string') return found;
      let target = found.value;
      for (const step of ref[3]!.split(':').slice(1)) {
        if (target === null || typeof target !== 'object' || !Object.hasOwn(target, step)) return 'a reference to a value the part does not have';
        target = (target as Record<string, unknown>)[step];
      }
      if (ref[3] && typeof target === 'string' && target.startsWith('$')) return 'a reference through another reference';
      if (ref[1] === 'Q' || ref[1] === 'W' || ref[1] === 'i') {
        if (!Array.isArray(target)) return 'a Map, Set or iterator that is not a list';
        // new Map() needs [key, value] pairs; anything else throws inside the decoder.
        if (ref[1] === 'Q' && !target.every((e) => Array.isArray(e) && e.length === 2)) return 'a Map whose entries are not pairs';
      }
      if (checked.has(id) && !ref[3]) return null;
      const problem = walk(target, position.get(`${prefix}${id}`)!, [...stack, id], depth + 1);
      if (!ref[3]) checked.add(id);
      return problem;
    }
    if (value === null || typeof value !== 'object') return null;
    for (const item of Array.isArray(value) ? value : Object.values(value)) {
      const problem = walk(item, at, stack, depth + 1);
      if (problem) return problem;
    }
    return null;
  }

  const found = part(0, Infinity);
  if (typeof found === 'string') return found === 'a part that is not JSON' ? 'an argument list that is not JSON' : 'multipart without an argument list';
  const top = found.value;
  if (root === 'array' ? !Array.isArray(top) : top === null || typeof top !== 'object' || Array.isArray(top)) return 'JSON that is not an argument list';
  return walk(top, position.get(`${prefix}0`)!, [0], 0);
}

/**
 * Why a form posted without JavaScript (or any multipart POST to a page) is not one of this
 * site's action forms, or null. `ids` is the build's action ids (null: not known, not checked).
 */
export function formActionProblem(form: FormData, ids: Set<string> | null, servesPage: (id: string) => boolean = () => true): { status: 400 | 404; problem: string } | null {
  let actions = 0;
  let refs = 0;
  for (const key of new Set(form.keys())) {
    if (key.startsWith('$ACTION_ID_')) {
      actions++;
      const id = key.slice('$ACTION_ID_'.length);
      if (ids && !ids.has(id)) return { status: 404, problem: 'an unknown action' };
      if (!servesPage(id)) return { status: 404, problem: 'an action of another page' };
    } else if (key.startsWith('$ACTION_REF_')) {
      actions++;
      // A form and its submit button may each name one; React and Next accept no more.
      if (++refs > 2) return { status: 400, problem: 'too many action references' };
      const prefix = `$ACTION_${key.slice('$ACTION_REF_'.length)}:`;
      const problem = replyProblem(form, prefix, 'object', false);
      if (problem) return { status: 400, problem: `bound arguments: ${problem}` };
      const meta = JSON.parse(form.get(`${prefix}0`) as string) as { id?: unknown; bound?: unknown };
      // Next reads the id by position: the descriptor must start exactly so.
      if (typeof meta.id !== 'string' || !(form.get(`${prefix}0`) as string).startsWith('{"id":"')) return { status: 400, problem: 'an action reference without an id' };
      if (ids && !ids.has(meta.id)) return { status: 404, problem: 'an unknown action' };
      if (!servesPage(meta.id)) return { status: 404, problem: 'an action of another page' };
      if (meta.bound !== null && meta.bound !== undefined && !(typeof meta.bound === 'string' && /^\$@[0-9a-f]{1,8}$/.test(meta.bound))) {
        return { status: 400, problem: 'bound arguments that are not a list' };
      }
      if (typeof meta.bound === 'string') {
        const bound = JSON.parse(form.get(`${prefix}${parseInt(meta.bound.slice(2), 16)}`) as string) as unknown;
        if (!Array.isArray(bound) || bound.length > 1000) return { status: 400, problem: 'bound arguments that are not a list' };
      }
    }
  }
  return actions === 0 ? { status: 400, problem: 'a multipart post that names no action' } : null;
}

/**
 * For the proxy: a 4xx for a server-action call or a page's multipart POST that Next would
 * answer with a 500 (or a logged stack trace), or null to let the request through.
 * 403 from another site, 404 an unknown action, 413 over 1 MB, 400 a body no browser sends.
 */
export async function refuseMalformedAction(req: Req, ids: Set<string> | null = knownActionIds()): Promise<Response | null> {
  // A route handler that takes a multipart POST (the spreadsheet upload) is no server action:
  // it reads its own form and checks its own origin.
  if (!isActionPost(req) || isRouteHandler(new URL(req.url).pathname)) return null;
  const foreign = foreignOriginProblem(req.headers);
  if (foreign) return refusal(403, T.crossSiteAction, `action from ${foreign}`);
  const id = req.headers.get('next-action');
  if (id !== null) {
    // Next's client router reads this header as "the action is gone": it reloads instead of showing an error.
    if (ids && !ids.has(id)) return refusal(404, T.unknownAction, 'unknown action', { 'x-nextjs-action-not-found': '1' });
    return bodyRefusal(await actionBodyProblem(req));
  }
  if (Number(req.headers.get('content-length') ?? 0) > ACTION_BODY_LIMIT) return bodyRefusal('too big');
  const form = await multipart(req, req.headers.get('content-type') ?? '');
  if (typeof form === 'string') return bodyRefusal(form);
  const pathname = new URL(req.url).pathname;
  const verdict = formActionProblem(form, ids, ids ? (id) => actionServesPage(id, pathname) : undefined);
  if (!verdict) return null;
  return verdict.status === 404 ? refusal(404, T.unknownAction, verdict.problem) : refusal(400, T.notAForm, `form: ${verdict.problem}`);
}

function bodyRefusal(problem: string | null): Response | null {
  if (problem === null) return null;
  return problem === 'too big' ? refusal(413, T.actionBodyTooBig, 'action body too big') : refusal(400, T.badActionBody, `action body: ${problem}`);
}
