import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoA11yViolations } from '../helpers/a11y';
import { withDb } from '../helpers/db';

/*
 * The course finder as residents use it. The sample data is dated relative to the real today,
 * so these tests assert structure and relations (a filter's shown count equals the results it
 * gives; every card carries what was asked for), never absolute dates.
 */

const count = (page: Page) => page.getByTestId('result-count');
const results = (page: Page) => page.getByRole('list', { name: '搜索结果' }).getByRole('listitem');
const chips = (page: Page) => page.getByRole('group', { name: '已选条件' });

async function total(page: Page): Promise<number> {
  await expect(count(page)).toHaveText(/^共 \d+ 条$/);
  return Number((await count(page).textContent())!.match(/\d+/)![0]);
}

/** The count shown in an option's label: '电工（3）' → 3. */
function countIn(label: string): number {
  const m = label.match(/（(\d+)）\s*$/);
  return m ? Number(m[1]) : -1;
}

/** The first option of a select that would give some results (never the "any" option). */
async function usefulOption(select: Locator): Promise<{ label: string; n: number }> {
  const labels = (await select.locator('option').allTextContents()).slice(1);
  const label = labels.find((l) => countIn(l) > 0);
  expect(label, 'an option with results').toBeTruthy();
  return { label: label!, n: countIn(label!) };
}

/** The first checkbox of a group whose label promises results. */
async function usefulCheckbox(group: Locator): Promise<{ box: Locator; n: number }> {
  const boxes = group.getByRole('checkbox');
  for (let i = 0; i < (await boxes.count()); i++) {
    const box = boxes.nth(i);
    const label = (await box.locator('xpath=..').textContent()) ?? '';
    if (countIn(label) > 0) return { box, n: countIn(label) };
  }
  throw new Error('no checkbox with results');
}

/** Marks the page so a later check can tell the results changed without a reload. */
async function markPage(page: Page) {
  await page.evaluate(() => ((window as unknown as { __stay?: boolean }).__stay = true));
}
async function expectSamePage(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __stay?: boolean }).__stay)).toBe(true);
}

/** On a phone the filters fold away under «筛选和排序»; open it when it is folded. */
async function openFilters(page: Page) {
  const summary = page.locator('summary', { hasText: '筛选和排序' });
  if (await summary.isVisible()) {
    const details = page.locator('details', { has: summary });
    if ((await details.getAttribute('open')) === null) await summary.click();
  }
}

test.describe('course list', () => {
  test('resident finds a free 电工 course open for sign-up, and the list updates in place', async ({ page }) => {
    await page.goto('/courses');
    await expect(page.getByRole('heading', { level: 1, name: '技能培训课程' })).toBeVisible();
    const all = await total(page);
    expect(all).toBeGreaterThan(0);
    await markPage(page);

    await page.getByLabel('搜索课程').fill('电工');
    await expect(page).toHaveURL(/q=%E7%94%B5%E5%B7%A5/);
    const withWord = await total(page);
    expect(withWord).toBeGreaterThan(0);
    expect(withWord).toBeLessThanOrEqual(all);

    await openFilters(page);
    await page.getByRole('group', { name: '费用' }).getByRole('checkbox', { name: /^免费/ }).check();
    await expect(page).toHaveURL(/cost=free/);
    await page.getByRole('group', { name: '班期状态' }).getByRole('checkbox', { name: /^报名中/ }).check();
    await expect(page).toHaveURL(/status=open/);
    await expectSamePage(page);

    const n = await total(page);
    expect(n).toBeGreaterThan(0);
    for (const card of await results(page).all()) {
      await expect(card).toContainText('免费');
      await expect(card).toContainText('报名中');
      await expect(card).toContainText(/剩 \d+ 个/);
      await expect(card).toContainText(/截止/);
    }
    const first = results(page).first().getByRole('heading', { level: 3 });
    const title = (await first.textContent())!;
    await first.getByRole('link').click();
    // The list's filters ride along, so the course page can show the matching runs first.
    await expect(page).toHaveURL(/\/courses\/\d+\?q=%E7%94%B5%E5%B7%A5&cost=free&status=open$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.locator('a[href^="tel:"]').first()).toBeVisible();
  });

  test('each drop-down filter gives as many courses as its option promises', async ({ page }) => {
    await page.goto('/courses');
    await openFilters(page);
    for (const name of ['工种', '上课街镇', '适合人群', '开课时间']) {
      await page.goto('/courses');
      await openFilters(page);
      const select = page.getByLabel(name, { exact: true });
      const { label, n } = await usefulOption(select);
      await select.selectOption({ label });
      await expect(count(page), `${name}: ${label}`).toHaveText(`共 ${n} 条`);
      await expect(chips(page)).toBeVisible();
    }
  });

  test('each checkbox filter gives as many courses as its option promises', async ({ page }) => {
    for (const name of ['等级', '费用', '班期状态']) {
      await page.goto('/courses');
      await openFilters(page);
      const { box, n } = await usefulCheckbox(page.getByRole('group', { name }));
      await box.check();
      await expect(count(page), name).toHaveText(`共 ${n} 条`);
      await expect(chips(page).getByRole('link', { name: new RegExp(`去掉条件：${name}`) })).toBeVisible();
    }
  });

  test('resident finds 一培双证 courses', async ({ page }) => {
    await page.goto('/courses');
    await openFilters(page);
    const toggle = page.getByRole('checkbox', { name: /^一培双证/ });
    const label = (await toggle.locator('xpath=..').textContent())!;
    const n = Number(label.match(/（(\d+)）/)![1]);
    expect(n).toBeGreaterThan(0);
    await toggle.check();
    await expect(count(page)).toHaveText(`共 ${n} 条`);
    for (const card of await results(page).all()) await expect(card).toContainText('一培双证');
  });

  test('resident includes finished courses and sees their status', async ({ page }) => {
    await page.goto('/courses');
    await openFilters(page);
    await page.getByRole('group', { name: '班期状态' }).getByRole('checkbox', { name: /^已结束/ }).check();
    await expect(page).toHaveURL(/status=ended/);
    await expect(results(page).first()).toContainText('已结束');
  });

  test('resident sorts by distance from a landmark and sees how far each course is', async ({ page }) => {
    await page.goto('/courses');
    await openFilters(page);
    await page.getByLabel('我在哪里').selectOption({ label: '丰台站' });
    await page.getByLabel('排序', { exact: true }).selectOption({ label: '离我最近' });
    await expect(page).toHaveURL(/sort=near/);
    // The one near-me encoding every list uses (old from=place-N addresses still read the same).
    await expect(page).toHaveURL(/near=p\d+/);
    await expect(results(page).first()).toContainText('离您最近的班期');
    const texts = await results(page).getByText(/^距丰台站约/).allTextContents();
    expect(texts.length).toBeGreaterThan(1);
    const metres = texts.map((t) => {
      const m = t.match(/约 ([\d.]+) (米|公里)/)!;
      return Number(m[1]) * (m[2] === '公里' ? 1000 : 1);
    });
    for (let i = 1; i < metres.length; i++) expect(metres[i]! + 100).toBeGreaterThanOrEqual(metres[i - 1]!);
    await expect(results(page).first()).toContainText(/步行约 \d+ 分钟|建议乘公交或地铁/);
  });

  test('resident removes one chip, then clears all', async ({ page }) => {
    await page.goto('/courses?cost=free&level=5&q=%E5%9F%B9%E8%AE%AD');
    const box = chips(page);
    await expect(box.getByRole('link', { name: '去掉条件：费用：免费' })).toBeVisible();
    await markPage(page);
    await box.getByRole('link', { name: '去掉条件：费用：免费' }).click();
    await expect(box.getByRole('link', { name: '去掉条件：费用：免费' })).toHaveCount(0);
    await expect(page).not.toHaveURL(/cost=free/);
    await expect(page).toHaveURL(/level=5/);
    await box.getByRole('link', { name: '清除全部条件' }).click();
    await expect(page).toHaveURL(/\/courses$/);
    await expect(chips(page)).toHaveCount(0);
    await expectSamePage(page);
    // The form follows: the keyword box is empty again.
    await expect(page.getByLabel('搜索课程')).toHaveValue('');
  });

  test('resident pages through the results', async ({ page }) => {
    await page.goto('/courses?status=open&status=full&status=closed&status=running&status=ended');
    const n = await total(page);
    // The sample data holds more than one page of courses; if it ever stops, this test must say so.
    expect(n, 'more than one page of courses').toBeGreaterThan(10);
    const firstTitle = await results(page).first().getByRole('heading').textContent();
    const pager = page.getByRole('navigation', { name: '分页' });
    await expect(pager).toContainText('第 1 / ');
    await pager.getByRole('link', { name: '下一页' }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(pager).toContainText('第 2 / ');
    await expect(results(page).first().getByRole('heading')).not.toHaveText(firstTitle!);
    await pager.getByRole('link', { name: '上一页' }).click();
    await expect(pager).toContainText('第 1 / ');
  });

  test('a search with no results offers wider searches and the hotline', async ({ page }) => {
    await page.goto('/courses?q=zzzxq&cost=free');
    await expect(page.getByRole('heading', { name: '没有找到符合条件的课程' })).toBeVisible();
    await expect(page.locator('a[href="tel:12333"]').first()).toBeVisible();
    const widen = page.getByRole('link', { name: /^去掉“关键词：zzzxq”（\d+ 门课程）$/ });
    await expect(widen).toBeVisible();
    const promised = Number((await widen.textContent())!.match(/（(\d+) 门/)![1]);
    await widen.click();
    await expect(count(page)).toHaveText(`共 ${promised} 条`);
    await expect(page).toHaveURL(/cost=free/);
    await expect(page).not.toHaveURL(/zzzxq/);
  });

  test('unreadable parameters show a notice and default results, not an error', async ({ page }) => {
    const long = 'x'.repeat(500);
    const res = await page.goto(`/courses?page=abc&level=99&street=999999&q=${long}&status=soon&from=place-99999999`);
    expect(res?.status()).toBe(200);
    await expect(page.getByText('网址里有些条件无法识别，已按默认条件显示。')).toBeVisible();
    expect(await total(page)).toBeGreaterThan(0);
    await expect(chips(page)).toHaveCount(0);
  });

  test('the list has no accessibility violations', async ({ page }) => {
    await page.goto('/courses?cost=free');
    await expect(results(page).first()).toBeVisible();
    await expectNoA11yViolations(page);
    await page.goto('/courses?q=zzzxq');
    await expect(page.getByTestId('empty-state')).toBeVisible();
    await expectNoA11yViolations(page);
  });
});

test.describe('course detail', () => {
  test('resident reads a 一培双证 course: runs, certificates, contact and linked jobs', async ({ page }) => {
    await page.goto('/courses?dual=1');
    const first = results(page).first().getByRole('heading', { level: 3 });
    const title = (await first.textContent())!;
    await first.getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);

    await expect(page.getByRole('heading', { level: 2, name: '班期和报名' })).toBeVisible();
    await expect(page.getByText('什么是“一培双证”？')).toBeVisible();
    for (const h of ['适合人群', '报名条件', '学什么', '怎么学', '需携带材料', '考核方式', '结业后去向', '这门课对应的招聘岗位']) {
      await expect(page.getByRole('heading', { level: 2, name: h })).toBeVisible();
    }
    const run = page.getByRole('region', { name: '班期和报名' }).getByRole('article').first();
    await expect(run).toContainText(/周[一二三四五六日]/);
    await expect(run).toContainText(/\d{1,2}:\d{2}–\d{1,2}:\d{2}/);
    await expect(run).toContainText(/剩 \d+ 个（共 \d+ 个）|已报满/);
    await expect(run).toContainText(/报名中|已满|已截止|进行中|已结束/);
    await expect(run).toContainText('职业技能等级证书');
    await expect(run).toContainText(/免费|补贴|自费/);
    await expect(run.locator('a[href^="tel:"]')).toHaveText(/^打电话给.+：[\d-]+$/);
    await expect(page.getByRole('link', { name: '人社部官网' })).toBeVisible();

    // Linked jobs point at fair pages (or the page says there are none yet).
    const jobs = page.locator('section', { has: page.getByRole('heading', { name: '这门课对应的招聘岗位' }) });
    const fairLinks = jobs.locator('a[href^="/fairs/"]');
    if ((await fairLinks.count()) > 0) {
      for (const href of await fairLinks.evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
        expect(href).toMatch(/^\/fairs(\/\d+)?$/);
      }
    } else {
      await expect(jobs).toContainText('还没有对应这门课的岗位');
    }
    await expectNoA11yViolations(page);
  });

  test('finished runs come after the runs to come, folded away', async ({ page }) => {
    await page.goto('/courses?status=ended');
    await results(page).first().getByRole('heading', { level: 3 }).getByRole('link').click();
    const past = page.locator('details', { hasText: '已结束的班期' });
    await expect(past).toBeVisible();
    await expect(past.getByRole('article').first()).toBeHidden();
    await past.locator('summary').click();
    await expect(past.getByRole('article').first()).toContainText('已结束');
  });

  test('an unknown or malformed course id is a 404 page', async ({ page }) => {
    for (const id of ['999999', 'abc', '1e3', '-1', '99999999999999999999']) {
      const res = await page.goto(`/courses/${id}`);
      expect(res?.status(), id).toBe(404);
      await expect(page.getByRole('heading', { level: 1, name: '页面没有找到' })).toBeVisible();
    }
  });
});

test('resident searches with JavaScript turned off @nojs', async ({ page }) => {
  await page.goto('/courses');
  await page.getByLabel('搜索课程').fill('电工');
  await page.getByRole('group', { name: '费用' }).getByRole('checkbox', { name: /^免费/ }).check();
  await page.getByRole('button', { name: '查看结果' }).click();
  await expect(page).toHaveURL(/\/courses\?.*q=%E7%94%B5%E5%B7%A5.*cost=free/);
  const n = await total(page);
  expect(n).toBeGreaterThan(0);
  for (const card of await results(page).all()) await expect(card).toContainText('免费');
  // Chips are plain links too.
  await chips(page).getByRole('link', { name: '去掉条件：费用：免费' }).click();
  await expect(page).not.toHaveURL(/cost=free/);
  await expect(page.getByLabel('搜索课程')).toHaveValue('电工');
  await results(page).first().getByRole('heading', { level: 3 }).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 2, name: '班期和报名' })).toBeVisible();
});

test('resident on a phone opens the filters and picks a course @phone', async ({ page }) => {
  await page.goto('/courses');
  const width = page.viewportSize()!.width;
  const summary = page.locator('summary', { hasText: '筛选和排序' });
  if (width < 1024) {
    // Folded on a phone, so the results are near the top.
    await expect(page.getByLabel('工种', { exact: true })).toBeHidden();
    await summary.click();
  }
  const select = page.getByLabel('工种', { exact: true });
  await expect(select).toBeVisible();
  const { label, n } = await usefulOption(select);
  await select.selectOption({ label });
  await expect(count(page)).toHaveText(`共 ${n} 条`);

  // Nothing sticks out sideways, and the things to tap are big enough.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  for (const target of [page.getByRole('button', { name: '查看结果' }), page.getByRole('button', { name: '搜索' })]) {
    const box = (await target.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
  }
  await results(page).first().getByRole('heading', { level: 3 }).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 2, name: '班期和报名' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
});

/*
 * From a filtered list to a course: the filters ride along in the link, the course page shows
 * the runs they matched first (marked), keeps the distance from «我在哪里», and each run carries
 * its own calendar file and card. Data is picked from the database on the day the suite runs.
 */
type Pick = { courseId: number; runId: number; street: number; occupation: number; streetName: string };

/**
 * A 免费 run taking sign-ups in a 街镇, of a course that also has a run to come starting earlier
 * that does not match (full, closed, not free or elsewhere): the case where the page used to
 * show the wrong run first. 卢沟桥街道 when it has one.
 */
function filteredPick(): Pick {
  return withDb((db) => {
    const today = (db.prepare(`SELECT date('now', '+8 hours') AS d`).get() as { d: string }).d;
    const rows = db
      .prepare(
        `SELECT r.course_id AS courseId, r.id AS runId, p.street_id AS street, c.occupation_id AS occupation, s.name AS streetName
         FROM course_runs r JOIN courses c ON c.id = r.course_id JOIN places p ON p.id = r.theory_place_id JOIN streets s ON s.id = p.street_id
         WHERE r.publication = 'published' AND c.publication = 'published' AND r.cost_type = 'free'
           AND r.start_date > :today AND r.seats_left > 0 AND r.deadline >= :today
           AND EXISTS (SELECT 1 FROM course_runs o JOIN places op ON op.id = o.theory_place_id
             WHERE o.course_id = r.course_id AND o.publication = 'published' AND o.start_date > :today AND o.start_date < r.start_date
               AND NOT (o.cost_type = 'free' AND op.street_id = p.street_id AND o.seats_left > 0 AND o.deadline >= :today))
         ORDER BY (s.name LIKE '%卢沟桥%') DESC, r.start_date, r.id`,
      )
      .all({ today }) as Pick[];
    expect(rows.length, 'a free open run with an earlier non-matching run of the same course').toBeGreaterThan(0);
    return rows[0]!;
  });
}

async function filteredJourney(page: Page) {
  const pick = filteredPick();
  const filters = `occupation=${pick.occupation}&street=${pick.street}&cost=free&status=open`;
  await page.goto(`/courses?${filters}&near=s${pick.street}`);
  const card = results(page).filter({ has: page.locator(`a[href^="/courses/${pick.courseId}?"]`) }).first();
  await expect(card).toContainText(new RegExp(`距${pick.streetName}约`));
  await card.getByRole('heading', { level: 3 }).getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/courses/${pick.courseId}\\?${filters}&near=s${pick.street}$`));

  // The matched runs come first, marked; the earlier run that did not match comes after them.
  const runs = page.getByRole('region', { name: '班期和报名' });
  const matched = page.getByRole('list', { name: /^符合您筛选条件的班期/ });
  await expect(matched).toBeVisible();
  const first = runs.getByRole('article').first();
  await expect(first).toHaveAttribute('data-matched', 'true');
  await expect(first).toContainText('符合您的筛选条件');
  await expect(first).toContainText('报名中');
  await expect(first).toContainText(pick.streetName);
  await expect(matched.locator(`article[aria-labelledby="run-${pick.runId}"]`)).toBeVisible();
  for (const article of await matched.getByRole('article').all()) await expect(article).toContainText('报名中');
  await expect(runs.locator('article:not([data-matched])').first()).toBeVisible();
  // The distance from «我在哪里» is still there, on each run.
  await expect(first.getByTestId('run-distance')).toHaveText(new RegExp(`^距${pick.streetName}约 `));
  // 添加到日历 and 打印办事卡 belong to their run: inside its card, not at page level.
  const run = page.locator(`article[aria-labelledby="run-${pick.runId}"]`);
  await expect(run.getByRole('link', { name: '添加到日历' })).toHaveAttribute('href', `/courses/${pick.courseId}/runs/${pick.runId}/calendar`);
  await expect(run.getByRole('link', { name: '打印办事卡 / 二维码' })).toHaveAttribute('href', `/courses/${pick.courseId}/runs/${pick.runId}/card`);
  const outside = await page.locator('a[href$="/calendar"], a[href$="/card"]').evaluateAll((as) => as.filter((a) => !a.closest('article')).length);
  expect(outside).toBe(0);
  // Back to the same list.
  await page.getByRole('link', { name: '返回刚才的搜索结果' }).click();
  await expect(page).toHaveURL(new RegExp(`/courses\\?${filters}&near=s${pick.street}$`));
  await expect(results(page).filter({ has: page.locator(`a[href^="/courses/${pick.courseId}?"]`) })).toHaveCount(1);
}

test.describe('from a filtered list to a course', () => {
  test('the matched run first, marked, with its distance, calendar and card @phone @elder', async ({ page }) => {
    await filteredJourney(page);
    await page.goBack();
    await expectNoA11yViolations(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  });

  test('the same without JavaScript @nojs', async ({ page }) => {
    await filteredJourney(page);
  });

  test('«另有 N 个班期符合条件» opens the course at the N + 1 matching runs', async ({ page }) => {
    await page.goto('/courses?status=open&status=full&status=closed');
    const link = page.getByRole('link', { name: /^另有 \d+ 个班期符合条件$/ }).first();
    await expect(link).toBeVisible();
    const n = Number((await link.textContent())!.match(/\d+/)![0]);
    await expect(link).toHaveAttribute('href', /^\/courses\/\d+\?(?=.*status=open)(?=.*status=full)(?=.*status=closed)[^#]*#matched-runs$/);
    await link.click();
    await expect(page).toHaveURL(/#matched-runs$/);
    await expect(page.getByRole('list', { name: /^符合您筛选条件的班期/ }).getByRole('article')).toHaveCount(n + 1);
  });

  test('a course whose runs are all full or closed offers open courses of the same 工种 and a feed to follow @elder', async ({ page, request }) => {
    const found = withDb((db) => {
      const today = (db.prepare(`SELECT date('now', '+8 hours') AS d`).get() as { d: string }).d;
      const open = `r.publication = 'published' AND r.start_date > :today AND r.seats_left > 0 AND r.deadline >= :today`;
      const course = db
        .prepare(
          `SELECT c.id, c.occupation_id AS occupation FROM courses c WHERE c.publication = 'published'
             AND EXISTS (SELECT 1 FROM course_runs r WHERE r.course_id = c.id AND r.publication = 'published' AND r.start_date > :today)
             AND NOT EXISTS (SELECT 1 FROM course_runs r WHERE r.course_id = c.id AND ${open})
           ORDER BY (SELECT count(*) FROM courses o JOIN course_runs r ON r.course_id = o.id
             WHERE o.occupation_id = c.occupation_id AND o.id <> c.id AND o.publication = 'published' AND ${open}) DESC, c.id LIMIT 1`,
        )
        .get({ today }) as { id: number; occupation: number } | undefined;
      if (!course) return undefined;
      const others = db
        .prepare(
          `SELECT DISTINCT o.id FROM courses o JOIN course_runs r ON r.course_id = o.id
           WHERE o.occupation_id = ? AND o.id <> ? AND o.publication = 'published' AND ${open}`,
        )
        .all(course.occupation, course.id, { today }) as { id: number }[];
      return { ...course, others: others.map((o) => o.id) };
    });
    expect(found, 'a course with runs to come, none open').toBeTruthy();
    await page.goto(`/courses/${found!.id}`);
    const box = page.getByTestId('all-full');
    await expect(page.getByText('这门课目前没有可以报名的班期（都已报满、截止或结束）')).toBeVisible();
    const links = box.locator('li a[href^="/courses/"]');
    await expect(links).toHaveCount(Math.min(10, found!.others.length));
    for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))) {
      expect(found!.others).toContain(Number(href.match(/^\/courses\/(\d+)/)![1]));
    }
    const feed = box.getByRole('link', { name: /^订阅「.+」的新课程$/ });
    await expect(feed).toHaveAttribute('href', `/feeds/courses.xml?occupation=${found!.occupation}`);
    const res = await request.get(`/feeds/courses.xml?occupation=${found!.occupation}`);
    expect(res.status()).toBe(200);
    expect(await res.text()).toContain(`/courses/${found!.id}`);
    await expect(box.getByRole('link', { name: /^查看全部「.+」课程$/ })).toHaveAttribute('href', `/courses?occupation=${found!.occupation}&status=open`);
    await expectNoA11yViolations(page);
  });

  test('list cards say a 补贴班 fee and subsidy together; the counts say their unit @elder', async ({ page }) => {
    await page.goto('/courses?cost=subsidy');
    await expect(page.getByText('按课程计数，一门课可有多个班期')).toBeVisible();
    await openFilters(page);
    await expect(page.getByText('选项后括号里的数字是课程门数。')).toBeVisible();
    const costs = await results(page).getByTestId('card-cost').allTextContents();
    expect(costs.length).toBeGreaterThan(0);
    for (const c of costs) expect(c).toMatch(/^培训费 \d+ 元，可补贴 \d+ 元$/);
  });

  test('a certificate is named once, not «…职业技能等级证书（职业技能等级证书）» @elder', async ({ page }) => {
    await page.goto('/courses?dual=1');
    await results(page).first().getByRole('heading', { level: 3 }).getByRole('link').click();
    const runs = page.getByRole('region', { name: '班期和报名' });
    await expect(runs).toContainText('职业技能等级证书');
    await expect(runs).not.toContainText('职业技能等级证书（职业技能等级证书）');
  });
});
