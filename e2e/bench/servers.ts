/**
 * Starting, probing and stopping the two servers the benchmark loads: the portal (`next start`
 * on the bench build) and the floor server. Each runs in its own process group, so stopping it
 * also stops anything it spawned; every started group is stopped on exit, failure or Ctrl-C.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';

const started = new Set<ChildProcess>();

export function stopAll(): void {
  for (const child of started) stop(child);
}

export function stop(child: ChildProcess): void {
  started.delete(child);
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM'); // the whole group: next start and any worker it forked
  } catch {
    // Already gone.
  }
}

let hooked = false;
function hookExit(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', stopAll);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      stopAll();
      process.exit(130);
    });
  }
}

/** Whether something already listens on 127.0.0.1:port (a server left from another run). */
export function portBusy(port: number): boolean {
  return pidOnPort(port) !== null || listeningLines(port).length > 0;
}

function listeningLines(port: number): string[] {
  try {
    return execFileSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' })
      .split('\n')
      .filter((l) => l.trim());
  } catch {
    return [];
  }
}

/** The id of the process that listens on the port (the real server, not a wrapper). */
export function pidOnPort(port: number): number | null {
  for (const line of listeningLines(port)) {
    const m = /pid=(\d+)/.exec(line);
    if (m) return Number(m[1]);
  }
  return null;
}

/** Peak and current resident memory of a process, in MB (VmHWM / VmRSS from /proc). */
export function memoryOf(pid: number): { peakMb: number; rssMb: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { peakMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024 };
  } catch {
    return null;
  }
}

export function startServer(name: string, command: string, args: string[], env: Record<string, string>): ChildProcess {
  hookExit();
  const child = spawn(command, args, { env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  started.add(child);
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.on('exit', (code) => {
    if (started.has(child)) {
      started.delete(child);
      console.error(`\n${name} stopped unexpectedly (exit ${code}). Its last output:\n${tail}`);
    }
  });
  return child;
}

/** Waits until GET url answers 200 (or throws after timeoutMs). */
export async function waitReady(url: string, timeoutMs = 90_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < until) {
    try {
      const res = await fetch(url, { redirect: 'manual' });
      await res.arrayBuffer();
      if (res.status === 200) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} not ready after ${timeoutMs / 1000} s (${last})`);
}
