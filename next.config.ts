import type { NextConfig } from 'next';
import { nextConfigHeaderRules } from './app/_server/security-headers';

const nextConfig: NextConfig = {
  // better-sqlite3 is a native addon: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ['better-sqlite3'],
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
