/**
 * For unit tests of server code: a fresh, seeded database file in the temp folder, made the
 * process-wide connection so query modules (which call getDb()) read it. Call before the first
 * query; each test file runs in its own process, so each gets its own database.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type DB } from './client';
import { seedSampleData } from './seed';

export const TEST_TODAY = '2026-11-23';

export function useSeededTestDb(today = TEST_TODAY): DB {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-test-'));
  const file = path.join(dir, 'test.sqlite');
  process.env.DATABASE_PATH = file;
  const db = openDatabase(file);
  seedSampleData(db, { today });
  (globalThis as unknown as { __portalDb?: DB }).__portalDb = db;
  process.on('exit', () => {
    db.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return db;
}
