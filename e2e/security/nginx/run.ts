/**
 * Starts nginx (Debian's, installed by e2e/setup/ensure-nginx.sh) in front of the test server,
 * with e2e/security/nginx/nginx.conf, as a non-daemon child of the test process on a port of its
 * own (E2E_NGINX_PORT, default E2E_PORT + 10), and stops it again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => fs.existsSync(p)) ?? 'nginx';

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port }, () => {
      s.destroy();
      resolve(true);
    });
    s.on('error', () => resolve(false));
  });
}

export async function startNginx(upstreamPort: number, listenPort: number): Promise<{ origin: string; stop: () => Promise<void> }> {
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-nginx-'));
  const template = fs.readFileSync(path.resolve('e2e/security/nginx/nginx.conf'), 'utf8');
  const conf = path.join(prefix, 'nginx.conf');
  fs.writeFileSync(conf, template.replaceAll('@PREFIX@', prefix).replaceAll('@UPSTREAM_PORT@', String(upstreamPort)).replaceAll('@LISTEN_PORT@', String(listenPort)));
  // -e: errors to stderr from the start (the packaged default log path may not be writable).
  const child: ChildProcess = spawn(NGINX, ['-p', prefix, '-e', 'stderr', '-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 10_000;
  while (!(await portOpen(listenPort))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`nginx did not start on ${listenPort}: ${stderr.trim()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    origin: `http://127.0.0.1:${listenPort}`,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGQUIT'); // graceful: the master stops its worker and exits
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      fs.rmSync(prefix, { recursive: true, force: true });
    },
  };
}
