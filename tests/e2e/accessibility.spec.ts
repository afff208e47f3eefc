import { decide, expectNoAxeViolations, gotoScenario } from './helpers.ts';
import { expect, test } from '@playwright/test';
import { builtPages } from './pages.ts';

test.describe('accessibility gate', () => {
  for (const path of builtPages())
    test(`no axe violations on /${path}`, async ({ page }) => {
      await page.goto(path);
      await expectNoAxeViolations(page, `/${path}`);
    });

  test('no axe violations in any player state', async ({ page }) => {
    await gotoScenario(page, 'scenarios/mower-at-115/');
    await expect(page.getByRole('button', { name: 'Start over' })).toBeVisible();
    await expectNoAxeViolations(page, 'a scene waiting for a choice');
    await page.getByRole('link', { name: /^Kneel beside Walt/ }).click();
    await expectNoAxeViolations(page, 'feedback after a choice');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('link', { name: /^Tell Walt that the crew/ }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expectNoAxeViolations(page, 'a decision before submitting');
    await page.getByRole('button', { name: 'Submit my answers' }).click();
    await expect(page.getByRole('alert')).toContainText('Answer every question');
    await expectNoAxeViolations(page, 'a decision with unanswered questions');
    await decide(page, 'yyyyyyy', 'Decline', false);
    await expectNoAxeViolations(page, 'a decision after submitting');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'The open garage' })).toBeVisible();
    await expectNoAxeViolations(page, 'an ending with the score');
  });

  test('focus is always visible', async ({ page }) => {
    await gotoScenario(page, 'scenarios/mower-at-115/');
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      const outline = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const style = getComputedStyle(el);
        return `${el.tagName} ${style.outlineStyle} ${style.outlineWidth}`;
      });
      expect(outline).not.toMatch(/ none | 0px$/);
    }
  });

  test('reduced motion: nothing animates and scrolling jumps', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await gotoScenario(page, 'scenarios/mower-at-115/');
    await page.getByRole('link', { name: /^Kneel beside Walt/ }).click();
    expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('auto');
  });
});
