import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { OfflineList } from '../../src/lib/offline-copy.ts';
import { choose, decide, expectNoAxeViolations, gotoScenario } from './helpers.ts';
import { samplePages } from './pages.ts';

const port = Number(process.env.E2E_PORT ?? 4391);
const SUBFOLDER = `http://127.0.0.1:${port + 1}/fire/training/customer-service/`;
const list = JSON.parse(readFileSync('dist/offline-files.json', 'utf8')) as OfflineList;

/** Wait until the course's service worker is running (it installs on the first page view). */
async function workerReady(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
}

/** Every request the page makes that leaves the browser (a service worker's own requests included). */
function countRequests(page: Page) {
  const urls: string[] = [];
  page.context().on('request', (request) => urls.push(request.url()));
  return urls;
}

test.describe('offline', () => {
  test('the first visit stores only the shell, and pages read online open offline afterwards', async ({
    page,
    context,
  }) => {
    const requested = countRequests(page);
    // In a sub-folder of a plain web server, as a city intranet would host it.
    await page.goto(SUBFOLDER);
    await workerReady(page);
    // Nothing but this page's own files, the shell and the list of files: no other page is fetched unasked.
    const pages = requested.filter((url) => /\/$/.test(url) && url !== SUBFOLDER);
    expect(pages).toEqual([`${SUBFOLDER}offline/`]);
    await page.goto(`${SUBFOLDER}lessons/the-empowerment-test/`);
    await gotoScenario(page, `${SUBFOLDER}scenarios/mower-at-115/`);

    await context.setOffline(true);
    // The first page (read before the worker was running), a lesson and a scenario that plays on.
    await page.goto(SUBFOLDER);
    await expect(page.getByRole('heading', { level: 1, name: 'Customer service, one call at a time' })).toBeVisible();
    await page.goto(`${SUBFOLDER}lessons/the-empowerment-test/`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await gotoScenario(page, `${SUBFOLDER}scenarios/mower-at-115/`);
    await choose(page, /^Kneel beside Walt/);
    await expect(page.getByRole('heading', { level: 2, name: 'He is coming around' })).toBeVisible();
    // Also without the trailing slash, or with the query string an LMS adds.
    for (const path of ['lessons/the-empowerment-test', 'lessons/the-empowerment-test/?lms=1&attempt=2']) {
      await page.goto(`${SUBFOLDER}${path}`);
      await expect(page.getByRole('heading', { level: 1, name: /empowerment test/i })).toBeVisible();
    }

    // A page never opened: the site's own offline page, at the address asked for, with working links.
    await page.goto(`${SUBFOLDER}sop/`);
    await expect(page.getByRole('heading', { level: 1, name: 'This page is not saved on this device' })).toBeVisible();
    expect(page.url()).toBe(`${SUBFOLDER}sop/`);
    await expect(page.locator('.site-header')).toHaveCSS('background-color', 'rgb(122, 31, 18)');
    await page.getByRole('link', { name: 'home page' }).click();
    await expect(page).toHaveURL(SUBFOLDER);
    await expect(page.getByRole('heading', { level: 1, name: 'Customer service, one call at a time' })).toBeVisible();
  });

  test('"Make the course available offline" saves every page with visible progress; then the whole course works offline', async ({
    page,
    context,
  }) => {
    // A journey over the whole course: on a busy two-core machine it needs more than the usual two minutes.
    test.slow();
    await page.goto('');
    await workerReady(page);
    const offline = page.getByRole('region', { name: 'Take the course offline' });
    await expect(offline).toContainText(`save all ${list.pages.length} pages now (about`);
    // Slow each page down a little so that the progress can be seen, and cancelled.
    await context.route(/\/(scenarios|lessons|drill)\/[^/]+\/$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 40));
      await route.continue();
    });
    await offline.getByRole('button', { name: 'Make the course available offline' }).click();
    await expect(offline.getByText(new RegExp(`^Saved \\d+ of ${list.pages.length} pages$`))).toBeVisible();
    await expect(offline.getByRole('progressbar')).toBeVisible();
    await expectNoAxeViolations(page, 'the offline copy being saved');
    await offline.getByRole('button', { name: 'Cancel' }).click();
    await expect(offline.getByRole('status')).toHaveText(
      new RegExp(`^Stopped: \\d+ of ${list.pages.length} pages are saved\\.$`),
    );
    await expect(offline.getByRole('button', { name: 'Save the rest of the course' })).toBeVisible();

    await context.unrouteAll();
    await offline.getByRole('button', { name: 'Save the rest of the course' }).click();
    await expect(offline.getByRole('status')).toHaveText(
      `Done: saved ${list.pages.length} of ${list.pages.length} pages.`,
      { timeout: 60_000 },
    );
    await expect(offline).toContainText('Available offline: the whole course is saved on this device.');
    await expect(offline.getByRole('button', { name: 'Make the course available offline' })).toBeHidden();

    await context.setOffline(true);
    await page.reload();
    // Every page and file comes from this device (asked through the service worker, as a page asks)...
    const missing = await page.evaluate(
      async (files) => {
        const failed: string[] = [];
        for (const url of files) {
          const response = await fetch(url).catch(() => undefined);
          if (!response?.ok) failed.push(url);
        }
        return failed;
      },
      [...list.pages, ...list.files].map((f) => f.url),
    );
    expect(missing).toEqual([]);
    // ...and one page of each kind opens as a reader opens it.
    for (const url of samplePages().filter((url) => url !== list.shell[0])) {
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      await expect(page.getByRole('heading', { level: 1 }).first(), `/${url} offline`).not.toHaveText(
        'This page is not saved on this device',
      );
    }
    await gotoScenario(page, 'scenarios/mower-at-115/');
    await choose(page, /^Kneel beside Walt/);
    await choose(page, /^Tell Walt that the crew/);
    await decide(page, 'yyyyyyy', 'Decline');
    await expect(page.getByText(/^Your score: \d+%/)).toBeVisible();
    // Back online, the copy can be removed; the home page then offers to save it again.
    await context.setOffline(false);
    await page.goto('');
    await offline.getByRole('button', { name: 'Remove the offline copy' }).click();
    await expect(offline.getByRole('status')).toHaveText('The offline copy was removed from this device.');
    await expect(offline.getByRole('button', { name: 'Make the course available offline' })).toBeVisible();
  });

  test('a failed save says why in one sentence and keeps what was saved', async ({ page, context }) => {
    await page.goto('');
    await workerReady(page);
    let served = 0;
    await context.route(/\/scenarios\/[^/]+\/$/, (route) => (++served > 3 ? route.abort() : route.continue()));
    const offline = page.getByRole('region', { name: 'Take the course offline' });
    await offline.getByRole('button', { name: 'Make the course available offline' }).click();
    await expect(offline.getByRole('status')).toHaveText(
      /^The connection dropped \(\d+ of \d+ pages are saved\); try again when you are back online\.$/,
    );
    await expect(offline).toContainText(/^.*Saved \d+ of \d+ pages so far; the rest is about/);
  });

  test('from a file share, where browsers run no service worker, the home page says offline saving is not available', async ({
    page,
  }) => {
    await page.goto(`file://${process.cwd()}/dist/index.html`);
    const offline = page.getByRole('region', { name: 'Take the course offline' });
    await expect(offline).toContainText('cannot be saved for offline use');
    await expect(offline.getByRole('button')).toHaveCount(0);
  });
});
