import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './db/schema.ts',
  out: './db/migrations',
  dbCredentials: { url: process.env.DATABASE_PATH ?? 'db/data/portal.sqlite' },
  // The FTS5 search table and its shadow tables are written by hand in a custom migration;
  // keep drizzle-kit from ever trying to drop them.
  tablesFilter: ['!search_fts*'],
});
