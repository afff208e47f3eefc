import { expect, test, type Page } from '@playwright/test';
import { gotoDrill, gotoProgress, playMowerThrough } from './helpers.ts';
import { PHONE_WIDTHS, expectReflow } from './reflow.ts';

/**
 * What a reader of a phone sees, on every kind of page and in every state of the player: at 320, 375
 * and 414 px nothing is wider than the screen (or it pans inside a labelled scroll region that shows its
 * start), and no heading, table header or number is broken mid-word. One page load per page and width.
 */

/** One page of each kind, and how to open it when a plain load is not enough (a state a reader's actions reach). */
const PAGES: { path: string; name: string; open?: (page: Page) => Promise<void> }[] = [
  { path: '', name: 'home' },
  { path: 'scenarios/', name: 'catalogue' },
  { path: 'lessons/', name: 'lessons index' },
  {
    path: 'lessons/the-empowerment-test/',
    name: 'a lesson with its knowledge check answered',
    open: async (page) => {
      await page.goto('lessons/the-empowerment-test/');
      const submit = page.getByRole('button', { name: 'Check my answers' });
      await expect(submit).toBeVisible();
      for (const group of await page.locator('fieldset.check').all()) await group.getByRole('radio').first().check();
      await submit.click();
      await expect(page.locator('[data-check-score]')).not.toBeEmpty();
    },
  },
  { path: 'sop/', name: 'procedure' },
  { path: 'instructors/', name: 'instructors' },
  { path: 'authoring/', name: 'authoring guide' },
  { path: 'coverage/', name: 'coverage' },
  { path: 'no-such-page/', name: '404' },
  { path: 'scenarios/who-pays-for-the-ceiling/map/', name: 'the widest scenario map (with local policies)' },
  { path: 'scenarios/partner-crew-talk/map/', name: 'a scenario map whose start sits far right in a balanced layout' },
  { path: 'drill/', name: 'drills index' },
  { path: 'drill/mower-at-115/', name: 'a drill setup', open: (page) => gotoDrill(page, 'drill/mower-at-115/') },
  { path: 'drill/mower-at-115/guide/', name: 'a facilitator guide' },
  { path: 'drill/records/', name: 'drill records' },
  { path: 'progress/', name: 'progress', open: gotoProgress },
  { path: 'certificate/', name: 'certificate' },
  { path: 'gradebook/', name: 'gradebook' },
];

test.describe('phone reflow', () => {
  for (const { path, name, open } of PAGES)
    test(`${name} (/${path}) fits 320–414 px`, async ({ page }) => {
      for (const width of PHONE_WIDTHS) {
        await page.setViewportSize({ width, height: 800 });
        await (open ? open(page) : page.goto(path));
        await expectReflow(page, `/${path}`);
      }
    });

  test('the player fits 320–414 px in every state', async ({ page }) => {
    const look = async (state: string) => {
      for (const width of PHONE_WIDTHS) {
        await page.setViewportSize({ width, height: 800 });
        await expectReflow(page, state);
      }
    };
    await page.setViewportSize({ width: PHONE_WIDTHS[0], height: 800 });
    await playMowerThrough(page, look);
    await page.getByRole('button', { name: 'Show every step with your answers' }).click();
    await look('the debrief with every step shown');
  });

  test('progress and the certificate fit 320–414 px with a finished attempt', async ({ page }) => {
    await playMowerThrough(page, async () => undefined);
    for (const width of PHONE_WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      await gotoProgress(page);
      await expectReflow(page, 'progress with a finished attempt');
      await page.goto('certificate/');
      await expectReflow(page, 'the certificate with a finished attempt');
    }
  });
});
