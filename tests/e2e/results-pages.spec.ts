import { readFileSync, readdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, gotoProgress } from './helpers.ts';
import { pdfText } from './pdf-text.ts';
import { makeAttempt } from '../unit/attempt-fixture.ts';

/**
 * My progress and the certificate as a learner sees them on a phone (320, 375 and 414 px wide) and
 * on paper, in each state: a new learner, some results, everything passed; the certificate not yet
 * earned and earned. Results arrive the way a learner brings them: a results file restored on My progress.
 */
const PHONES = [320, 375, 414];
const SCENARIOS = readdirSync('scenarios')
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => f.replace(/\.mdx$/, ''));
const REQUIRED = (JSON.parse(readFileSync('content/completion.json', 'utf8')) as { required: string[] }).required;

/** A results file with one passed attempt per scenario id (these cannot be re-scored: the certificate says so). */
function resultsFile(ids: readonly string[], percent = 92) {
  return {
    format: 'mp201-results',
    version: 1,
    exportedAt: '2026-11-30T12:00:00.000Z',
    scoringVersion: 2,
    trainee: { name: 'Ana Ruiz', memberId: 'E-1042' },
    attempts: ids.map((id, i) =>
      makeAttempt({
        id: `${id}-1`,
        scenario: id,
        title: id,
        contentHash: 'h',
        finishedAt: `2026-11-2${i % 10}T10:10:00.000Z`,
        seconds: 610,
        percent,
        byDimension: [
          { dimension: 'q.customer', earned: 1, possible: 1 },
          { dimension: 'duty.added-value', earned: 1, possible: 2 },
        ],
        scoringVersion: 2,
      }),
    ),
  };
}

/** Restore a results file through My progress, as a learner moving to this device would. */
async function restore(page: Page, ids: readonly string[]): Promise<void> {
  await gotoProgress(page);
  await page.getByLabel('Restore results from a JSON file').setInputFiles({
    name: 'results.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(resultsFile(ids))),
  });
  await expect(page.getByText(`results.json: ${ids.length} attempt`)).toBeVisible();
}

/**
 * What a reader would notice at this width: the page scrolls sideways, an element is wider than the
 * screen or sticks out of it, or a header, number or date is broken inside a word (it takes more
 * lines than it has words).
 */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const problems: string[] = [];
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''} “${(el.textContent ?? '').trim().slice(0, 40)}”`;
    if (document.documentElement.scrollWidth > width)
      problems.push(`the page scrolls sideways (${document.documentElement.scrollWidth} px at ${width} px)`);
    // Visually hidden text (clipped away, read only by screen readers) is not something a reader sees.
    const clipped = (el: Element | null): boolean =>
      !!el && (getComputedStyle(el).clipPath !== 'none' || clipped(el.parentElement));
    for (const el of document.body.querySelectorAll('*')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || getComputedStyle(el).visibility === 'hidden' || clipped(el)) continue;
      if (el.scrollWidth > width || box.right > width + 1) problems.push(`${name(el)} is wider than the screen`);
    }
    // Headers, table cells, figures and list items: no more lines than words.
    for (const el of document.querySelectorAll('h1, h2, th, td, .figure, li')) {
      const text = (el.textContent ?? '').trim();
      if (!text || el.getBoundingClientRect().height === 0 || clipped(el)) continue;
      const range = document.createRange();
      range.selectNodeContents(el);
      const tops: number[] = [];
      for (const rect of range.getClientRects()) {
        if (rect.width < 1) continue;
        if (!tops.some((top) => Math.abs(top - rect.top) < rect.height / 2)) tops.push(rect.top);
      }
      const words = text.split(/\s+/).length;
      if (tops.length > words) problems.push(`${name(el)} takes ${tops.length} lines for ${words} words`);
    }
    return problems;
  });
}

for (const width of PHONES) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });

    test('My progress fits the screen, new and with results, and no header or number breaks', async ({ page }) => {
      await gotoProgress(page);
      await expect(page.getByText('You have not finished a scenario yet.')).toBeVisible();
      await expect(page.getByText(/Try next:.*a good place to start\./)).toBeVisible();
      expect(await layoutProblems(page)).toEqual([]);

      await restore(page, REQUIRED.slice(0, 2));
      await expect(
        page.getByText(/^You have passed 2 of \d+ scenarios, in 2 attempts and 20 min of play\.$/),
      ).toBeVisible();
      await expect(page.getByText('50% (gap)').first()).toBeVisible();
      expect(await layoutProblems(page)).toEqual([]);
    });

    test('the certificate fits the screen, not yet earned and earned', async ({ page }) => {
      await page.goto('certificate/');
      await expect(page.getByText('The certificate is offered once you have passed these scenarios')).toBeVisible();
      expect(await layoutProblems(page)).toEqual([]);

      await restore(page, REQUIRED);
      await page.goto('certificate/');
      await expect(page.getByRole('heading', { level: 1, name: 'Ana Ruiz' })).toBeVisible();
      expect(await layoutProblems(page)).toEqual([]);
    });
  });
}

test('with everything passed, My progress suggests nothing and offers the certificate', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await restore(page, SCENARIOS);
  await expect(page.getByText(`You have passed ${SCENARIOS.length} of ${SCENARIOS.length} scenarios`)).toBeVisible();
  await expect(page.getByText('Try next:')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Open your certificate' })).toBeVisible();
  expect(await layoutProblems(page)).toEqual([]);
  await expectNoAxeViolations(page, 'My progress with every scenario passed');
});

test('links drawn in the browser follow the site when it is hosted in a sub-folder', async ({ page }) => {
  const subfolder = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 4391) + 1}/fire/training/customer-service/`;
  await page.goto(`${subfolder}progress/`);
  await expect(page.locator('[data-progress][data-ready]')).toBeAttached();
  const tryNext = page.locator('.try-next').getByRole('link');
  await expect(tryNext).toHaveAttribute('href', new RegExp(`^${subfolder}scenarios/[a-z0-9-]+/$`));
});

test('My progress prints its figures without buttons or form fields', async ({ page }) => {
  await restore(page, REQUIRED.slice(0, 2));
  await page.emulateMedia({ media: 'print' });
  const { text } = await pdfText(await page.pdf({ format: 'Letter' }));
  expect(text).toContain('My progress');
  expect(text).toContain('You have passed 2 of');
  expect(text).toContain('Strengths and gaps');
  for (const control of ['Download results', 'Delete my results', 'Restore results', 'Your details'])
    expect(text).not.toContain(control);
});

test('the certificate prints on one page, with the stated minutes said as such and no buttons', async ({ page }) => {
  await restore(page, REQUIRED);
  await page.goto('certificate/');
  await expect(page.getByRole('heading', { level: 1, name: 'Ana Ruiz' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  const pdf = await pdfText(await page.pdf({ format: 'Letter' }));
  const text = pdf.text.replace(/\s+/g, ' ');
  expect(pdf.pages).toBe(1);
  expect(text).toContain('Ana Ruiz');
  expect(text).toMatch(/Continuing-education time: \d+ minutes \([\d.]+ hours?\), the stated length of the scenarios/);
  expect(text).not.toContain('Print or save as PDF');
  expect(text).not.toContain('Back to My progress');
});

for (const [name, path, data] of [
  ['My progress', 'progress/', 'script[data-props]'],
  ['the certificate', 'certificate/', 'script[data-props]'],
  ['the gradebook', 'gradebook/', 'script[data-gradebook-data]'],
  ['a drill', 'drill/mower-at-115/', 'script[data-drill-data]'],
] as const)
  test(`${name}, with its page data damaged, says so in one sentence instead of failing silently`, async ({ page }) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    // The page's embedded data cut short, as a half-copied file on an intranet share would be.
    await page.route(`**/${path}`, async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(
        new RegExp(`(<script type="application/json" ${data.slice(7, -1)}>)[^<]*`),
        '$1{"cut off',
      );
      await route.fulfill({ response, body: html });
    });
    await page.goto(path);
    // (A drill's decision forms have their own, empty, alert lines.)
    await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveText(
      'This page is damaged and cannot start: reload it, and if it stays like this, ask whoever runs the site to rebuild it.',
    );
    expect(errors.join('\n')).toContain('The page could not start: the page data is missing or is not JSON.');
  });
