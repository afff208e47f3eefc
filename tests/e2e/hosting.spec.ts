import { choose, decide, gotoScenario } from './helpers.ts';
import { expect, test } from '@playwright/test';
import { samplePages } from './pages.ts';

const port = Number(process.env.E2E_PORT ?? 4391);
const SUBFOLDER = `http://127.0.0.1:${port + 1}/fire/training/customer-service/`;

test.describe('hosting and privacy', () => {
  test('nothing leaves the device: every request goes to the site itself', async ({ page }) => {
    const foreign: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (!['http:', 'https:'].includes(url.protocol)) return;
      if (url.host !== `127.0.0.1:${port}`) foreign.push(request.url());
    });
    for (const path of samplePages()) await page.goto(path);
    await gotoScenario(page, 'scenarios/mower-at-115/');
    await page.getByRole('link', { name: /^Kneel beside Walt/ }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(foreign).toEqual([]);
  });

  test('every page carries a Content-Security-Policy that allows only the site itself, and no inline script', async ({
    page,
  }) => {
    for (const path of samplePages()) {
      await page.goto(path);
      const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      const inline = await page.locator('script:not([src]):not([type="application/json"])').count();
      expect(inline, `/${path} has an inline script`).toBe(0);
    }
  });

  test('the same build plays from a sub-folder of a plain web server', async ({ page }) => {
    const failures: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(SUBFOLDER);
    await page.getByRole('link', { name: 'Browse the scenarios' }).click();
    await expect(page).toHaveURL(`${SUBFOLDER}scenarios/`);
    await page.getByRole('link', { name: 'The Mower at 115', exact: true }).click();
    await expect(page.locator('[data-player].enhanced')).toBeAttached();
    await choose(page, /^Kneel beside Walt/);
    await choose(page, /^Tell Walt that the crew/);
    await decide(page, 'yyyyyyy', 'Decline');
    await expect(page.getByText(/^Your score: \d+%/)).toBeVisible();
    await page.getByRole('link', { name: 'The procedure' }).click();
    await expect(page).toHaveURL(`${SUBFOLDER}sop/`);
    expect(failures).toEqual([]);
  });

  for (const [where, base] of [
    ['at the domain root', `http://127.0.0.1:${port}/`],
    ['in a sub-folder', SUBFOLDER],
  ])
    test(`a missing page ${where} shows the site's own "Page not found" with working links`, async ({ page }) => {
      const response = await page.goto(`${base}scenarios/no-such-scenario/`);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
      // The site's stylesheet applies (the header in the brand colour, not a browser's or Astro's default page).
      await expect(page.locator('.site-header')).toHaveCSS('background-color', 'rgb(122, 31, 18)');
      await expect(page.locator('html')).toHaveCSS('background-color', 'rgb(255, 255, 255)');
      // The page's script finds the site's root and points the links there (a host shows this page at
      // any address, so the links cannot be relative); on a busy machine that takes a moment.
      const scenarios = page.getByRole('link', { name: 'Scenarios' });
      await expect(scenarios).toHaveAttribute('href', new URL('scenarios/', base).pathname);
      await scenarios.click();
      await expect(page.getByRole('heading', { level: 1, name: 'Scenarios' })).toBeVisible();
      expect(page.url()).toBe(`${base}scenarios/`);
    });
});
