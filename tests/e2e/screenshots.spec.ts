import { gotoDrill, gotoProgress, gotoScenario, playMowerThrough } from './helpers.ts';
import { expect, test, type Page } from '@playwright/test';

/**
 * Pictures of the site as people see it, re-taken on every run: each main page and player state on a
 * 375 px phone and a 1280 px laptop, and each print view, into test-results/screenshots/ (look at them
 * after a layout change), plus the README's pictures into docs/.
 */
const OUT = 'test-results/screenshots';
const WIDTHS = [375, 1280] as const;

const PAGES: { path: string; name: string; open?: (page: Page) => Promise<void> }[] = [
  { path: '', name: 'home' },
  { path: 'scenarios/', name: 'catalogue' },
  { path: 'lessons/', name: 'lessons' },
  { path: 'lessons/the-empowerment-test/', name: 'lesson' },
  { path: 'sop/', name: 'procedure' },
  { path: 'instructors/', name: 'instructors' },
  { path: 'authoring/', name: 'authoring' },
  { path: 'coverage/', name: 'coverage' },
  { path: 'no-such-page/', name: '404' },
  { path: 'scenarios/who-pays-for-the-ceiling/map/', name: 'map' },
  { path: 'drill/', name: 'drills' },
  { path: 'drill/mower-at-115/', name: 'drill-setup', open: (page) => gotoDrill(page, 'drill/mower-at-115/') },
  { path: 'drill/mower-at-115/guide/', name: 'drill-guide' },
  { path: 'drill/records/', name: 'drill-records' },
  { path: 'progress/', name: 'progress', open: gotoProgress },
  { path: 'certificate/', name: 'certificate' },
  { path: 'gradebook/', name: 'gradebook' },
];

test.describe('screenshots', () => {
  // Two tests per width, so that the two workers share the long pages.
  for (const width of WIDTHS)
    for (const part of [0, 1])
      test(`each main page at ${width} px (part ${part + 1} of 2)`, async ({ page }) => {
        await page.setViewportSize({ width, height: width < 600 ? 800 : 900 });
        for (const { path, name, open } of PAGES.filter((_, i) => i % 2 === part)) {
          await (open ? open(page) : page.goto(path));
          await page.screenshot({ path: `${OUT}/${width}/${name}.png`, fullPage: true });
        }
      });

  test('each player state at 375 and 1280 px', async ({ page }) => {
    await playMowerThrough(page, async (state) => {
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: width < 600 ? 800 : 900 });
        await page.screenshot({ path: `${OUT}/${width}/${state}.png`, fullPage: true });
      }
    });
  });

  test('each print view, on a Letter page', async ({ page }) => {
    test.setTimeout(240_000);
    // A Letter page is 8.5 in wide at 96 px per inch; the class summary prints landscape (11 in).
    await page.setViewportSize({ width: 816, height: 1056 });
    await playMowerThrough(page, async (state) => {
      if (state !== 'player-ending') return;
      await page.emulateMedia({ media: 'print' });
      await page.screenshot({ path: `${OUT}/print/debrief.png`, fullPage: true });
    });
    const prints: [string, string][] = [
      ['sop/', 'procedure'],
      ['lessons/the-empowerment-test/', 'lesson'],
      ['scenarios/who-pays-for-the-ceiling/map/', 'map'],
      ['drill/mower-at-115/guide/', 'drill-guide'],
      ['progress/', 'progress'],
      ['certificate/', 'certificate'],
    ];
    for (const [path, name] of prints) {
      await (path === 'progress/' ? gotoProgress(page) : page.goto(path));
      await page.screenshot({ path: `${OUT}/print/${name}.png`, fullPage: true });
    }
    await page.setViewportSize({ width: 1056, height: 816 });
    await page.goto('gradebook/');
    await page.screenshot({ path: `${OUT}/print/gradebook.png`, fullPage: true });
  });
});

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
