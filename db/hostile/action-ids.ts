/**
 * The server-action ids this build has, read from the build's server-reference manifest. Next
 * answers a call to an id it does not know with a 404 — and prints the error with its stack
 * to the server's output, so a scanner sending made-up ids could fill the log. The proxy
 * answers those itself (action-body.ts).
 *
 * The file is re-read when it changes (`next dev` adds actions as they are written). When it
 * cannot be read the check is skipped: Next still refuses the call, only less quietly.
 */
import fs from 'node:fs';
import path from 'node:path';

type Cache = { file: string; mtimeMs: number; ids: Set<string> };
const g = globalThis as unknown as { __portalActionIds?: Cache | null };

function manifestFile(): string {
  const dist = process.env.NEXT_DIST_DIR || '.next';
  const dev = process.env.NODE_ENV === 'development' ? 'dev' : '';
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), dist, dev, 'server/server-reference-manifest.json');
}

/** The known ids, or null when the manifest cannot be read. */
export function knownActionIds(file: string = manifestFile()): Set<string> | null {
  try {
    const { mtimeMs } = fs.statSync(file);
    const cached = g.__portalActionIds;
    if (cached && cached.file === file && cached.mtimeMs === mtimeMs) return cached.ids;
    const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { node?: Record<string, unknown>; edge?: Record<string, unknown> };
    const ids = new Set([...Object.keys(manifest.node ?? {}), ...Object.keys(manifest.edge ?? {})]);
    g.__portalActionIds = { file, mtimeMs, ids };
    return ids;
  } catch {
    return null;
  }
}
