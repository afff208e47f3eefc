import { gotoScenario } from './helpers.ts';
import { expect, test } from '@playwright/test';

// Keeps the README's pictures current: each run re-takes them from the built site.
test.describe('README screenshots', () => {
  test('a decision in the player', async ({ page }) => {
    await page.setViewportSize({ width: 900, height: 1100 });
    await gotoScenario(page, 'scenarios/mower-at-115/');
    await page.getByRole('link', { name: /^Kneel beside Walt/ }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('link', { name: /^Tell Walt that the crew/ }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    for (const letter of 'abcd')
      await page
        .getByRole('group', { name: new RegExp(`^${letter}\\. `) })
        .getByText('Yes', { exact: true })
        .click();
    const heading = page.getByRole('heading', { level: 2, name: 'The open house' });
    await expect(heading).toBeVisible();
    await heading.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'docs/screenshot-decision.png' });
  });
});
