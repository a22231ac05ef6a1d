process.env.DATABASE_PATH = process.env.DB ?? '/tmp/bench-city.sqlite';
async function main() {
  const { searchCourses, publicCourses } = await import('@/db/queries/courses');
  const { searchFairs } = await import('@/db/queries/fairs/list');
  const { searchStations } = await import('@/db/queries/stations');
  const { clearResultCaches } = await import('@/db/search/engine');
  const { courseRuns, stations, fairs } = await import('@/db/schema');
  const { eq } = await import('drizzle-orm');
  const { getDb } = await import('@/db');
  const { beijingToday } = await import('@/db/domain/time');
  const today = beijingToday(new Date());
  await publicCourses.warm(getDb());
  const client = getDb().$client;
  const ch = client.prepare(`SELECT r.id, r.seats_left FROM course_runs r JOIN courses c ON c.id=r.course_id WHERE c.publication='published' AND r.publication='published' AND r.seats_left > 0 AND r.start_date > ? LIMIT 1`).get(today) as any;
  let flip = false;
  const [kind, n, ...rest] = process.argv.slice(2);
  const qs = rest.join(' ').split(',');
  const fn = kind === 'fairs' ? (q: string) => searchFairs(q, new Date()) : kind === 'stations' ? (q: string) => searchStations(q, new Date()) : (q: string) => searchCourses(q, { today });
  await fn('');
  const times: number[] = [];
  const applyT: number[] = [];
  const N = Number(n);
  for (let i = 0; i < N; i++) {
    flip = !flip;
    if (kind === 'stations') getDb().update(stations).set({ updatedAt: new Date() }).where(eq(stations.id, 1)).run();
    else if (kind === 'fairs') getDb().update(fairs).set({ updatedAt: new Date() }).where(eq(fairs.id, 1)).run();
    else getDb().update(courseRuns).set({ seatsLeft: flip ? ch.seats_left - 1 : ch.seats_left, updatedAt: new Date() }).where(eq(courseRuns.id, ch.id)).run();
    clearResultCaches();
    const t = performance.now();
    if (kind === 'courses') await publicCourses.index.current(getDb());
    const t1 = performance.now();
    await fn(qs[i % qs.length]!);
    times.push(performance.now() - t);
    applyT.push(t1 - t);
  }
  times.sort((a, b) => a - b);
  applyT.sort((a, b) => a - b);
  console.log('apply p50', applyT[Math.floor(N / 2)]!.toFixed(1), 'p95', applyT[Math.floor(N * 0.95)]!.toFixed(1));
  console.log(kind, qs.join(','), 'p50', times[Math.floor(N / 2)]!.toFixed(1), 'p95', times[Math.floor(N * 0.95)]!.toFixed(1));
}
main();
