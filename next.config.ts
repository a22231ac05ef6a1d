import type { NextConfig } from 'next';
import { nextConfigHeaderRules } from './app/_server/security-headers';

const nextConfig: NextConfig = {
  // better-sqlite3 is a native addon, and subset-font loads HarfBuzz's wasm from its own folder:
  // load both from node_modules at run time, never bundle them.
  serverExternalPackages: ['better-sqlite3', 'subset-font'],
  poweredByHeader: false,
  // Lets parallel builds (several engineers, or a benchmark beside the tests) keep apart.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  reactStrictMode: true,
  typedRoutes: false,
  // Security headers on every response (app/_server/security-headers.ts; proxy.ts sets them on its own answers).
  async headers() {
    return nextConfigHeaderRules();
  },
};

export default nextConfig;
