/** Raw server-action calls for the security specs (ids from the build's server-reference manifest). */
import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext } from '@playwright/test';

/** The id of the action exported as `exportedName` from `filename` (e.g. 'app/admin/(console)/account/actions.ts'). */
export function actionId(filename: string, exportedName: string): string {
  const dist = process.env.NEXT_DIST_DIR || '.next';
  const manifest = JSON.parse(fs.readFileSync(path.resolve(dist, 'server/server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const hit = Object.entries(manifest.node).find(([, e]) => e.filename === filename && e.exportedName === exportedName);
  if (!hit) throw new Error(`no server action ${filename}#${exportedName} in the build`);
  return hit[0];
}

/** POSTs to a server action the way Next's client does, without following redirects. */
export async function callAction(request: APIRequestContext, id: string, args: unknown[], headers: Record<string, string> = {}) {
  const res = await request.post('/', {
    headers: { 'Next-Action': id, 'Content-Type': 'text/plain;charset=UTF-8', Accept: 'text/x-component', ...headers },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
  return { res, status: res.status(), text: await res.text(), redirect: res.headers()['x-action-redirect'] ?? '' };
}
