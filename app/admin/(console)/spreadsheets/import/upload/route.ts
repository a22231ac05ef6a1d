/**
 * POST /admin/spreadsheets/import/upload (multipart: kind, file) — reads and checks an import
 * file and keeps it as a preview; writes nothing to the database.
 *
 * With the header `X-Import-Progress: 1` (the page's script) the answer is a stream of JSON
 * lines — {"stage":"read"}, {"stage":"check","done":250,"total":5000} … and finally
 * {"done":true,"url":…} or {"error":…} — so the clerk sees progress on large files. A plain
 * form post (no JavaScript) is answered with a redirect to the preview, or back to the form
 * with an error code.
 */
import { getDb } from '@/db/index';
import { IMPORT_KINDS, type ImportKind } from '@/db/validation/admin/import';
import { planImportGradually, planVersions } from '@/db/admin/spreadsheets/import';
import { mayImport } from '@/db/admin/spreadsheets/gate';
import { savePreview } from '@/db/admin/spreadsheets/previews';
import { MAX_UPLOAD_BYTES, readUpload, SheetError, type SheetErrorCode } from '@/db/admin/spreadsheets/sheet';
import { routeActor, sameOrigin, textResponse } from '@/app/_server/route-handlers';
import { sheets } from '@/components/admin/spreadsheets/strings';
import { log } from '@/db/log';

export const dynamic = 'force-dynamic';

const IMPORT_PAGE = '/admin/spreadsheets/import';

type UploadError = SheetErrorCode | 'kind' | 'noFile' | 'failed';

const MESSAGES: Record<Exclude<UploadError, SheetErrorCode>, string> = {
  kind: sheets.upload.badKind,
  noFile: sheets.upload.empty,
  failed: sheets.upload.failed,
};

export async function POST(req: Request) {
  const streaming = req.headers.get('x-import-progress') === '1';
  // Nobody who may not import gets as far as reading a file.
  const actor = await routeActor({ unauthenticated: sheets.refused.unauthenticated, forbidden: sheets.refused.forbiddenImport }, (a) => mayImport(a));
  if (actor instanceof Response) {
    if (streaming || actor.status !== 401) return actor;
    return redirect(`/admin/login?next=${encodeURIComponent(IMPORT_PAGE)}`);
  }
  if (!sameOrigin(req)) return textResponse(403, sheets.refused.badOrigin);

  const fail = (code: UploadError, message?: string) =>
    streaming ? lines([{ error: message ?? messageOf(code) }]) : redirect(`${IMPORT_PAGE}?error=${code}`);

  const length = Number(req.headers.get('content-length') ?? '0');
  if (length > MAX_UPLOAD_BYTES + 64 * 1024) return fail('tooBig');
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    return fail('noFile');
  }
  const kind = String(form.get('kind') ?? '');
  if (!(IMPORT_KINDS as readonly string[]).includes(kind)) return fail('kind');
  const k = kind as ImportKind;
  if (!mayImport(actor, k)) return textResponse(403, sheets.refused.forbiddenImport);
  const file = form.get('file');
  if (!(file instanceof File) || file.size === 0) return fail(file instanceof File ? 'empty' : 'noFile');
  if (file.size > MAX_UPLOAD_BYTES) return fail('tooBig');
  const fileName = file.name.slice(0, 200) || '未命名';
  const bytes = new Uint8Array(await file.arrayBuffer());

  const work = async (progress: (o: object) => void): Promise<string> => {
    progress({ stage: 'read' });
    const table = await readUpload(fileName, bytes);
    const total = table.rows.length;
    const plan = await planImportGradually(getDb(), k, table, (done) => progress({ stage: 'check', done, total }));
    progress({ stage: 'check', done: total, total });
    const preview = savePreview({ userId: actor.id, kind: k, fileName, table, plan, versions: planVersions(plan) });
    return `${IMPORT_PAGE}/${preview.token}`;
  };

  if (!streaming) {
    try {
      return redirect(await work(() => {}));
    } catch (e) {
      if (e instanceof SheetError) return fail(e.code);
      log.error('spreadsheets.upload.failed', { kind: k, err: e });
      return fail('failed');
    }
  }

  const enc = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (o: object) => controller.enqueue(enc.encode(`${JSON.stringify(o)}\n`));
      try {
        send({ done: true, url: await work(send) });
      } catch (e) {
        if (!(e instanceof SheetError)) log.error('spreadsheets.upload.failed', { kind: k, err: e });
        send({ error: e instanceof SheetError ? e.message : MESSAGES.failed });
      } finally {
        controller.close();
      }
    },
  });
  return new Response(stream, {
    headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store', 'X-Accel-Buffering': 'no' },
  });
}

function messageOf(code: UploadError): string {
  return code in MESSAGES ? MESSAGES[code as keyof typeof MESSAGES] : new SheetError(code as SheetErrorCode).message;
}

function lines(objects: object[]): Response {
  return new Response(objects.map((o) => `${JSON.stringify(o)}\n`).join(''), {
    headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

function redirect(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location, 'Cache-Control': 'no-store' } });
}
