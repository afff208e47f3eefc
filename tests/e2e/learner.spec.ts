import { readFileSync } from 'node:fs';
import { choose, decide, expectNoAxeViolations, gotoProgress, gotoScenario } from './helpers.ts';
import { expect, test, type Page } from '@playwright/test';

const SCENARIO = 'scenarios/mower-at-115/';

/** First half of a mixed path (some right, some wrong), then the second half. */
async function firstHalf(page: Page) {
  await choose(page, /^Start the assessment right away/);
  await choose(page, /^Tell Walt not to worry/);
  await decide(page, 'yyyynyy', 'Ask your officer');
}
async function secondHalf(page: Page) {
  await choose(page, /^Thank the captain/);
  await choose(page, /^Ask Ruiz to hold on/);
  await decide(page, 'ynynnny', 'Decline');
  await choose(page, /^Tell Denise the crew can.t/);
}
async function finalScore(page: Page) {
  const text = await page.getByText(/^Your score: \d+%/).textContent();
  return text?.match(/\d+%/)?.[0];
}

test.describe('self-paced learner', () => {
  test('leaving halfway and coming back gives the same score as playing straight through', async ({
    page,
    browser,
  }) => {
    await gotoScenario(page, SCENARIO);
    await firstHalf(page);
    await page.reload();
    await expect(page.getByText('Welcome back')).toBeVisible();
    await secondHalf(page);
    const resumed = await finalScore(page);

    const fresh = await (await browser.newContext()).newPage();
    await gotoScenario(fresh, SCENARIO);
    await firstHalf(fresh);
    await secondHalf(fresh);
    expect(resumed).toBe(await finalScore(fresh));
    expect(resumed).toMatch(/^\d+%$/);
  });

  test('when storage throws, the course still plays and says progress is not being kept', async ({ page }) => {
    await page.addInitScript(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await gotoScenario(page, SCENARIO);
    await choose(page, /^Kneel beside Walt/);
    await expect(
      page.getByRole('status').filter({ hasText: 'This browser is not keeping your progress' }),
    ).toBeVisible();
    await choose(page, /^Tell Walt that the crew/);
    await decide(page, 'yyyyyyy', 'Decline');
    await expect(page.getByText(/^Your score: \d+%/)).toBeVisible();
    await page.getByRole('link', { name: 'My progress' }).first().click();
    await expect(page.getByText('This browser is not keeping your results')).toBeVisible();
  });

  test('damaged saved data is set aside, the learner is told, and it can be downloaded', async ({ page }) => {
    await page.goto('');
    await page.evaluate(() =>
      localStorage.setItem('mp201:attempt:mower-at-115', '{"format":"mp201-attempt","version":2,'),
    );
    await gotoScenario(page, SCENARIO);
    await expect(
      page.getByText('Your saved progress could not be read, so the scenario starts from the beginning'),
    ).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Man down in a front yard' })).toBeVisible();
    await gotoProgress(page);
    await expect(page.getByRole('heading', { name: 'Set-aside data' })).toBeVisible();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download set-aside data' }).click();
    const saved = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
    expect(saved[0]).toMatchObject({
      key: 'mp201:attempt:mower-at-115',
      value: '{"format":"mp201-attempt","version":2,',
    });
  });

  test('two tabs on the same scenario do not overwrite each other’s newer progress', async ({ context }) => {
    const a = await context.newPage();
    const b = await context.newPage();
    await gotoScenario(a, SCENARIO);
    await gotoScenario(b, SCENARIO);
    await choose(a, /^Kneel beside Walt/);
    // B is behind: its next answer must not overwrite A's progress, and it says why.
    await b.getByRole('link', { name: /^Ask Denise to step back/ }).click();
    await expect(b.getByText('This scenario moved on in another tab')).toBeVisible();
    await b.reload();
    await expect(b.getByRole('heading', { level: 2, name: 'He is coming around' })).toBeVisible();
    await expect(b.locator('#arrival .chosen')).toHaveCount(0);
  });

  test('the debrief shows the path on the map and every step with the answers given', async ({ page }) => {
    await gotoScenario(page, SCENARIO);
    await firstHalf(page);
    await secondHalf(page);
    const debrief = page.getByRole('region', { name: 'Debrief' });
    await expect(debrief).toContainText(
      'Your path: Man down in a front yard → He is coming around → The open house → At the tailboard',
    );
    await expect(debrief).toContainText(
      'The best path: Man down in a front yard → He is coming around → The open house → Ten more minutes',
    );
    await expect(debrief.locator('.node.on-path')).toHaveCount(8);
    await page.getByRole('button', { name: 'Show every step with your answers' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'The open house' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Hide the steps', expanded: true })).toBeVisible();
    // Six answers match the key, and asking where the call was yours earns 1 of 3 for the call.
    await expect(page.getByRole('table', { name: /Your answers against the key: 7 of 10 points/ })).toBeVisible();
    await expect(page.locator('#arrival .chosen')).toContainText('Start the assessment right away');
    await expectNoAxeViolations(page, 'this page');
  });

  test('results go out as JSON and CSV and come back in on a cleared browser', async ({ page }) => {
    await gotoScenario(page, SCENARIO);
    await firstHalf(page);
    await secondHalf(page);
    const score = await finalScore(page);
    await gotoProgress(page);
    await page.getByLabel('Name', { exact: true }).fill('Ana "Chief" Ruiz, =1+1');
    await page.getByLabel('Name', { exact: true }).blur();
    const row = page.getByRole('row', { name: /The Mower at 115/ });
    await expect(row).toContainText('not passed');
    await expect(row).toContainText(score!);

    const json = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download results (JSON)' }).click();
    const jsonFile = await (await json).path();
    const csv = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download results (CSV, for spreadsheets)' }).click();
    const csvText = readFileSync(await (await csv).path(), 'utf8');
    expect(csvText.split('\r\n')[1]).toMatch(/^"'=1\+1|^"Ana ""Chief"" Ruiz, =1\+1",/);

    page.once('dialog', (dialog) => dialog.accept());
    await page.getByRole('button', { name: 'Delete my results from this browser' }).click();
    await expect(row).toContainText('not started');

    await page.getByLabel('Restore results from a JSON file').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format":"mp201-results"'),
    });
    await expect(
      page.getByText(
        'broken.json was not imported: it is cut off or damaged (not complete JSON). Nothing was changed. Choose a file made by “Download results (JSON)”.',
      ),
    ).toBeVisible();
    // A file far too large for a results file is refused by its size, with the gradebook's words, unread.
    await page.getByLabel('Restore results from a JSON file').setInputFiles({
      name: 'huge.json',
      mimeType: 'application/json',
      buffer: Buffer.alloc(5 * 1024 * 1024, 32),
    });
    await expect(
      page.getByText(
        'huge.json was not imported: it is 5.0 MB; a results file is far smaller, so it was not read. Nothing was changed. Choose a file made by “Download results (JSON)”.',
      ),
    ).toBeVisible();
    await page.getByLabel('Restore results from a JSON file').setInputFiles(jsonFile);
    await expect(page.getByText(/: 1 attempt added\./)).toBeVisible();
    await expect(row).toContainText(score!);
    await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Ana "Chief" Ruiz, =1+1');
    await expectNoAxeViolations(page, 'this page');
  });

  test('the certificate is offered once the required scenarios are passed, and prints on one page', async ({
    page,
  }) => {
    await page.goto('certificate/');
    await expect(page.getByText('The certificate is offered once you have passed these scenarios')).toBeVisible();
    const required = (JSON.parse(readFileSync('content/completion.json', 'utf8')) as { required: string[] }).required;
    await page.evaluate((ids) => {
      localStorage.setItem('mp201:trainee', JSON.stringify({ name: 'Ana Ruiz', memberId: 'E-1042' }));
      ids.forEach((id, i) =>
        localStorage.setItem(
          `mp201:result:${id}`,
          JSON.stringify({
            id: `${id}-1`,
            scenario: id,
            title: id,
            contentHash: 'h',
            startedAt: '2026-11-20T10:00:00.000Z',
            finishedAt: `2026-11-2${i}T10:10:00.000Z`,
            seconds: 600,
            minutes: 10,
            path: [],
            answers: [],
            ending: 'x',
            outcome: 'exemplary',
            percent: 90 + i,
            earned: 9,
            possible: 10,
            passingScore: 80,
            passed: true,
            byDimension: [],
          }),
        ),
      );
    }, required);
    await gotoProgress(page);
    await page.getByRole('link', { name: 'Open your certificate' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Ana Ruiz' })).toBeVisible();
    await expect(page.getByText('Member number E-1042')).toBeVisible();
    await expect(page.getByRole('row')).toHaveCount(required.length + 1);
    await expect(page.getByText(/Continuing-education time: \d+ minutes \(\d/)).toBeVisible();
    // These stored results have no path to re-score: the certificate says so instead of vouching for them.
    await expect(page.getByRole('row', { name: /^Kitchen Fire at 2 A\.M\./ })).toContainText(
      'Not verified: another version of the scenario',
    );
    await expect(page.getByText(/not who played it/)).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'Letter' });
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
    await expectNoAxeViolations(page, 'this page');
  });
});
