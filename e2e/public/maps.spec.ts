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
const markers = (page: Page) => page.locator('.results-map .map-marker');

async function openMap(page: Page, path: string) {
  await offline(page);
  await page.goto(path);
  await expect(page.locator('.results-map[data-loaded="true"]')).toBeVisible();
}

/** The numbers markers stand for ('1', '2、5' …), flattened and sorted. */
async function markerNumbers(page: Page): Promise<number[]> {
  const labels = await markers(page).allTextContents();
  return labels.flatMap((l) => l.split('、').map(Number)).sort((a, b) => a - b);
}

test.describe('map view of the station list', () => {
  test('shows one numbered marker per listed station, and says the tiles could not load', async ({ page }) => {
    await openMap(page, '/stations?view=map');
    const n = await listItems(page).count();
    expect(n).toBeGreaterThan(1);
    await expect(markers(page)).toHaveCount(n);
    expect(await markerNumbers(page)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    await expect(page.getByTestId('tiles-failed')).toHaveText('底图暂时无法加载，标记和下方列表仍可使用。');
    // The switch says where we are.
    await expect(page.getByRole('navigation', { name: '查看方式' }).getByRole('link', { name: '地图' })).toHaveAttribute('aria-current', 'page');
  });

  test('a marker opens its popup and lights up its list item; the list lights up markers', async ({ page }) => {
    await openMap(page, '/stations?view=map');
    const marker = (n: number) => markers(page).filter({ hasText: new RegExp(`^${n}$`) });

    // Hovering a list item lights its marker.
    await page.locator('#map-item-3').hover();
    await expect(marker(3)).toHaveClass(/is-active/);

    // Stations a few hundred metres apart overlap at the zoom that fits them all, so the click
    // goes to the marker itself rather than to whatever pin lies on top at its centre.
    await marker(2).dispatchEvent('click');
    const item2 = page.locator('#map-item-2');
    await expect(item2).toHaveAttribute('data-map-active', 'true');
    await expect(page.locator('#map-item-3')).not.toHaveAttribute('data-map-active', 'true');
    await expect(marker(3)).not.toHaveClass(/is-active/);
    const name2 = (await item2.getByRole('heading').textContent())!.trim();
    const popup = page.locator('.leaflet-popup');
    await expect(popup).toContainText(name2);
    await expect(popup.getByRole('link', { name: `查看详情：${name2}` })).toHaveAttribute('href', /^\/stations\/\d+$/);

    // Focusing a list item (its heading link) lights its marker.
    await page.locator('#map-item-5').getByRole('heading').getByRole('link').focus();
    await expect(marker(5)).toHaveClass(/is-active/);
    await expect(marker(2)).not.toHaveClass(/is-active/);

    // «在地图上看» opens that item's popup.
    const item4 = page.locator('#map-item-4');
    const name4 = (await item4.getByRole('heading').textContent())!.trim();
    await item4.getByRole('button', { name: /^在地图上看/ }).click();
    await expect(popup.filter({ hasText: name4 })).toBeVisible();
    await expect(marker(4)).toHaveClass(/is-active/);
  });

  test('markers are reached with the keyboard and open with Enter', async ({ page }) => {
    await openMap(page, '/stations?view=map');
    const first = markers(page).filter({ hasText: /^1$/ });
    await expect(first).toHaveAttribute('tabindex', '0');
    await expect(first).toHaveAttribute('aria-label', /^第 1 项：/);
    await first.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('.leaflet-popup')).toBeVisible();
    await expect(page.locator('#map-item-1')).toHaveAttribute('data-map-active', 'true');
  });

  test('the switch keeps the filters, and a filter change keeps the map', async ({ page }) => {
    await offline(page);
    await page.goto('/stations?q=%E5%BC%82%E5%9C%B0%E5%B0%B1%E5%8C%BB&page=1');
    await page.getByRole('navigation', { name: '查看方式' }).getByRole('link', { name: '地图' }).click();
    await expect(page).toHaveURL(/view=map/);
    await expect(page).toHaveURL(/q=%E5%BC%82%E5%9C%B0%E5%B0%B1%E5%8C%BB/);
    await expect(page.getByRole('searchbox', { name: '关键词' })).toHaveValue('异地就医');
    await expect(page.locator('.results-map[data-loaded="true"]')).toBeVisible();
    await expect(markers(page)).toHaveCount(await listItems(page).count());

    // Turning on «现在营业» updates the list in place, still on the map.
    const answered = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/stations');
    await page.getByRole('checkbox', { name: /现在营业/ }).first().check();
    await answered;
    await expect(page).toHaveURL(/open=1/);
    await expect(page).toHaveURL(/view=map/);
    // (At night nothing is open: then the list is empty and so is the map.)
    await expect
      .poll(async () => [await markers(page).count(), await listItems(page).count()].join(' markers, items '))
      .toMatch(/^(\d+) markers, items \1$/);

    await page.getByRole('navigation', { name: '查看方式' }).getByRole('link', { name: '列表' }).click();
    await expect(page).not.toHaveURL(/view=map/);
    await expect(page).toHaveURL(/q=/);
    await expect(page.locator('.results-map')).toHaveCount(0);
  });

  test('map view passes axe', async ({ page }) => {
    await openMap(page, '/stations?view=map');
    await markers(page).first().dispatchEvent('click');
    await expect(page.locator('.leaflet-popup')).toBeVisible();
    await expectNoA11yViolations(page);
  });

  test('map view passes axe in 长辈版 @phone', async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: 'ft_mode', value: 'elder', url: baseURL! }]);
    await openMap(page, '/stations?view=map');
    await expect(markers(page)).toHaveCount(await listItems(page).count());
    // The map fits the phone screen and the list stays one column under it.
    const mapBox = (await page.locator('.results-map').boundingBox())!;
    const itemBox = (await listItems(page).first().boundingBox())!;
    expect(mapBox.height).toBeLessThan(page.viewportSize()!.height * 0.7);
    expect(itemBox.y).toBeGreaterThan(mapBox.y + mapBox.height);
    expect(Math.abs(itemBox.width - mapBox.width)).toBeLessThan(40);
    await expectNoA11yViolations(page);
  });
});

test.describe('map view of courses and fairs', () => {
  test('every course with a venue has its number on a marker; runs in one place share one', async ({ page }) => {
    await openMap(page, '/courses?view=map');
    const n = await listItems(page).count();
    expect(n).toBeGreaterThan(1);
    expect(await markerNumbers(page)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    expect(await markers(page).count()).toBeLessThanOrEqual(n);
    await expect(page.getByTestId('tiles-failed')).toBeVisible();
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
    const numbers = await markerNumbers(page);
    expect(numbers.length).toBe(await withPlace.count());
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
