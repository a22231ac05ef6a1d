/**
 * The preview's own addresses (the phone-width frame, the preview 办事卡 and calendar files),
 * asked for directly the way an outsider would: signed out, with a dead session cookie, as an
 * account of the wrong kind, and as a school aiming at another school's draft. Each is refused
 * (a redirect to sign in, a 401/403 in words, or the refusal page) and no draft leaks; the
 * owner gets it. Reads only, but run with the direct calls (one at a time, after the rest).
 */
import { expect, test } from '@playwright/test';
import { signedInContext } from '../../helpers/auth';
import { scalar } from '../../helpers/db';

const KANGXIN = 4;

function draft(where: string) {
  const course = scalar<number>(
    `SELECT c.id FROM courses c JOIN course_runs r ON r.course_id = c.id
      WHERE c.publication IN ('draft', 'review') AND r.publication IN ('draft', 'review') AND ${where} ORDER BY c.id LIMIT 1`,
  );
  const run = scalar<number>(`SELECT id FROM course_runs WHERE course_id = ? AND publication IN ('draft', 'review') ORDER BY id LIMIT 1`, course);
  const title = scalar<string>('SELECT title FROM courses WHERE id = ?', course);
  return { course, run, title };
}

const fairId = () => scalar<number>(`SELECT id FROM fairs WHERE publication = 'draft' AND status = 'scheduled' ORDER BY id LIMIT 1`);

function addresses(c: { course: number; run: number }, fair: number) {
  return {
    pages: [`/admin/courses/${c.course}/preview/frame`, `/admin/courses/${c.course}/preview/runs/${c.run}/card`, `/admin/fairs/${fair}/preview/frame`, `/admin/fairs/${fair}/preview/card`],
    files: [`/admin/courses/${c.course}/preview/runs/${c.run}/calendar`, `/admin/fairs/${fair}/preview/calendar`],
  };
}

test('signed out, or with a dead session: every preview address sends to sign-in or answers 401, never the draft', async ({ request }) => {
  const c = draft('1 = 1');
  const { pages, files } = addresses(c, fairId());
  for (const url of [...pages, ...files]) {
    const res = await request.get(url, { maxRedirects: 0 });
    expect(res.status(), url).toBeGreaterThanOrEqual(300);
    expect(res.status(), url).toBeLessThan(400);
    expect(res.headers()['location'] ?? '', url).toContain('/admin/login');
  }
  const dead = { cookie: 'authjs.session-token=not-a-session' };
  for (const url of files) {
    const res = await request.get(url, { headers: dead, maxRedirects: 0 });
    expect(res.status(), url).toBe(401);
    const body = await res.text();
    expect(body).toContain('登录');
    expect(body).not.toContain('BEGIN:VCALENDAR');
  }
  for (const url of pages) {
    const res = await request.get(url, { headers: dead, maxRedirects: 0 });
    expect(res.status(), url).toBeLessThan(500);
    expect(await res.text(), url).not.toContain(c.title);
  }
});

test('a 驿站 account is refused every preview address; a school is refused fairs and another school’s draft', async ({ browser }) => {
  const other = draft(`c.provider_id <> ${KANGXIN}`);
  const fair = fairId();
  const fairTitle = scalar<string>('SELECT title FROM fairs WHERE id = ?', fair);
  for (const who of ['youanmen', 'kangxin'] as const) {
    const { context, page } = await signedInContext(browser, who);
    try {
      const { pages, files } = addresses(other, fair);
      for (const url of pages) {
        await page.goto(url);
        await expect(page.getByTestId('refused'), `${who} ${url}`).toBeVisible();
        const html = await page.content();
        expect(html, `${who} ${url}`).not.toContain(other.title);
        expect(html, `${who} ${url}`).not.toContain(fairTitle);
      }
      for (const url of files) {
        const res = await page.request.get(url);
        expect(res.status(), `${who} ${url}`).toBe(403);
        expect(await res.text()).toContain('没有权限');
      }
    } finally {
      await context.close();
    }
  }
});

test('the owner school gets its own draft’s preview calendar file; a garbled or unknown id is a 404 in words', async ({ browser }) => {
  const own = draft(`c.provider_id = ${KANGXIN}`);
  const { context, page } = await signedInContext(browser, 'kangxin');
  try {
    const res = await page.request.get(`/admin/courses/${own.course}/preview/runs/${own.run}/calendar`);
    expect(res.status()).toBe(200);
    expect(await res.text()).toContain('BEGIN:VCALENDAR');
    for (const url of [`/admin/courses/${own.course}/preview/runs/999999999/calendar`, '/admin/courses/abc/preview/runs/1/calendar', '/admin/courses/999999999/preview/runs/1/calendar']) {
      const bad = await page.request.get(url);
      expect(bad.status(), url).toBe(404);
      expect(await bad.text(), url).toContain('找不到');
    }
  } finally {
    await context.close();
  }
});
