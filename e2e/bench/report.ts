/**
 * The benchmark's results file and its one table: each measured row with its target,
 * PASS / MISS, and the change since the previously committed results.
 */
import type { HttpResult, BenchPath } from './http';
import type { JsSize } from './js-size';
import type { LighthouseScore } from './lighthouse';

export type LatencyStats = { p50: number; p95: number; p99: number };
export type LatencyQuery = { group: string; name: string; target: number | null; cold: LatencyStats; warm: LatencyStats; n: number };

export type Results = {
  version: 1;
  finishedAt: string;
  wallSeconds: number;
  machine: { cpus: number; node: string; loadAtStart: number; loadAtEnd: number };
  dataset: { file: string; kind: 'city' | 'sample' | 'file'; rows: Record<string, number> };
  latency: { note: string | null; queries: LatencyQuery[] };
  http: {
    seconds: number;
    connections: number;
    pages: (BenchPath & { page: HttpResult; floor: HttpResult; ratio: number })[];
    /** Next serving a static file (no proxy, no render): the most any page through `next start` can reach. */
    nextStatic?: { path: string; result: HttpResult } | null;
  };
  js: { floorKb: number; budgetKb: number; routes: JsSize[] } | null;
  memory: { pid: number; idleMb: number; peakMb: number; limitMb: number } | null;
  lighthouse: { note: string | null; pages: LighthouseScore[] };
};

/** The targets of issue 5, in one place. */
export const TARGETS = {
  /** Issue 15: every list query cold p95 <= 20 ms (a filter set never seen, after a save), warm p95 <= 2 ms. */
  coldP95Ms: 20,
  warmP95Ms: 2,
  plainRatio: 0.5,
  filteredRatio: 0.3,
  jsOverFloorKb: 25,
  memoryMb: 300,
  performance: 95,
  accessibility: 100,
};

export type Row = {
  section: string;
  key: string;
  name: string;
  /** The number compared with the previous run (lower is better unless higherIsBetter). */
  value: number;
  unit: string;
  higherIsBetter: boolean;
  shown: string;
  target: string;
  pass: boolean | null;
};

const f = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '—');

export function rowsOf(r: Results): Row[] {
  const rows: Row[] = [];
  for (const q of r.latency.queries) {
    const target = q.target ?? TARGETS.coldP95Ms;
    // A detail read has no result cache: its warm figure is another cold one, not a target.
    const warm = q.group === 'detail' ? null : TARGETS.warmP95Ms;
    rows.push({
      section: '1 data layer (ms)',
      key: `q:${q.group}/${q.name}`,
      name: `${q.group}: ${q.name}`,
      value: q.cold.p95,
      unit: 'ms',
      higherIsBetter: false,
      shown: `cold ${f(q.cold.p50, 2)}/${f(q.cold.p95, 2)}/${f(q.cold.p99, 2)} warm p95 ${f(q.warm.p95, 2)}`,
      target: warm === null ? `cold p95 <= ${target}` : `cold p95 <= ${target}, warm p95 <= ${warm}`,
      pass: q.cold.p95 <= target && (warm === null || q.warm.p95 <= warm),
    });
  }
  for (const p of r.http.pages) {
    const broken = p.page.non2xx + p.page.errors + p.floor.non2xx + p.floor.errors;
    rows.push({
      section: '2 http (req/s, ms)',
      key: `h:${p.name}`,
      name: `${p.name} ${p.path}`,
      value: p.page.rps,
      unit: 'req/s',
      higherIsBetter: true,
      shown: `${f(p.page.rps, p.page.rps < 10 ? 1 : 0)} req/s p50 ${f(p.page.p50, 0)} p99 ${f(p.page.p99, 0)} n ${p.page.requests}${broken ? ` non2xx ${p.page.non2xx} err ${p.page.errors}` : ''}`,
      target: 'all 2xx, no errors',
      pass: broken === 0,
    });
  }
  for (const p of r.http.pages) {
    const min = p.kind === 'filtered' ? TARGETS.filteredRatio : TARGETS.plainRatio;
    rows.push({
      section: '3 floor ratio',
      key: `r:${p.name}`,
      name: p.name,
      value: p.ratio * 100,
      unit: '%',
      higherIsBetter: true,
      shown: `${f(p.ratio * 100, 0)}% of floor ${f(p.floor.rps, 0)} req/s (p50 ${f(p.floor.p50, 0)})`,
      target: `>= ${min * 100}%`,
      pass: p.ratio >= min,
    });
  }
  if (r.http.nextStatic) {
    const st = r.http.nextStatic;
    rows.push({
      section: '3 floor ratio',
      key: 'r:next-static',
      name: `Next's own ceiling: static ${st.path}`,
      value: st.result.rps,
      unit: 'req/s',
      higherIsBetter: true,
      shown: `${f(st.result.rps, 0)} req/s (p50 ${f(st.result.p50, 0)}), no proxy, no render`,
      target: '—',
      pass: null,
    });
  }
  if (r.js) {
    rows.push({
      section: '4 first-load JS (gzip KB)',
      key: 'j:floor',
      name: "Next's floor (rootMainFiles)",
      value: r.js.floorKb,
      unit: 'KB',
      higherIsBetter: false,
      shown: `${f(r.js.floorKb)} KB`,
      target: '—',
      pass: null,
    });
    for (const j of r.js.routes) {
      rows.push({
        section: '4 first-load JS (gzip KB)',
        key: `j:${j.name}`,
        name: `${j.name} ${j.path}`,
        value: j.overFloorKb,
        unit: 'KB',
        higherIsBetter: false,
        shown: `${f(j.kb)} KB = floor + ${f(j.overFloorKb)} (${j.scripts} files)`,
        target: `floor + <= ${r.js.budgetKb}`,
        pass: j.overFloorKb <= r.js.budgetKb,
      });
    }
  }
  if (r.memory) {
    rows.push({
      section: '5 server memory (MB)',
      key: 'm:peak',
      name: `next start peak RSS (pid ${r.memory.pid})`,
      value: r.memory.peakMb,
      unit: 'MB',
      higherIsBetter: false,
      shown: `peak ${f(r.memory.peakMb, 0)} MB (idle ${f(r.memory.idleMb, 0)} MB)`,
      target: `< ${r.memory.limitMb}`,
      pass: r.memory.peakMb < r.memory.limitMb,
    });
  }
  for (const l of r.lighthouse.pages) {
    rows.push({
      section: '6 lighthouse mobile',
      key: `l:${l.name}:perf`,
      name: `${l.name} performance`,
      value: l.performance,
      unit: '',
      higherIsBetter: true,
      shown: `${l.performance} (LCP ${l.lcpMs} ms, TBT ${l.tbtMs} ms)`,
      target: `>= ${TARGETS.performance}`,
      pass: l.performance >= TARGETS.performance,
    });
    rows.push({
      section: '6 lighthouse mobile',
      key: `l:${l.name}:a11y`,
      name: `${l.name} accessibility`,
      value: l.accessibility,
      unit: '',
      higherIsBetter: true,
      shown: String(l.accessibility),
      target: `= ${TARGETS.accessibility}`,
      pass: l.accessibility >= TARGETS.accessibility,
    });
  }
  return rows;
}

function delta(row: Row, before: Row | undefined): string {
  if (!before) return 'new';
  const digits = row.unit === 'ms' ? 2 : row.unit === 'KB' ? 1 : 0;
  // Compared as shown: a change below the last printed digit is no change.
  const d = Number((row.value - before.value).toFixed(digits));
  if (!Number.isFinite(d)) return '—';
  if (d === 0) return 'same';
  const pct = before.value !== 0 ? ` (${d > 0 ? '+' : ''}${((d / before.value) * 100).toFixed(0)}%)` : '';
  const better = (d > 0) === row.higherIsBetter ? ' better' : ' worse';
  return `${d > 0 ? '+' : ''}${d.toFixed(digits)}${pct}${better}`;
}

/** The one aligned table (plain text), with a comparison column. */
export function renderTable(r: Results, previous: Results | null, previousFrom = 'bench/results.json'): string {
  const rows = rowsOf(r);
  const before = new Map((previous ? rowsOf(previous) : []).map((x) => [x.key, x]));
  const head = ['', 'measured', 'target', '', previous ? `vs ${previous.finishedAt.slice(0, 16)}Z` : 'vs previous'];
  const body = rows.map((x) => [
    `  ${x.name}`,
    x.shown,
    x.target,
    x.pass === null ? '' : x.pass ? 'PASS' : 'MISS',
    previous ? delta(x, before.get(x.key)) : '',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  const out: string[] = [];
  out.push(
    `fengtai bench — ${r.finishedAt} — ${r.dataset.kind} dataset (${Object.entries(r.dataset.rows)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}) — ${r.machine.cpus} cpus, node ${r.machine.node}, load ${f(r.machine.loadAtStart)} → ${f(r.machine.loadAtEnd)}`,
  );
  out.push(`http: autocannon ${r.http.seconds} s × ${r.http.connections} connections per page, 127.0.0.1 — wall time ${f(r.wallSeconds, 0)} s — next start with RATE_LIMIT=off (per-address limits off)`);
  out.push(previous ? `compared with ${previousFrom} of ${previous.finishedAt}` : 'no previous result (no bench/results.json committed yet)');
  if (previous && JSON.stringify(previous.dataset.rows) !== JSON.stringify(r.dataset.rows))
    out.push('  (the previous run used a different dataset: its deltas compare unlike with unlike)');
  out.push(line(head));
  let section = '';
  rows.forEach((x, i) => {
    if (x.section !== section) {
      section = x.section;
      out.push(x.section);
    }
    out.push(line(body[i]!));
  });
  if (r.latency.note) out.push(`1 data layer: ${r.latency.note}`);
  if (!r.js) out.push('4 first-load JS: not measured');
  if (!r.memory) out.push('5 server memory: not measured');
  if (r.lighthouse.note) out.push(`6 lighthouse: ${r.lighthouse.note}`);
  const misses = rows.filter((x) => x.pass === false).length;
  out.push(`${rows.filter((x) => x.pass === true).length} PASS, ${misses} MISS`);
  return out.join('\n');
}

export function renderMarkdown(r: Results, previous: Results | null, previousFrom?: string): string {
  return [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (see e2e/bench/run.ts); the raw numbers are in `results.json` beside this file.',
    '',
    '```text',
    renderTable(r, previous, previousFrom),
    '```',
    '',
  ].join('\n');
}
