import { expect, test } from '@playwright/test';

/**
 * The site search's relevance order: within each section, results whose name holds the words
 * come before those that match only in their other text. In the sample data the course list
 * (by start date) opens with a 叉车司机 course that mentions 电工 only among its details; the
 * site search shows the 电工 courses first.
 */
test.describe('site search relevance', () => {
  test('name hits come first in each section @phone @nojs', async ({ page }) => {
    await page.goto('/search?q=' + encodeURIComponent('电工'));
    const courses = page.getByRole('region', { name: /培训课程/ });
    await expect(courses.getByRole('listitem').first().getByRole('heading').first()).toContainText('电工');
    const fairs = page.getByRole('region', { name: /招聘会/ });
    await expect(fairs.getByRole('listitem').first().getByRole('heading').first()).toContainText('电工');
  });
});
