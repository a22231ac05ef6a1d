/**
 * The key that signs session cookies: AUTH_SECRET when set (production), otherwise a random
 * key kept in a file beside the database (created once, readable by its owner only), so a
 * fresh clone signs in without any set-up and a restart does not sign everybody out.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { resolveDatabasePath } from '../client';
import { serverConfig } from '../config';

let cached: string | undefined;

export function authSecret(): string {
  const configured = serverConfig().authSecret;
  if (configured) return configured;
  if (cached) return cached;
  const db = resolveDatabasePath();
  const file = db === path.resolve(/*turbopackIgnore: true*/ process.cwd(), ':memory:') ? null : `${db}.auth-secret`;
  if (file) {
    try {
      cached = fs.readFileSync(file, 'utf8').trim();
      if (cached.length >= 32) return cached;
    } catch {
      // Not there yet: create it below.
    }
    cached = randomBytes(48).toString('base64url');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, cached, { mode: 0o600 });
    return cached;
  }
  cached = randomBytes(48).toString('base64url');
  return cached;
}
