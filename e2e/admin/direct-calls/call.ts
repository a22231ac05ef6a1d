/**
 * Calling admin server actions the way an attacker would: the build's own list of them (its
 * server-reference manifest) and a raw POST with an action's id.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext } from '@playwright/test';

type ManifestEntry = { filename?: string; exportedName?: string };

/** Every server action under app/admin in the build, as its id and `file#export`. */
export function adminActions(): { id: string; key: string }[] {
  const dist = process.env.NEXT_DIST_DIR || '.next';
  const file = path.resolve(dist, 'server/server-reference-manifest.json');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { node: Record<string, ManifestEntry> };
  return Object.entries(manifest.node)
    .filter(([, e]) => e.filename?.startsWith('app/admin/'))
    .map(([id, e]) => ({ id, key: `${e.filename}#${e.exportedName}` }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

export async function callAction(request: APIRequestContext, id: string, args: unknown[]) {
  const res = await request.post('/', {
    headers: { 'Next-Action': id, 'Content-Type': 'text/plain;charset=UTF-8', Accept: 'text/x-component' },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
  return { status: res.status(), text: await res.text(), redirect: res.headers()['x-action-redirect'] ?? '' };
}
