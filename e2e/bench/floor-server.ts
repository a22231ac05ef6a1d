/**
 * The floor: what a bare node:http + better-sqlite3 server does on this machine over the same
 * database file, with no framework at all. It answers the paths the benchmark loads with a
 * minimal HTML page built from the same rows the real first page reads (same tables, similar
 * WHERE / ORDER BY / LIMIT), queried afresh on every request — no caching of any kind.
 * The portal's req/s divided by the floor's is the "ratio to floor" of the bench table.
 *
 *   npx tsx e2e/bench/floor-server.ts --db bench/.data/city.sqlite --port 3331
 */
import http from 'node:http';
import Database from 'better-sqlite3';
import { beijingNow } from '../../db/domain/time';

const PAGE_SIZE = 10;

type Row = Record<string, unknown>;

/** 'YYYY-MM-DD' and 'YYYY-MM-DDTHH:MM' in Beijing time (the portal's own clock helper). */
export function beijingLocal(now = new Date()): { today: string; local: string } {
  const { date, time } = beijingNow(now);
  return { today: date, local: `${date}T${time}` };
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (v: unknown) => String(v ?? '').replace(/[&<>"']/g, (c) => ESC[c]!);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)}</title></head><body><h1>${esc(title)}</h1>${body}</body></html>`;
}

function list(rows: Row[], href: (r: Row) => string, text: (r: Row) => string): string {
  return `<ul>${rows.map((r) => `<li><a href="${esc(href(r))}">${esc(text(r))}</a></li>`).join('')}</ul>`;
}

const positiveInt = (v: string | null) => (v && /^[1-9]\d{0,8}$/.test(v) ? Number(v) : null);

export function createFloorApp(file: string) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  // Statements are compiled once (as any server would); their rows are read on every request.
  const compiled = new Map<string, Database.Statement>();
  const stmt = (text: string): Database.Statement => {
    let st = compiled.get(text);
    if (!st) compiled.set(text, (st = db.prepare(text)));
    return st;
  };

  // Courses: published courses with a published run still to start, soonest first. Walks the
  // runs in start order (runs_pub_start_idx) and keeps the first PAGE_SIZE distinct courses.
  const coursesStmt = db.prepare(
    `SELECT c.id, c.title, r.start_date AS start
     FROM course_runs r JOIN courses c ON c.id = r.course_id
     WHERE r.publication = 'published' AND r.start_date > ? AND c.publication = 'published'
       AND (? IS NULL OR c.occupation_id = ?) AND (? IS NULL OR r.cost_type = ?)
     ORDER BY r.start_date, r.id LIMIT ?`,
  );
  const courses = (occupation: number | null, cost: string | null, today: string) => {
    const seen = new Map<unknown, Row>();
    // Several runs may belong to one course: read more rows than the page shows.
    for (let limit = PAGE_SIZE * 8; ; limit *= 4) {
      const rows = coursesStmt.all(today, occupation, occupation, cost, cost, limit) as Row[];
      seen.clear();
      for (const r of rows) if (!seen.has(r.id) && seen.size < PAGE_SIZE) seen.set(r.id, r);
      if (seen.size >= PAGE_SIZE || rows.length < limit) return [...seen.values()];
    }
  };
  const stations = (street: number | null) =>
    stmt(
        `SELECT s.id, s.name, s.address, st.name AS street FROM stations s JOIN streets st ON st.id = s.street_id
         WHERE s.publication = 'published' AND (? IS NULL OR s.street_id = ?)
         ORDER BY st.sort, s.name, s.id LIMIT ${PAGE_SIZE}`,
      )
      .all(street, street) as Row[];
  const fairs = (type: string | null, local: string, limit = PAGE_SIZE) =>
    stmt(
        `SELECT f.id, f.title, f.starts_at, p.name AS venue FROM fairs f LEFT JOIN places p ON p.id = f.place_id
         WHERE f.publication = 'published' AND f.ends_at >= ? AND (? IS NULL OR f.type = ?)
         ORDER BY f.starts_at, f.id LIMIT ${limit}`,
      )
      .all(local, type, type) as Row[];

  const courseLink = (r: Row) => `/courses/${r.id}`;
  const stationLink = (r: Row) => `/stations/${r.id}`;
  const fairLink = (r: Row) => `/fairs/${r.id}`;

  function route(url: URL): { status: number; html: string } {
    const { today, local } = beijingLocal();
    const q = url.searchParams;
    const path = url.pathname;
    if (path === '/') {
      const body =
        list(fairs(null, local, 3), fairLink, (r) => `${r.title} ${r.starts_at}`) +
        list(stations(null).slice(0, 3), stationLink, (r) => `${r.name} ${r.street}`) +
        list(courses(null, 'free', today).slice(0, 3), courseLink, (r) => `${r.title} ${r.start}`);
      return { status: 200, html: page('丰台', body) };
    }
    if (path === '/courses') {
      const rows = courses(positiveInt(q.get('occupation')), q.get('cost'), today);
      return { status: 200, html: page('课程', list(rows, courseLink, (r) => `${r.title} ${r.start}`)) };
    }
    if (path === '/stations') {
      const rows = stations(positiveInt(q.get('street')));
      return { status: 200, html: page('驿站', list(rows, stationLink, (r) => `${r.name} ${r.street} ${r.address}`)) };
    }
    if (path === '/fairs') {
      const rows = fairs(q.get('type'), local);
      return { status: 200, html: page('招聘会', list(rows, fairLink, (r) => `${r.title} ${r.starts_at} ${r.venue ?? ''}`)) };
    }
    const detail = /^\/(courses|stations|fairs)\/([1-9]\d{0,8})$/.exec(path);
    if (detail) {
      const id = Number(detail[2]);
      if (detail[1] === 'courses') {
        const c = stmt(`SELECT id, title, summary, content FROM courses WHERE id = ? AND publication = 'published'`).get(id) as Row | undefined;
        if (c) {
          const runs = stmt(`SELECT label, start_date, end_date, seats_left FROM course_runs WHERE course_id = ? AND publication = 'published' ORDER BY start_date, id`)
            .all(id) as Row[];
          return { status: 200, html: page(String(c.title), `<p>${esc(c.summary)}</p><p>${esc(c.content)}</p>${list(runs, () => '#', (r) => `${r.label} ${r.start_date}–${r.end_date} 余${r.seats_left}`)}`) };
        }
      } else if (detail[1] === 'stations') {
        const s = stmt(`SELECT id, name, address, phone FROM stations WHERE id = ? AND publication = 'published'`).get(id) as Row | undefined;
        if (s) {
          const hours = stmt(`SELECT * FROM station_hours WHERE station_id = ? ORDER BY id`).all(id) as Row[];
          const exceptions = stmt(`SELECT * FROM station_exceptions WHERE station_id = ? AND end_date >= ? ORDER BY id`).all(id, today) as Row[];
          return { status: 200, html: page(String(s.name), `<p>${esc(s.address)} ${esc(s.phone)}</p>${list([...hours, ...exceptions], () => '#', (r) => JSON.stringify(r))}`) };
        }
      } else {
        const f = stmt(`SELECT id, title, description, starts_at FROM fairs WHERE id = ? AND publication = 'published'`).get(id) as Row | undefined;
        if (f) {
          const positions = stmt(
              `SELECT e.name AS employer, p.title, p.headcount FROM fair_employers e JOIN fair_positions p ON p.employer_id = e.id
               WHERE e.fair_id = ? ORDER BY e.id, p.id`,
            )
            .all(id) as Row[];
          return { status: 200, html: page(String(f.title), `<p>${esc(f.starts_at)}</p><p>${esc(f.description)}</p>${list(positions, () => '#', (r) => `${r.employer} ${r.title} ${r.headcount}人`)}`) };
        }
      }
    }
    return { status: 404, html: page('找不到', '') };
  }

  const server = http.createServer((req, res) => {
    try {
      const { status, html } = route(new URL(req.url ?? '/', 'http://floor'));
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(html) });
      res.end(html);
    } catch (err) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(err));
    }
  });
  server.on('close', () => db.close());
  return server;
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

// Run as a program (the benchmark starts it in its own process, like the real server).
if (process.argv[1] && /floor-server\.ts$/.test(process.argv[1])) {
  const file = arg('db', 'bench/.data/city.sqlite');
  const port = Number(arg('port', '3331'));
  const server = createFloorApp(file);
  server.listen(port, '127.0.0.1', () => console.log(`floor server on http://127.0.0.1:${port} over ${file}`));
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
