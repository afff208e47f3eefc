import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { choose, expectNoAxeViolations, finishMowerBestPath, gotoScenario } from './helpers.ts';

const required = (JSON.parse(readFileSync('content/completion.json', 'utf8')) as { required: string[] }).required;

test.describe('the scenario catalogue', () => {
  test('each card shows the learner’s status, best score and whether the certificate needs it', async ({ page }) => {
    // Plays a scenario and runs axe over 33 cards: on a busy two-core machine that can pass two minutes.
    test.slow();
    await page.goto('scenarios/');
    const card = (title: string) =>
      page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title, exact: true }) });
    const mower = card('The Mower at 115');
    await expect(mower).toContainText('Not started');
    await expect(page.getByText('Needed for the certificate')).toHaveCount(required.length);
    await expect(card('Kitchen Fire at 2 A.M.')).toContainText('Needed for the certificate');
    await expect(mower).not.toContainText('Needed for the certificate');

    // Half a scenario: in progress.
    await gotoScenario(page, 'scenarios/mower-at-115/');
    await choose(page, /^Kneel beside Walt/);
    await page.goto('scenarios/');
    await expect(mower).toContainText('In progress');

    // Played to a pass.
    await gotoScenario(page, 'scenarios/mower-at-115/');
    await finishMowerBestPath(page);
    await page.goto('scenarios/');
    await expect(mower).toContainText('Passed · best score 100%');
    await expectNoAxeViolations(page, 'the catalogue with a passed scenario');

    // The status filter.
    await page.getByRole('combobox', { name: /^Your status/ }).selectOption({ label: 'Passed' });
    await expect(page.getByText(/^1 of \d+ scenarios shown$/)).toBeVisible();
    await expect(mower).toBeVisible();
    await expect(page).toHaveURL(/\?status=passed$/);
  });

  test('every filter option comes from the scenarios: each shows some, and clauses read as the procedure numbers them', async ({
    page,
  }) => {
    await page.goto('scenarios/');
    for (const name of ['Audience', 'Customer', 'Part of the procedure', 'Length']) {
      const select = page.getByRole('combobox', { name: new RegExp(`^${name}`) });
      const options = (await select.locator('option').allTextContents()).slice(1);
      expect(options.length, name).toBeGreaterThan(0);
      for (const option of options) {
        expect(option, `${name}: a raw clause id`).not.toMatch(/\b(q|duty|officer|image|customer)\.[a-z]/);
        await select.selectOption({ label: option });
        await expect(page.getByText(/^\d+ of \d+ scenarios shown$/)).not.toHaveText(/^0 of/);
      }
      await select.selectOption({ index: 0 });
    }
    await page
      .getByRole('combobox', { name: /^Part of the procedure/ })
      .selectOption({ label: '4 a. Right for the customer?' });
    await expect(page.getByText(/^\d+ of \d+ scenarios shown$/)).toBeVisible();
  });
});
