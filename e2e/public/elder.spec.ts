import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { expectNoA11yViolations } from '../helpers/a11y';

/*
 * 长辈版 (elder mode): the switch in the header, the cookie that remembers it, the larger,
 * plainer pages it gives, and every resident journey done by keyboard alone in both modes.
 */

const MODES = ['standard', 'elder'] as const;
type Mode = (typeof MODES)[number];

const switchLink = (page: Page) => page.getByTestId('mode-switch');

async function setMode(context: BrowserContext, mode: Mode, baseURL: string | undefined) {
  await context.clearCookies({ name: 'ft_mode' });
  if (mode === 'elder') await context.addCookies([{ name: 'ft_mode', value: 'elder', url: baseURL! }]);
}

async function htmlMode(page: Page) {
  return page.locator('html').getAttribute('data-mode');
}

/** The address of the first detail link of a kind on a list page. */
async function firstDetail(page: Page, list: string, kind: 'courses' | 'stations' | 'fairs'): Promise<string> {
  await page.goto(list);
  const href = await page.locator(`main a[href^="/${kind}/"]`).evaluateAll(
    (links, k) => links.map((a) => a.getAttribute('href')!).find((h) => new RegExp(`^/${k}/\\d+$`).test(h)),
    kind,
  );
  expect(href, `a ${kind} detail link on ${list}`).toBeTruthy();
  return href!;
}

test.describe('the 长辈版 switch', () => {
  test('switches on and off without JavaScript, back to the same page, and is remembered @nojs', async ({ page, context }) => {
    await page.goto('/stations?open=1');
    expect(await htmlMode(page)).toBe('standard');
    await expect(switchLink(page)).toHaveText(/长辈版/);
    await switchLink(page).click();
    await expect(page).toHaveURL(/\/stations\?open=1$/);
    expect(await htmlMode(page)).toBe('elder');
    await expect(switchLink(page)).toHaveText(/^\s*A?\s*退出长辈版/);
    await expect(switchLink(page)).not.toContainText('标准版');

    const cookie = (await context.cookies()).find((c) => c.name === 'ft_mode');
    expect(cookie?.value).toBe('elder');
    expect(cookie?.path).toBe('/');
    expect(cookie?.sameSite).toBe('Lax');
    const days = (cookie!.expires - Date.now() / 1000) / 86400;
    expect(days).toBeGreaterThan(360);
    expect(days).toBeLessThan(370);

    // Remembered on every page, including a detail page and the 404 page.
    for (const path of ['/', '/courses', '/fairs', '/search?q=电工', '/no-such-page']) {
      await page.goto(path);
      expect(await htmlMode(page), path).toBe('elder');
    }
    await page.goto('/courses?cost=free');
    await switchLink(page).click();
    await expect(page).toHaveURL(/\/courses\?cost=free$/);
    expect(await htmlMode(page)).toBe('standard');
    expect((await context.cookies()).find((c) => c.name === 'ft_mode')).toBeUndefined();
    await page.goto('/stations');
    expect(await htmlMode(page)).toBe('standard');
  });

  test('with JavaScript the switch keeps filters changed in place and behaves the same', async ({ page }) => {
    await page.goto('/fairs');
    await page.getByRole('radio', { name: /^7天内（/ }).check();
    await expect(page).toHaveURL(/date=week/);
    await expect(switchLink(page)).toHaveAttribute('href', /back=%2Ffairs%3Fdate%3Dweek/);
    await switchLink(page).click();
    await expect(page).toHaveURL(/\/fairs\?date=week$/);
    expect(await htmlMode(page)).toBe('elder');
    await expect(page.getByRole('radio', { name: /^7天内（/ })).toBeChecked();
    await page.getByRole('navigation', { name: '主要栏目' }).getByRole('link', { name: '医保驿站' }).click();
    await expect(page).toHaveURL(/\/stations$/);
    expect(await htmlMode(page)).toBe('elder');
    await switchLink(page).click();
    await expect(page).toHaveURL(/\/stations$/);
    expect(await htmlMode(page)).toBe('standard');
  });

  test('never sends residents to another site, and ignores a mode it does not know', async ({ request }) => {
    for (const back of ['//evil.example', '//evil.example/stations', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)', '']) {
      const res = await request.get(`/elder?mode=on&back=${encodeURIComponent(back)}`, { maxRedirects: 0 });
      expect(res.status(), back).toBe(303);
      expect(res.headers()['location'], back).toBe('/');
    }
    const ok = await request.get('/elder?mode=on&back=' + encodeURIComponent('/stations?open=1'), { maxRedirects: 0 });
    expect(ok.status()).toBe(303);
    expect(ok.headers()['location']).toBe('/stations?open=1');
    expect(ok.headers()['set-cookie']).toMatch(/^ft_mode=elder;.*Max-Age=31536000.*Path=\/.*SameSite=Lax/);

    const odd = await request.get('/elder?mode=maybe&back=/courses', { maxRedirects: 0 });
    expect(odd.status()).toBe(303);
    expect(odd.headers()['location']).toBe('/courses');
    expect(odd.headers()['set-cookie']).toBeUndefined();
  });
});

test.describe('accessibility in both modes', () => {
  for (const mode of MODES) {
    test(`every resident page passes axe in ${mode === 'elder' ? '长辈版' : '标准版'}`, async ({ page, context, baseURL }) => {
      test.setTimeout(120_000);
      await setMode(context, mode, baseURL);
      const course = await firstDetail(page, '/courses', 'courses');
      const station = await firstDetail(page, '/stations', 'stations');
      const fair = await firstDetail(page, '/fairs', 'fairs');
      for (const path of ['/', '/courses', course, '/stations', station, '/fairs', fair, '/search?q=' + encodeURIComponent('电工')]) {
        await page.goto(path);
        expect(await htmlMode(page), path).toBe(mode);
        await expect(page.getByRole('heading', { level: 1 }), path).toBeVisible();
        await test.step(path, () => expectNoA11yViolations(page));
      }
    });
  }
});

test.describe('长辈版 is larger and plainer', () => {
  test('body text is 20 px, headings larger, targets taller, colours darker', async ({ page, context, baseURL }) => {
    const measure = async () =>
      page.evaluate(() => {
        const px = (el: Element | null) => parseFloat(getComputedStyle(el!).fontSize);
        const h = (sel: string) => document.querySelector(sel)!.getBoundingClientRect().height;
        return {
          body: px(document.body),
          h1: px(document.querySelector('main h1')),
          navLink: h('nav[aria-label="主要栏目"] a'),
          switchLink: h('[data-testid="mode-switch"]'),
          button: h('main button[type="submit"], main button'),
          ink: getComputedStyle(document.body).color,
          transition: getComputedStyle(document.querySelector('main a')!).transitionDuration,
        };
      });
    await page.goto('/stations');
    const standard = await measure();
    await setMode(context, 'elder', baseURL);
    await page.goto('/stations');
    const elder = await measure();
    expect(standard.body).toBeGreaterThanOrEqual(18);
    expect(elder.body).toBeGreaterThanOrEqual(20);
    expect(elder.h1).toBeGreaterThan(standard.h1);
    expect(elder.h1).toBeGreaterThan(elder.body * 1.3);
    for (const key of ['navLink', 'switchLink', 'button'] as const) {
      expect(standard[key], key).toBeGreaterThanOrEqual(48);
      expect(elder[key], key).toBeGreaterThanOrEqual(56);
    }
    expect(elder.ink).toBe('rgb(0, 0, 0)');
    expect(elder.transition.split(',').every((d) => parseFloat(d) === 0)).toBe(true);
  });

  test('elder pages fit a phone: no sideways scrolling, large text and targets @phone', async ({ page, context, baseURL }) => {
    await setMode(context, 'elder', baseURL);
    const course = await firstDetail(page, '/courses', 'courses');
    const station = await firstDetail(page, '/stations', 'stations');
    const fair = await firstDetail(page, '/fairs', 'fairs');
    for (const path of ['/', '/courses', course, '/stations', station, '/fairs', fair, '/search?q=' + encodeURIComponent('电工')]) {
      await page.goto(path);
      expect(await htmlMode(page), path).toBe('elder');
      // The switch is server-rendered without the query string, then replaced on hydration by one
      // that carries it; while React swaps them both are in the page. Measure once only the new one is.
      const back = `/elder?${new URLSearchParams({ mode: 'off', back: path })}`;
      await expect.poll(() => page.getByTestId('mode-switch').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([back]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
      const body = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
      expect(body, path).toBeGreaterThanOrEqual(20);
      for (const target of [switchLink(page), page.getByRole('navigation', { name: '主要栏目' }).getByRole('link').first()]) {
        const box = await target.boundingBox();
        expect(box?.height ?? 0, path).toBeGreaterThanOrEqual(56);
      }
    }
    await page.goto('/');
    const search = await page.getByRole('button', { name: '搜索' }).first().boundingBox();
    expect(search?.height ?? 0).toBeGreaterThanOrEqual(56);
  });

  test('elder search boxes show their whole placeholder on a phone @phone', async ({ page, context, baseURL }) => {
    await setMode(context, 'elder', baseURL);
    for (const path of ['/', '/courses', '/stations', '/fairs']) {
      await page.goto(path);
      const boxes = await page.locator('input[placeholder]:visible').evaluateAll((inputs) =>
        inputs.map((el) => {
          const input = el as HTMLInputElement;
          const style = getComputedStyle(input);
          // The placeholder's own width, in the box's font.
          const probe = document.createElement('span');
          probe.style.cssText = `position:absolute;white-space:pre;font:${style.font};letter-spacing:${style.letterSpacing}`;
          probe.textContent = input.placeholder;
          document.body.append(probe);
          const text = probe.getBoundingClientRect().width;
          probe.remove();
          // A search box keeps room for its clear (×) button at the end: 1.2em.
          const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 1.2 * parseFloat(style.fontSize);
          return { placeholder: input.placeholder, text, room, scroll: input.scrollWidth, client: input.clientWidth };
        }),
      );
      expect(boxes.length, path).toBeGreaterThan(0);
      for (const b of boxes) {
        expect(b.text, `${path}: «${b.placeholder}»`).toBeLessThanOrEqual(b.room);
        expect(b.scroll, path).toBeLessThanOrEqual(b.client);
      }
    }
  });

  test('in 长辈版 the switch says how to leave it: «退出长辈版» @phone', async ({ page, context, baseURL }) => {
    await setMode(context, 'elder', baseURL);
    await page.goto('/fairs');
    await expect(switchLink(page)).toContainText('退出长辈版');
    const box = (await switchLink(page).boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(page.viewportSize()!.width);
    await switchLink(page).click();
    expect(await htmlMode(page)).toBe('standard');
    await expect(switchLink(page)).toContainText('长辈版');
    await expect(switchLink(page)).not.toContainText('退出');
  });
});

/* ---------------------------------------------------------------------------------------------
 * Keyboard alone: Tab, Shift+Tab, Enter, Space (and arrow keys inside a radio group, as the
 * platform requires). No clicks. After every key the focused element must show its outline.
 * Each journey starts once the page has loaded its scripts, as a person would.
 */

type Focused = { tag: string; href: string | null; name: string; type: string | null; visible: boolean };

async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { tag: 'body', href: null, name: '', type: null, visible: true };
    const style = getComputedStyle(el);
    // A link stretched over its card draws the ring on its ::after, which covers the card.
    const after = getComputedStyle(el, '::after');
    const ringed = (s: CSSStyleDeclaration) => s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
    const stretched = after.content !== 'none' && after.content !== 'normal' && after.position === 'absolute';
    const ring = el.matches(':focus-visible') && (ringed(style) || (stretched && ringed(after)));
    const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : el.closest('label')?.textContent;
    return {
      tag: el.tagName.toLowerCase(),
      href: el.getAttribute('href'),
      name: (el.getAttribute('aria-label') ?? label ?? el.textContent ?? '').trim(),
      type: el.getAttribute('type'),
      visible: ring,
    };
  });
}

/** Presses Tab until the focused element matches; every stop on the way must show its outline. */
async function tabTo(page: Page, what: string, match: (f: Focused) => boolean, max = 120): Promise<Focused> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f.tag !== 'body') expect(f.visible, `focus outline on <${f.tag}> ${f.name.slice(0, 30)}`).toBe(true);
    if (match(f)) return f;
  }
  throw new Error(`Tab never reached ${what}`);
}

/**
 * Presses a key that changes a filter. With JavaScript the address changes at once and the
 * results a moment later (the old list stays, marked busy, until the read action answers), so
 * wait for that answer and the list to settle before reading or tabbing into it — or focus can
 * land on a link that is about to be replaced.
 */
async function pressAndSettle(page: Page, key: string): Promise<void> {
  const answered = page.waitForResponse((r) => r.request().method() === 'POST');
  await page.keyboard.press(key);
  await answered;
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

const detailLink = (kind: string) => (f: Focused) => f.tag === 'a' && new RegExp(`^/${kind}/\\d+$`).test(f.href ?? '');
/** A detail link from a filtered list: it carries the list's filters (/courses/12?cost=free). */
const filteredDetailLink = (kind: string) => (f: Focused) => f.tag === 'a' && new RegExp(`^/${kind}/\\d+\\?[^#]+$`).test(f.href ?? '');
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test.describe('every journey by keyboard alone', () => {
  for (const mode of MODES) {
    const label = mode === 'elder' ? '长辈版' : '标准版';

    test(`${label}: home search → a result`, async ({ page, context, baseURL }) => {
      await setMode(context, mode, baseURL);
      await page.goto('/', { waitUntil: 'networkidle' });
      await tabTo(page, 'the search box', (f) => f.tag === 'input' && f.type === 'search');
      await page.keyboard.type('电工');
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(/\/search\?q=/);
      const link = await tabTo(page, 'a course in the results', detailLink('courses'));
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(new RegExp(`${link.href}$`));
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(await htmlMode(page)).toBe(mode);
    });

    test(`${label}: courses, filter free courses and open one`, async ({ page, context, baseURL }) => {
      await setMode(context, mode, baseURL);
      await page.goto('/courses', { waitUntil: 'networkidle' });
      await tabTo(page, 'the 免费 checkbox', (f) => f.tag === 'input' && f.type === 'checkbox' && /^免费/.test(f.name));
      await pressAndSettle(page, 'Space');
      await expect(page).toHaveURL(/cost=free/);
      await expect(page.getByRole('group', { name: '费用' }).getByRole('checkbox', { name: /^免费/ })).toBeChecked();
      const link = await tabTo(page, 'a course', filteredDetailLink('courses'));
      expect(link.href).toMatch(/\?cost=free$/);
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(new RegExp(`${escapeRegExp(link.href!)}$`));
      await expect(page.getByRole('main')).toContainText('免费');
    });

    test(`${label}: stations open now, then open a station`, async ({ page, context, baseURL }) => {
      await setMode(context, mode, baseURL);
      await page.goto('/stations', { waitUntil: 'networkidle' });
      await tabTo(page, 'the 现在营业 checkbox', (f) => f.tag === 'input' && f.type === 'checkbox' && /现在营业/.test(f.name));
      await pressAndSettle(page, 'Space');
      await expect(page).toHaveURL(/open=1/);
      await expect(page.getByTestId('result-count')).toHaveText(/^共 \d+ 条/);
      const n = Number((await page.getByTestId('result-count').textContent())!.match(/\d+/)![0]);
      if (n === 0) {
        // At night nothing is open: the page says so and offers to drop the condition.
        await expect(page.getByTestId('empty-state')).toBeVisible();
        await tabTo(page, 'the way out of the empty list', (f) => f.tag === 'a' && f.name.includes('去掉“现在营业”'));
        // Back to the page's first query: its results are still cached, so nothing is fetched.
        await page.keyboard.press('Enter');
        await expect(page).not.toHaveURL(/open=1/);
        await expect(page.getByRole('checkbox', { name: /现在营业/ })).not.toBeChecked();
        await expect(page.getByTestId('empty-state')).toHaveCount(0);
      }
      const link = await tabTo(page, 'a station', detailLink('stations'));
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(new RegExp(`${link.href}$`));
      await expect(page.locator('main a[href^="tel:"]').first()).toBeVisible();
    });

    test(`${label}: fairs in the next 7 days, open one and reach its calendar link @clock`, async ({ page, context, baseURL }) => {
      await setMode(context, mode, baseURL);
      await page.goto('/fairs?type=general', { waitUntil: 'networkidle' });
      await tabTo(page, 'the date choice', (f) => f.tag === 'input' && f.type === 'radio');
      // Inside a radio group the arrow keys choose; step until 7天内 is chosen.
      for (let i = 0; i < 6 && !/^7天内/.test((await focused(page)).name); i++) await page.keyboard.press('ArrowDown');
      expect((await focused(page)).name).toMatch(/^7天内/);
      await expect(page).toHaveURL(/date=week/);
      const link = await tabTo(page, 'a fair', detailLink('fairs'));
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(new RegExp(`${link.href}$`));
      const cal = await tabTo(page, 'the calendar link', (f) => f.tag === 'a' && /\/calendar$/.test(f.href ?? ''));
      expect(cal.name).toContain('添加到日历');
      const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
      expect(download.suggestedFilename()).toMatch(/^fair-\d+\.ics$/);
    });
  }
});
