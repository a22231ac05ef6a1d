/**
 * The server-action ids this build has, read from the build's server-reference manifest. Next
 * answers a call to an id it does not know with a 404 — and prints the error with its stack
 * to the server's output, so a scanner sending made-up ids could fill the log. The proxy
 * answers those itself (action-body.ts).
 *
 * Under `next dev` the file is re-read when it changes (actions are added as they are written);
 * a production build reads it once. When it
 * cannot be read the check is skipped: Next still refuses the call, only less quietly.
 */
import fs from 'node:fs';
import path from 'node:path';
import { serverConfig } from '@/db/config';

const nodeEnv = () => serverConfig().nodeEnv;

type Cache = { file: string; mtimeMs: number; ids: Set<string>; pages: Map<string, RegExp[]> };
const g = globalThis as unknown as { __portalActionIds?: Cache | null };

function manifestFile(): string {
  const { distDir: dist, nodeEnv } = serverConfig();
  // `next dev` writes its build under <dist>/dev.
  const dev = nodeEnv === 'development' ? 'dev' : '';
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), dist, dev, 'server/server-reference-manifest.json');
}

/** The known ids, or null when the manifest cannot be read. */
export function knownActionIds(file: string = manifestFile()): Set<string> | null {
  try {
    const cached = g.__portalActionIds;
    // A production build's manifest never changes while it runs: no file system call per action.
    if (cached && cached.file === file && nodeEnv() === 'production') return cached.ids;
    const { mtimeMs } = fs.statSync(file);
    if (cached && cached.file === file && cached.mtimeMs === mtimeMs) return cached.ids;
    const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { node?: Record<string, Entry>; edge?: Record<string, Entry> };
    const entries = [...Object.entries(manifest.node ?? {}), ...Object.entries(manifest.edge ?? {})];
    const ids = new Set(entries.map(([id]) => id));
    const pages = new Map(entries.map(([id, e]) => [id, Object.keys(e.workers ?? {}).map(pagePattern)]));
    g.__portalActionIds = { file, mtimeMs, ids, pages };
    return ids;
  } catch {
    return null;
  }
}

type Entry = { workers?: Record<string, unknown> };

/** 'app/admin/(console)/courses/[id]/page' → the addresses that page answers. */
function pagePattern(worker: string): RegExp {
  const segments = worker
    .replace(/^app/, '')
    .replace(/\/page$/, '')
    .split('/')
    .filter((seg) => seg !== '' && !/^\(.*\)$/.test(seg) && !seg.startsWith('@'));
  const body = segments
    .map((seg) => (/^\[\[?\.\.\./.test(seg) ? '(?:/.*)?' : /^\[.+\]$/.test(seg) ? '/[^/]+' : '/' + seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}/?$`);
}

/**
 * Whether a form posted without JavaScript to `pathname` can reach action `id`: Next runs such a
 * form only with the actions of the page it is posted to (a fetch call is forwarded; a form is
 * answered "Server Action unavailable" with the error and its stack in the log). True when not known.
 */
export function actionServesPage(id: string, pathname: string): boolean {
  knownActionIds();
  const patterns = g.__portalActionIds?.pages.get(id);
  if (!patterns) return true;
  return patterns.some((re) => re.test(pathname));
}
