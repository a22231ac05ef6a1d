/**
 * Every environment variable the server reads, read here and nowhere else.
 *
 * parseServerEnv() is pure: an env record in, a typed configuration and the list of problems
 * out. A value that is set but wrong is a problem in every environment (it was meant to be
 * used); a value a production server cannot do without (SITE_URL) is a problem only there, and
 * `next dev`, `next build`, the unit tests and the command-line tools get the defaults below.
 * The configuration always exists, problems or not — a bad value is replaced by its default —
 * because `next build` and the tools must run without a production setting; it is start-up
 * (instrumentation.ts register()) that refuses to serve while problems() is not empty, listing
 * them all at once in one log line.
 *
 * Why db/: the data layer needs DATABASE_PATH and nothing in db/ may import from app/ or
 * components/ (data flows one way), while every layer above may import from db/. The web
 * plumbing that reads the rest (rate limits, logs, page cache) imports this module from
 * wherever it moves. No 'server-only': the command-line tools and the unit tests use it; a
 * browser bundle that imported it by mistake would find no server variables in its process.env.
 */
import { z } from 'zod';
import { AddressSet } from './auth/addresses';

export type NodeEnv = 'development' | 'production' | 'test';
export type TileCrs = 'wgs84' | 'gcj02';
/** `url` null = no background tiles (markers on a plain background). */
export type TileConfig = { url: string | null; attribution: string; crs: TileCrs };
export type BudgetName = 'search' | 'pages' | 'api';
export type Budget = { burst: number; perMinute: number };

export type ServerConfig = {
  nodeEnv: NodeEnv;
  /** As given (relative to the working directory); db/client.ts resolves it. */
  databasePath: string;
  /** null: a random key kept beside the database (db/auth/secret.ts). */
  authSecret: string | null;
  /** Origin (with any path prefix), no trailing slash: the only source of absolute links. */
  siteUrl: string;
  port: number | null;
  /** Where `next start` says it listens (it sets __NEXT_PRIVATE_ORIGIN before the app loads). */
  selfOrigin: string | null;
  distDir: string;
  trustedProxies: AddressSet;
  rateLimit: { enabled: boolean; budgets: Record<BudgetName, Budget>; exempt: AddressSet };
  logRequests: boolean;
  pageCache: boolean;
  tiles: TileConfig;
};

export type ConfigProblem = { variable: string; message: string; example: string };

/** Where the database lives unless DATABASE_PATH says otherwise. */
export const DEFAULT_DATABASE_PATH = 'db/data/portal.sqlite';
/** What `next dev` and the unit tests use when SITE_URL is not set. */
export const DEV_SITE_URL = 'http://localhost:3000';
/** The example the start-up message shows. */
export const SITE_URL_EXAMPLE = 'https://jiuye.fengtai.gov.cn';
export const DEFAULT_BUDGETS: Record<BudgetName, Budget> = {
  search: { burst: 120, perMinute: 300 },
  pages: { burst: 60, perMinute: 120 },
  api: { burst: 120, perMinute: 240 },
};
/** Signs session cookies: shorter keys can be guessed offline from one cookie. */
export const MIN_AUTH_SECRET_LENGTH = 32;

/**
 * Which runtime this bundle was compiled for. Next writes it into each bundle at build time
 * (it is not in the running process's environment), so it must stay this literal expression.
 */
export const NEXT_RUNTIME: string | undefined = process.env.NEXT_RUNTIME;

/** What an operator reads at start: one sentence per problem, each naming the variable. */
export const CONFIG_TEXT = {
  refused: (n: number) => `配置有 ${n} 处问题，服务没有启动。请改好下列环境变量后重新启动：`,
  siteUrlMissing: '未设置网站地址：生产环境必须设置 SITE_URL（本站对外的访问地址）。订阅源、站点地图、办事卡二维码、日历文件、结构化数据和开放数据接口中的链接都只用这个地址，不取自请求的 Host 头。',
  siteUrlInvalid: (given: string) => `SITE_URL 的值“${given}”不是有效的网站地址：应以 http:// 或 https:// 开头，不含用户名、查询参数或 #。`,
  nodeEnv: (given: string) => `NODE_ENV 的值“${given}”无法识别：只能是 production、development 或 test。`,
  authSecretShort: `AUTH_SECRET 太短：用来签发登录凭据，至少要 ${MIN_AUTH_SECRET_LENGTH} 个随机字符（不设置则自动生成并保存在数据库文件旁）。`,
  port: (given: string) => `PORT 的值“${given}”不是端口号：应为 1 到 65535 之间的整数。`,
  addresses: (variable: string, bad: string[]) =>
    `${variable} 中的 ${bad.map((b) => `“${b}”`).join('、')} 不是 IP 地址或网段：多个地址用逗号分隔，网段写成 10.0.0.0/8 的形式。`,
  onOff: (variable: string, given: string) => `${variable} 的值“${given}”无法识别：只能是 on 或 off（也接受 1/0、true/false、yes/no）。`,
  positive: (variable: string, given: string) => `${variable} 的值“${given}”不是正数：应为大于 0 的数字，不设置则用默认值。`,
  tileUrl: (given: string) => `MAP_TILE_URL 的值“${given}”不是瓦片地址模板：应以 http:// 或 https:// 开头，含 {z}、{x}、{y}；不要地图底图请写 off。`,
  tileCrs: (given: string) => `MAP_TILE_CRS 的值“${given}”无法识别：只能是 wgs84 或 gcj02（高德、腾讯的瓦片用 gcj02）。`,
};

type Env = Record<string, string | undefined>;

/** Long values are cut in messages; a log line is not the place for a pasted file. */
const shown = (raw: string) => raw.trim().slice(0, 200);

// ---- one zod schema per kind of value; a failed parse names no variable, the caller does ----

const onOff = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(['on', 'off', '1', '0', 'true', 'false', 'yes', 'no']))
  .transform((v) => ['on', '1', 'true', 'yes'].includes(v));
const positiveNumber = z.string().trim().transform(Number).pipe(z.number().positive());
const port = z.string().trim().regex(/^\d{1,5}$/).transform(Number).pipe(z.number().int().min(1).max(65535));
const nodeEnv = z.enum(['development', 'production', 'test']);
const tileTemplate = z
  .string()
  .trim()
  .regex(/^https?:\/\//i)
  .refine((u) => u.includes('{z}') && u.includes('{x}') && u.includes('{y}'));
const tileCrs = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(['wgs84', 'wgs-84', 'gcj02', 'gcj-02']))
  .transform((v): TileCrs => (v.startsWith('gcj') ? 'gcj02' : 'wgs84'));

export type SiteUrlCheck = { ok: true; url: string } | { ok: false; reason: 'missing' | 'invalid' };

/**
 * SITE_URL as an origin (with a path prefix when the site lives under one), without a trailing
 * slash; or why it cannot be one. Credentials, a query or a fragment would end up inside every
 * link, so they make it invalid rather than being dropped quietly.
 */
export function parseSiteUrl(raw: string | undefined): SiteUrlCheck {
  const value = raw?.trim() ?? '';
  if (value === '') return { ok: false, reason: 'missing' };
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if ((u.protocol !== 'http:' && u.protocol !== 'https:') || !u.hostname || u.username || u.password || u.search || u.hash) {
    return { ok: false, reason: 'invalid' };
  }
  return { ok: true, url: `${u.origin}${u.pathname.replace(/\/+$/, '')}` };
}

/** The configuration `env` describes, with every problem in it (none: the server may start). */
export function parseServerEnv(env: Env): { config: ServerConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const problem = (variable: string, message: string, example: string) => problems.push({ variable, message, example });
  /** Unset and blank are the same to a shell script; both mean "the default". */
  const given = (name: string): string | undefined => (env[name]?.trim() ? env[name] : undefined);
  /** A set variable parsed by `schema`, or `fallback` (and a problem) when it does not parse. */
  const read = <T>(name: string, schema: z.ZodType<T>, fallback: T, message: (raw: string) => string, example: string): T => {
    const raw = given(name);
    if (raw === undefined) return fallback;
    const r = schema.safeParse(raw);
    if (r.success) return r.data;
    problem(name, message(shown(raw)), example);
    return fallback;
  };
  const addresses = (name: string, example: string): AddressSet => {
    const set = new AddressSet(env[name]);
    if (set.invalid.length) problem(name, CONFIG_TEXT.addresses(name, set.invalid.map(shown)), example);
    return set;
  };

  const mode = read('NODE_ENV', nodeEnv, 'development', CONFIG_TEXT.nodeEnv, 'NODE_ENV=production');

  const site = parseSiteUrl(env.SITE_URL);
  if (!site.ok && site.reason === 'invalid') problem('SITE_URL', CONFIG_TEXT.siteUrlInvalid(shown(env.SITE_URL ?? '')), `SITE_URL=${SITE_URL_EXAMPLE}`);
  if (!site.ok && site.reason === 'missing' && mode === 'production') problem('SITE_URL', CONFIG_TEXT.siteUrlMissing, `SITE_URL=${SITE_URL_EXAMPLE}`);

  // The value itself never goes into a message: it is a secret even when it is a bad one.
  const secret = given('AUTH_SECRET') ?? null;
  if (secret !== null && secret.length < MIN_AUTH_SECRET_LENGTH) problem('AUTH_SECRET', CONFIG_TEXT.authSecretShort, 'AUTH_SECRET=$(openssl rand -base64 48)');

  const portNumber = read('PORT', port, null, CONFIG_TEXT.port, 'PORT=3000');
  const trustedProxies = addresses('TRUSTED_PROXIES', 'TRUSTED_PROXIES=10.0.0.0/8,127.0.0.1');
  const switchOf = (name: string) => read(name, onOff, true, (raw) => CONFIG_TEXT.onOff(name, raw), `${name}=off`);
  const rateLimitOn = switchOf('RATE_LIMIT');
  const exempt = addresses('RATE_LIMIT_EXEMPT', 'RATE_LIMIT_EXEMPT=192.0.2.10');
  const budgets = {} as Record<BudgetName, Budget>;
  for (const name of Object.keys(DEFAULT_BUDGETS) as BudgetName[]) {
    const d = DEFAULT_BUDGETS[name];
    const up = name.toUpperCase();
    const burst = `RATE_LIMIT_${up}_BURST`;
    const perMin = `RATE_LIMIT_${up}_PER_MIN`;
    budgets[name] = {
      burst: read(burst, positiveNumber, d.burst, (raw) => CONFIG_TEXT.positive(burst, raw), `${burst}=${d.burst}`),
      perMinute: read(perMin, positiveNumber, d.perMinute, (raw) => CONFIG_TEXT.positive(perMin, raw), `${perMin}=${d.perMinute}`),
    };
  }
  const logRequests = switchOf('LOG_REQUESTS');
  const pageCache = switchOf('PAGE_CACHE');

  const tileRaw = given('MAP_TILE_URL')?.trim();
  const tileUrl =
    tileRaw === undefined || tileRaw.toLowerCase() === 'off'
      ? undefined
      : read('MAP_TILE_URL', tileTemplate, null, CONFIG_TEXT.tileUrl, 'MAP_TILE_URL=https://tile.example.cn/{z}/{x}/{y}.png');
  const crs = read('MAP_TILE_CRS', tileCrs, 'wgs84', CONFIG_TEXT.tileCrs, 'MAP_TILE_CRS=gcj02');
  // No tiles unless a tile server is configured: the well-known public ones (OpenStreetMap's
  // among them) do not load reliably for residents in China, and a map of grey squares that
  // never fill is worse than the plain background the markers sit on without tiles.
  const tiles: TileConfig = tileUrl ? { url: tileUrl, attribution: env.MAP_TILE_ATTRIBUTION?.trim() ?? '', crs } : { url: null, attribution: '', crs };

  const config: ServerConfig = {
    nodeEnv: mode,
    databasePath: env.DATABASE_PATH || DEFAULT_DATABASE_PATH,
    authSecret: secret,
    siteUrl: site.ok ? site.url : DEV_SITE_URL,
    port: portNumber,
    selfOrigin: given('__NEXT_PRIVATE_ORIGIN') ?? null,
    distDir: given('NEXT_DIST_DIR') ?? '.next',
    trustedProxies,
    rateLimit: { enabled: rateLimitOn, budgets, exempt },
    logRequests,
    pageCache,
    tiles,
  };
  return { config, problems };
}

/** The start-up log line's fields: every problem, and one Chinese paragraph an operator can read. */
export function startupRefusal(problems: readonly ConfigProblem[]): { message: string; variables: string[]; problems: ConfigProblem[] } {
  const lines = problems.map((p, i) => `${i + 1}. ${p.message}例如：${p.example}`);
  return { message: [CONFIG_TEXT.refused(problems.length), ...lines].join('\n'), variables: problems.map((p) => p.variable), problems: [...problems] };
}

type Parsed = ReturnType<typeof parseServerEnv>;
const g = globalThis as unknown as { __portalConfig?: Parsed };

/**
 * This process's configuration, parsed from the environment the first time it is asked for.
 * Kept on globalThis: the proxy, instrumentation and the route bundles are compiled apart but
 * run in one process, and should agree (one AddressSet, one reading of the environment).
 * A changed variable takes effect at the next start, not mid-run.
 */
function parsed(): Parsed {
  return (g.__portalConfig ??= parseServerEnv(process.env));
}

export function serverConfig(): ServerConfig {
  return parsed().config;
}

/** What start-up must refuse to run with (empty: all is well). */
export function configProblems(): readonly ConfigProblem[] {
  return parsed().problems;
}
