/**
 * Pieces shared by the soak run (run.ts) and the crash test (crash.ts): a `next start` of the
 * existing build on a throwaway database, the real sign-in over HTTP, raw POSTs to the real
 * admin server actions (ids from the build's server-reference manifest), and small figures.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import type Database from 'better-sqlite3';
import { percentile as nearestRank } from '../bench/latency';

export const DEMO_PASSWORD = 'fengtai-demo-2026';
export const AUTH_SECRET = 'soak-only-secret-not-for-any-real-deployment-0000000';
const ROOT = path.resolve(__dirname, '../..');

/** Wipes `file` and writes the sample data into it (the same command the e2e server uses). */
export function freshDatabase(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  execFileSync(process.execPath, ['--import', 'tsx', 'db/cli/run.ts', 'reset'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_PATH: file },
    stdio: 'ignore',
  });
}

export type Server = {
  child: ChildProcess;
  base: string;
  /** Everything the server printed (stdout and stderr). */
  output: () => string;
  /** SIGKILL to the whole process group, and wait for it to be gone. */
  kill9: () => Promise<void>;
  stop: () => Promise<void>;
};

const running = new Set<ChildProcess>();
let hooked = false;
function hookExit() {
  if (hooked) return;
  hooked = true;
  const all = () => {
    for (const c of running) {
      try {
        process.kill(-c.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  };
  process.on('exit', all);
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => (all(), process.exit(130)));
}

/** `next start` of the current build (NEXT_DIST_DIR or .next) on 127.0.0.1:port with DATABASE_PATH=db. */
export async function startServer(db: string, port: number): Promise<Server> {
  hookExit();
  const nextBin = path.join(ROOT, 'node_modules/next/dist/bin/next');
  const child = spawn(process.execPath, [nextBin, 'start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: ROOT,
    // The readers stand for many residents but all come from 127.0.0.1: the per-address search
    // limits (app/_server/rate-limit.ts) would refuse them, so loopback is exempt here.
    env: { ...process.env, DATABASE_PATH: db, AUTH_SECRET, SITE_URL: `http://127.0.0.1:${port}`, NEXT_TELEMETRY_DISABLED: '1', PORT: String(port), RATE_LIMIT_EXEMPT: '127.0.0.1,::1' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => (running.delete(child), resolve())));
  const signal = async (sig: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, sig);
    } catch {
      // already gone
    }
    await exited;
  };
  const base = `http://127.0.0.1:${port}`;
  const until = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited early:\n${out.slice(-2000)}`);
    try {
      const res = await fetch(`${base}/api/v1`, { redirect: 'manual' });
      await res.arrayBuffer();
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`next start not ready after 60 s:\n${out.slice(-2000)}`);
    await sleep(200);
  }
  return { child, base, output: () => out, kill9: () => signal('SIGKILL'), stop: () => signal('SIGTERM') };
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Admin server-action ids by "file#export" from the build's manifest. */
export function actionIds(): Record<string, string> {
  const dist = process.env.NEXT_DIST_DIR || '.next';
  const file = path.resolve(ROOT, dist, 'server/server-reference-manifest.json');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { node: Record<string, { filename?: string; exportedName?: string }> };
  const out: Record<string, string> = {};
  for (const [id, e] of Object.entries(manifest.node)) if (e.filename && e.exportedName) out[`${e.filename}#${e.exportedName}`] = id;
  return out;
}

export function actionId(ids: Record<string, string>, key: string): string {
  const id = ids[key];
  if (!id) throw new Error(`server action ${key} is not in the build (run next build first)`);
  return id;
}

function cookiesOf(res: Response, jar: Map<string, string>) {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const i = pair!.indexOf('=');
    jar.set(pair!.slice(0, i).trim(), pair!.slice(i + 1));
  }
}
const header = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

/**
 * Signs in through next-auth's credentials endpoint, exactly what the login form ends up
 * doing, and returns the Cookie header of the session. Each client has its own address so the
 * sign-in throttle never mixes them up.
 */
export async function signIn(base: string, username: string, ip: string): Promise<string> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers: { 'X-Forwarded-For': ip } });
  cookiesOf(csrf, jar);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: header(jar), 'X-Forwarded-For': ip },
    body: new URLSearchParams({ csrfToken, username, password: DEMO_PASSWORD }),
  });
  await res.arrayBuffer();
  cookiesOf(res, jar);
  if (![...jar.keys()].some((k) => k.includes('session-token'))) throw new Error(`sign-in as ${username} failed (HTTP ${res.status})`);
  return header(jar);
}

export type ActionAnswer = { status: number; result: Record<string, unknown> | null; text: string };

/** A raw POST to a server action, as the admin forms send it; the action's return value parsed out of the RSC answer. */
export async function callAction(base: string, cookie: string, id: string, args: unknown[], ip: string, timeoutMs = 15_000): Promise<ActionAnswer> {
  const res = await fetch(`${base}/admin`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Next-Action': id, 'Content-Type': 'text/plain;charset=UTF-8', Accept: 'text/x-component', Cookie: cookie, 'X-Forwarded-For': ip },
    body: JSON.stringify(args),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await res.text();
  let result: Record<string, unknown> | null = null;
  for (const line of text.split('\n')) {
    const m = /^[0-9a-f]+:(\{.*\})$/.exec(line);
    if (!m) continue;
    try {
      const v = JSON.parse(m[1]!) as Record<string, unknown>;
      if ('ok' in v) result = v;
    } catch {
      // not a JSON row
    }
  }
  return { status: res.status, result, text };
}

/** Nearest-rank percentile of sorted latencies (the benchmark's), 0 when there are none. */
export function percentile(sorted: number[], p: number): number {
  return sorted.length ? nearestRank(sorted, p) : 0;
}

/** The value after `--name` on the command line. */
export function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/**
 * A station's details as the admin form sends them (the save action's argument): strings for
 * numbers, booleans for the facility boxes, '' for empty text. `id` omitted: the first published station.
 */
export function stationForm(db: Database.Database, id?: number): Record<string, unknown> & { id: number; version: number } {
  const s = db
    .prepare(
      `SELECT id, version, name, host_type AS hostType, host_name AS hostName, street_id AS streetId, address, lat, lng, phone,
              has_window AS hasWindow, has_self_service AS hasSelfService, has_ai_avatar AS hasAiAvatar, is_accessible AS isAccessible,
              status, opening_date AS openingDate, status_reason AS statusReason, last_verified_on AS lastVerifiedOn, directions
       FROM stations WHERE ${id === undefined ? "publication = 'published' ORDER BY id LIMIT 1" : 'id = ?'}`,
    )
    .get(...(id === undefined ? [] : [id])) as Record<string, unknown>;
  return {
    ...s,
    streetId: String(s.streetId),
    lat: String(s.lat),
    lng: String(s.lng),
    hasWindow: Boolean(s.hasWindow),
    hasSelfService: Boolean(s.hasSelfService),
    hasAiAvatar: Boolean(s.hasAiAvatar),
    isAccessible: Boolean(s.isAccessible),
    openingDate: s.openingDate ?? '',
    statusReason: s.statusReason ?? '',
    directions: s.directions ?? '',
  } as unknown as Record<string, unknown> & { id: number; version: number };
}

/** Lines of server output that mean trouble: SQLITE_BUSY, database locked, uncaught errors. */
export function serverTrouble(output: string): { busy: number; errors: string[] } {
  const lines = output.split('\n');
  const busy = lines.filter((l) => /SQLITE_BUSY|database is locked/i.test(l)).length;
  const errors = lines.filter((l) => /SQLITE_|Unhandled|uncaught|\[admin action|"level":"error"|⨯/i.test(l));
  return { busy, errors };
}
