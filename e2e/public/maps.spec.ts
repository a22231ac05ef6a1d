import { expect, test, type Page } from '@playwright/test';
import { toBd09, toGcj02, type LatLng } from '../../db/domain/geo';
import { expectNoA11yViolations } from '../helpers/a11y';
import { withDb } from '../helpers/db';

/*
 * The 列表 / 地图 switch on the resident lists, and the navigation buttons on detail pages.
 * The test machine is offline and every request off this server is aborted, so the map's
 * tiles always fail: markers and the list must work anyway, with a calm notice.
 */

/** Abort anything not served by the test server (map tiles above all). */
async function offline(page: Page) {
  await page.route(
    (url) => url.hostname !== '127.0.0.1' && url.hostname !== 'localhost',
    (route) => route.abort(),
  );
}

const listItems = (page: Page) => page.locator('li.map-list-item');
/** Pins shown on their own (a pin for a place; '2、5' when two results share it). */
const markers = (page: Page) => page.locator('.results-map .map-marker');
/** Pins too close to tell apart, gathered into a count. */
const clusters = (page: Page) => page.locator('.results-map .map-cluster');
/** Result n's own pin, when it is shown on its own. */
const pinOf = (page: Page, n: number) => page.locator(`.results-map .map-marker:has([data-numbers~="${n}"])`);
/** Whatever shows result n now: its pin, or the cluster holding it. */
const shownOf = (page: Page, n: number) => page.locator(`.results-map .leaflet-marker-icon:has([data-numbers~="${n}"])`);
const lit = (page: Page) => page.locator('.results-map .leaflet-marker-icon.is-active');

const TILES_OFF = '这张地图不显示街道底图，只标出各地点的相对位置；地址请看列表。';

async function openMap(page: Page, path: string) {
  await offline(page);
  await page.goto(path);
  await expect(page.locator('.results-map[data-loaded="true"]')).toBeVisible();
}

/** Every result number on the map, on pins and in clusters alike, sorted. */
async function mapNumbers(page: Page): Promise<number[]> {
  const lists = await page.locator('.results-map .leaflet-marker-icon [data-numbers]').evaluateAll((els) => els.map((e) => e.getAttribute('data-numbers') ?? ''));
  return lists.flatMap((l) => l.split(' ').filter(Boolean).map(Number)).sort((a, b) => a - b);
}

const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** Presses the cluster holding result n until n has its own pin, as a resident zooms in. */
async function reveal(page: Page, n: number) {
  await expect
    .poll(
      async () => {
        if ((await pinOf(page, n).count()) > 0) return true;
        await page.locator(`.results-map .map-cluster:has([data-numbers~="${n}"])`).first().dispatchEvent('click').catch(() => undefined);
        return false;
      },
      { timeout: 15_000, intervals: [400, 600, 800] },
    )
    .toBe(true);
  return pinOf(page, n);
}

test.describe('map view of the station list', () => {
  test('every listed station is on the map, on its own pin or counted in a cluster, on a plain background without tiles @elder', async ({ page }) => {
    await openMap(page, '/stations?view=map');
    const n = await listItems(page).count();
    expect(n).toBeGreaterThan(1);
    await expect.poll(() => mapNumbers(page)).toEqual(oneTo(n));
    // No tile server is configured by default (public ones do not load reliably in China): no tiles are asked for.
    await expect(page.locator('.results-map .leaflet-tile')).toHaveCount(0);
    await expect(page.getByText(TILES_OFF)).toBeVisible();
    await expect(page.getByTestId('tiles-failed')).toHaveCount(0);
    // The switch says where we are.
    await expect(page.getByRole('navigation', { name: '查看方式' }).getByRole('link', { name: '地图' })).toHaveAttribute('aria-current', 'page');
  });

  test('stations too close to tell apart show one count; pressing it (or Enter) zooms in and parts them', async ({ page }) => {
    await openMap(page, '/stations?view=map');
    const n = await listItems(page).count();
    // At the zoom that fits them, the first page's pins only just miss each other (a few hundred
    // metres apart); one step out and some would cover each other, so they are gathered.
    await expect.poll(() => mapNumbers(page)).toEqual(oneTo(n));
    await page.locator('.leaflet-control-zoom-out').click();
    await expect(clusters(page).first()).toBeVisible();
    await expect.poll(() => mapNumbers(page)).toEqual(oneTo(n));
    const cluster = clusters(page).first();
    const numbers = (await cluster.locator('[data-numbers]').getAttribute('data-numbers'))!.split(' ').map(Number);
    expect(numbers.length).toBeGreaterThan(1);
    await expect(cluster).toHaveText(new RegExp(`^${numbers.length}`));
    await expect(cluster).toHaveAttribute('tabindex', '0');
    await expect(cluster).toHaveAccessibleName(`这里挨得很近的 ${numbers.length} 项（第 ${numbers.join('、')} 项），按一下放大地图分开看`);
    await cluster.focus();
    await page.keyboard.press('Enter');
    // Zoomed in: that cluster is gone; each of them has its own pin (or a smaller cluster), and none is lost.
    await expect(page.locator(`.results-map .map-cluster:has([data-numbers="${numbers.join(' ')}"])`)).toHaveCount(0);
    for (const k of numbers) await reveal(page, k);
    expect((await mapNumbers(page)).filter((k) => numbers.includes(k))).toEqual(numbers);
    expect(n).toBeGreaterThan(numbers.length);
  });

  test('a marker opens its popup and lights up its list item; the list lights up markers', async ({ page }) => {
    await openMap(page, '/stations?view=map');

    // Hovering a list item lights what shows it on the map (its pin, or the cluster holding it).
    await page.locator('#map-item-3').hover();
    await expect(lit(page)).toHaveCount(1);
    await expect(shownOf(page, 3)).toHaveClass(/is-active/);

    // Focusing a list item (its heading link) lights its marker.
    await page.locator('#map-item-5').getByRole('heading').getByRole('link').focus();
    await expect(shownOf(page, 5)).toHaveClass(/is-active/);
    await expect(lit(page)).toHaveCount(1);

    // A click goes to the pin itself (stations a few hundred metres apart may overlap at this zoom).
    // The mouse leaves the list first: the popup pans the map, and a pointer resting on the list
    // would light whichever item slides under it.
    await page.mouse.move(1, 1);
    const pin2 = await reveal(page, 2);
    await pin2.dispatchEvent('click');
    const item2 = page.locator('#map-item-2');
    await expect(item2).toHaveAttribute('data-map-active', 'true');
    await expect(page.locator('#map-item-5')).not.toHaveAttribute('data-map-active', 'true');
    await expect(lit(page)).toHaveCount(1);
    await expect(pin2).toHaveClass(/is-active/);
    const name2 = (await item2.getByRole('heading').textContent())!.trim();
    const popup = page.locator('.leaflet-popup');
    await expect(popup).toContainText(name2);
    await expect(popup.getByRole('link', { name: `查看详情：${name2}` })).toHaveAttribute('href', /^\/stations\/\d+$/);

    // «在地图上看» brings that item's pin out (of a cluster, if need be) and opens its popup.
    const item4 = page.locator('#map-item-4');
    const name4 = (await item4.getByRole('heading').textContent())!.trim();
    // From the keyboard, with the mouse out of the way: the page scrolls up to the map, and a
    // pointer left resting over the list would light whichever item slides under it.
    await page.mouse.move(1, 1);
    await item4.getByRole('button', { name: /^在地图上看/ }).focus();
    await page.keyboard.press('Enter');
    await expect(popup.filter({ hasText: name4 })).toBeVisible();
    await expect(pinOf(page, 4)).toHaveClass(/is-active/);
  });

  test('markers are reached with the keyboard and open with Enter', async ({ page }) => {
    await openMap(page, '/stations?view=map');
    const first = await reveal(page, 1);
    await expect(first).toHaveAttribute('tabindex', '0');
    await expect(first).toHaveAttribute('aria-label', /^第 1 项：/);
    await first.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('.leaflet-popup')).toBeVisible();
    await expect(page.locator('#map-item-1')).toHaveAttribute('data-map-active', 'true');
  });

  test('the place the list measures from has its own marker and label @elder', async ({ page }) => {
    const street = withDb((db) => db.prepare(`SELECT id, name FROM streets ORDER BY sort, id LIMIT 1 OFFSET 8`).get()) as { id: number; name: string };
    await openMap(page, `/stations?near=s${street.id}&view=map`);
    const origin = page.getByTestId('map-origin');
    await expect(origin).toHaveCount(1);
    await expect(origin).toHaveText(`起点：${street.name}`);
    // Not a result: no number, not a button, not inside a cluster.
    await expect(page.locator('.results-map .leaflet-marker-icon:has([data-testid="map-origin"])')).not.toHaveAttribute('tabindex', '0');
    await expect(origin.locator('[data-numbers]')).toHaveCount(0);
    await expect.poll(() => mapNumbers(page)).toEqual(oneTo(await listItems(page).count()));
    // The list says the same origin.
    await expect(page.getByText(`按离“${street.name}”的距离从近到远排列`, { exact: false }).first()).toBeVisible();
    // Without an origin there is none.
    await page.goto('/stations?view=map');
    await expect(page.locator('.results-map[data-loaded="true"]')).toBeVisible();
    await expect(page.getByTestId('map-origin')).toHaveCount(0);
  });

  test('at 1280 wide the list keeps a readable width: the map goes above it, beside the filters', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await openMap(page, '/stations?view=map');
    const mapBox = (await page.locator('.results-map').boundingBox())!;
    const itemBox = (await listItems(page).first().boundingBox())!;
    expect(itemBox.width).toBeGreaterThanOrEqual(560);
    // Above the list (or, in a column wide enough for both, beside it — never a narrow strip).
    expect(itemBox.y >= mapBox.y + mapBox.height - 1 || mapBox.x >= itemBox.x + itemBox.width).toBe(true);
    expect(mapBox.width).toBeGreaterThanOrEqual(400);
    await page.screenshot({ path: test.info().outputPath('stations-map-1280.png') });
  });

  test('the switch keeps the filters, and a filter change keeps the map', async ({ page }) => {
    await offline(page);
    await page.goto('/stations?q=%E5%BC%82%E5%9C%B0%E5%B0%B1%E5%8C%BB&page=1');
    await page.getByRole('navigation', { name: '查看方式' }).getByRole('link', { name: '地图' }).click();
    await expect(page).toHaveURL(/view=map/);
    await expect(page).toHaveURL(/q=%E5%BC%82%E5%9C%B0%E5%B0%B1%E5%8C%BB/);
    await expect(page.getByRole('searchbox', { name: '关键词' })).toHaveValue('异地就医');
    await expect(page.locator('.results-map[data-loaded="true"]')).toBeVisible();
    await expect.poll(() => mapNumbers(page)).toEqual(oneTo(await listItems(page).count()));

    // Turning on «现在营业» updates the list in place, still on the map.
    const answered = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/stations');
    await page.getByRole('checkbox', { name: /现在营业/ }).first().check();
    await answered;
    await expect(page).toHaveURL(/open=1/);
    await expect(page).toHaveURL(/view=map/);
    // (At night nothing is open: then the list is empty and so is the map.)
    await expect
      .poll(async () => [(await mapNumbers(page)).join(','), oneTo(await listItems(page).count()).join(',')].join(' markers, items '))
      .toMatch(/^([\d,]*) markers, items \1$/);

    await page.getByRole('navigation', { name: '查看方式' }).getByRole('link', { name: '列表' }).click();
    await expect(page).not.toHaveURL(/view=map/);
    await expect(page).toHaveURL(/q=/);
    await expect(page.locator('.results-map')).toHaveCount(0);
  });

  test('map view passes axe', async ({ page }) => {
    await openMap(page, '/stations?view=map');
    await (await reveal(page, 1)).dispatchEvent('click');
    await expect(page.locator('.leaflet-popup')).toBeVisible();
    await expectNoA11yViolations(page);
  });

  test('map view passes axe in 长辈版 @phone', async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: 'ft_mode', value: 'elder', url: baseURL! }]);
    await openMap(page, '/stations?view=map');
    await expect.poll(() => mapNumbers(page)).toEqual(oneTo(await listItems(page).count()));
    // The map fits the phone screen and the list stays one column under it.
    const mapBox = (await page.locator('.results-map').boundingBox())!;
    const itemBox = (await listItems(page).first().boundingBox())!;
    expect(mapBox.height).toBeLessThan(page.viewportSize()!.height * 0.7);
    expect(itemBox.y).toBeGreaterThan(mapBox.y + mapBox.height);
    expect(Math.abs(itemBox.width - mapBox.width)).toBeLessThan(40);
    await expectNoA11yViolations(page);
  });

  test('the origin marker and clusters pass axe on a phone @phone', async ({ page }) => {
    const street = withDb((db) => db.prepare(`SELECT id, name FROM streets ORDER BY sort, id LIMIT 1 OFFSET 8`).get()) as { id: number; name: string };
    await openMap(page, `/stations?near=s${street.id}&view=map`);
    await expect(page.getByTestId('map-origin')).toHaveText(`起点：${street.name}`);
    await expect.poll(() => mapNumbers(page)).toEqual(oneTo(await listItems(page).count()));
    await expectNoA11yViolations(page);
    await page.locator('.results-map').screenshot({ path: test.info().outputPath('stations-map-origin-phone.png') });
  });
});

test.describe('map view of courses and fairs', () => {
  test('every course with a venue has its number on a marker; runs in one place share one', async ({ page }) => {
    await openMap(page, '/courses?view=map');
    const n = await listItems(page).count();
    expect(n).toBeGreaterThan(1);
    await expect.poll(() => mapNumbers(page)).toEqual(oneTo(n));
    expect((await markers(page).count()) + (await clusters(page).count())).toBeLessThanOrEqual(n);
    await expect(page.getByText(TILES_OFF)).toBeVisible();
  });

  test('an online fair has no marker, and its list item says so', async ({ page }) => {
    await offline(page);
    await page.goto('/fairs?type=online&view=map');
    const n = await listItems(page).count();
    expect(n).toBeGreaterThan(0);
    // Nothing on this page has a place: no empty map, a note instead.
    await expect(page.getByTestId('map-nothing')).toBeVisible();
    await expect(page.locator('.results-map')).toHaveCount(0);
    await expect(listItems(page).first()).toContainText('线上招聘会，没有现场，地图上不显示。');
  });

  test('fairs with a venue are on the map', async ({ page }) => {
    await openMap(page, '/fairs?view=map');
    const withPlace = listItems(page).filter({ hasNot: page.getByText('线上招聘会，没有现场') });
    await expect.poll(async () => (await mapNumbers(page)).length).toBe(await withPlace.count());
    await expectNoA11yViolations(page);
  });
});

test.describe('without JavaScript', () => {
  test('the map view shows the list with a note @nojs', async ({ page }) => {
    await offline(page);
    await page.goto('/stations?view=map');
    await expect(page.getByTestId('map-noscript')).toHaveText('地图需要开启 JavaScript 才能显示。下面的列表可以照常使用。');
    await expect(page.getByTestId('station-result').first()).toBeVisible();
    await expect(page.locator('.leaflet-container')).toHaveCount(0);
    // No button that would do nothing.
    await expect(page.getByRole('button', { name: /^在地图上看/ })).toHaveCount(0);
    // A no-JavaScript form submit stays on the map view.
    await expect(page.locator('form[role="search"] input[type="hidden"][name="view"]')).toHaveValue('map');
    await page.getByRole('navigation', { name: '查看方式' }).getByRole('link', { name: '列表' }).click();
    await expect(page).toHaveURL(/\/stations$/);
    await expect(page.getByTestId('map-noscript')).toHaveCount(0);
  });
});

test.describe('navigation buttons', () => {
  const pair = (s: string): [number, number] => s.split(',').map(Number) as [number, number];

  test('a station page links to 高德, 百度 and 腾讯 with each app’s coordinates @phone', async ({ page }) => {
    const station = withDb((db) => db.prepare(`SELECT id, name, lat, lng FROM stations WHERE publication = 'published' ORDER BY id LIMIT 1`).get()) as {
      id: number;
      name: string;
      lat: number;
      lng: number;
    };
    const wgs: LatLng = { lat: station.lat, lng: station.lng };
    await page.goto(`/stations/${station.id}`);
    const nav = page.getByTestId('navigation-links');
    await expect(nav.getByRole('link')).toHaveText(['高德地图', '百度地图', '腾讯地图']);
    await expect(nav).toContainText('没装就打开地图网页');

    const gcj = toGcj02(wgs);
    const bd = toBd09(wgs);
    const amap = new URL((await nav.getByRole('link', { name: /^用高德地图/ }).getAttribute('href'))!);
    const [aLng, aLat] = pair(amap.searchParams.get('to')!);
    expect(aLat).toBeCloseTo(gcj.lat, 5);
    expect(aLng).toBeCloseTo(gcj.lng, 5);

    const baidu = new URL((await nav.getByRole('link', { name: /^用百度地图/ }).getAttribute('href'))!);
    expect(baidu.searchParams.get('coord_type')).toBe('bd09ll');
    const [bLat, bLng] = pair(/^latlng:([^|]+)\|/.exec(baidu.searchParams.get('destination')!)![1]!);
    expect(bLat).toBeCloseTo(bd.lat, 5);
    expect(bLng).toBeCloseTo(bd.lng, 5);
    expect(Math.abs(bLng - wgs.lng)).toBeGreaterThan(0.005); // not the stored WGS-84

    const qq = new URL((await nav.getByRole('link', { name: /^用腾讯地图/ }).getAttribute('href'))!);
    const [tLat, tLng] = pair(qq.searchParams.get('tocoord')!);
    expect(tLat).toBeCloseTo(gcj.lat, 5);
    expect(tLng).toBeCloseTo(gcj.lng, 5);
    // Residents get the buttons, never the numbers: no coordinates as text on the page.
    // (innerText: what is shown, not the JSON-LD for search engines, which keeps its geo.)
    const shown = { useInnerText: true };
    await expect(page.locator('main')).not.toContainText(gcj.lat.toFixed(4), shown);
    await expect(page.locator('main')).not.toContainText(wgs.lat.toFixed(4), shown);
    await expect(page.locator('main')).not.toContainText(/北纬|东经|坐标/, shown);
    await expectNoA11yViolations(page);
  });

  test('the «步行导航» button at the top jumps to the three buttons @nojs', async ({ page }) => {
    const id = withDb((db) => (db.prepare(`SELECT id FROM stations WHERE publication = 'published' ORDER BY id LIMIT 1`).get() as { id: number }).id);
    await page.goto(`/stations/${id}`);
    await expect(page.getByRole('link', { name: '步行导航（高德、百度、腾讯地图）' })).toHaveAttribute('href', '#st-navigate');
    await expect(page.locator('#st-navigate').getByRole('link')).toHaveCount(3);
  });
});
