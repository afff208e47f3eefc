import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { choose, decide, finishMowerBestPath, gotoProgress, gotoScenario, playMowerBestPath } from './helpers.ts';

const SCENARIO = 'scenarios/mower-at-115/';

/** Store an attempt in progress for the Mower at 115 (as the storage layer writes it). */
async function storeAttempt(page: Page, over: { hash?: string; snapshot?: unknown; rev?: number }) {
  await page.evaluate((o) => {
    const props = JSON.parse(document.querySelector('script[data-scenario]')!.textContent!);
    const data = {
      scenario: 'mower-at-115',
      hash: o.hash ?? props.hash,
      attemptId: 'old-attempt',
      startedAt: '2026-11-01T10:00:00.000Z',
      savedAt: '2026-11-01T10:05:00.000Z',
      seconds: 300,
      snapshot: o.snapshot ?? {
        status: 'active',
        value: 'cooling',
        context: { path: ['arrival', 'cooling'], answers: [], reviewing: false },
      },
    };
    localStorage.setItem(
      'mp201:attempt:mower-at-115',
      JSON.stringify({ record: 'attempt', version: 3, rev: o.rev ?? 5, data }),
    );
  }, over);
}

test('after a content update, the attempt in progress starts again, saves, and its result reaches My progress', async ({
  page,
}) => {
  await gotoScenario(page, SCENARIO);
  await storeAttempt(page, { hash: 'content-before-the-update' });
  await gotoScenario(page, SCENARIO);
  await expect(page.getByText('This scenario was updated since you started it')).toBeVisible();
  await choose(page, /^Kneel beside Walt/);
  await expect(page.getByText('moved on in another tab')).toHaveCount(0);
  await page.reload();
  await expect(page.getByText('Welcome back: you are where you left off.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'He is coming around' })).toBeVisible();
  await finishMowerBestPath(page);
  await gotoProgress(page);
  const row = page.getByRole('row', { name: /The Mower at 115/ });
  await expect(row).toContainText('passed');
  await expect(row).toContainText('100%');
});

test('a double-click on Continue moves one step, and “Start over” sits apart and can be undone', async ({ page }) => {
  await gotoScenario(page, SCENARIO);
  await page.getByRole('link', { name: /^Kneel beside Walt/ }).click();
  await page.getByRole('button', { name: 'Continue' }).dblclick();
  await expect(page.getByRole('heading', { level: 2, name: 'He is coming around' })).toBeVisible();
  await expect(page.locator('#cooling .chosen')).toHaveCount(0); // the second click answered nothing
  await page.getByRole('link', { name: /^Tell Walt that the crew will look after the house/ }).dblclick();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'The open house' })).toBeVisible();

  await page.getByRole('button', { name: 'Start over' }).click();
  await expect(page.getByText('You started over from the beginning.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Man down in a front yard' })).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'The open house' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'The open house' })).toBeVisible();
});

test('when the browser keeps nothing, the player offers the learner’s results for download at once', async ({
  page,
}) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await gotoScenario(page, SCENARIO);
  await playMowerBestPath(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download my results' }).click();
  const file = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
  expect(file).toMatchObject({ format: 'mp201-results', attempts: [{ scenario: 'mower-at-115', percent: 100 }] });
});

test('saved progress that does not fit the scenario is set aside in one sentence, and the scenario plays', async ({
  page,
}) => {
  await gotoScenario(page, SCENARIO);
  await storeAttempt(page, {
    snapshot: { status: 'active', value: 'no-such-step', context: { path: [], answers: [], reviewing: false } },
  });
  await gotoScenario(page, SCENARIO);
  await expect(
    page.getByText('Your saved progress could not be read, so the scenario starts from the beginning'),
  ).toBeVisible();
  await expect(page.getByRole('heading', { level: 2 })).toHaveCount(1);
  await choose(page, /^Kneel beside Walt/);
  await expect(page.getByRole('heading', { level: 2, name: 'He is coming around' })).toBeVisible();
  await gotoProgress(page);
  await expect(page.getByRole('heading', { name: 'Set-aside data' })).toBeVisible();
});

test('“Delete my results” keeps the station’s drill records, says what it deleted, and can be undone', async ({
  page,
}) => {
  await gotoScenario(page, SCENARIO);
  await playMowerBestPath(page);
  await page.evaluate(() => localStorage.setItem('mp201:drill:d1', JSON.stringify({ id: 'd1' })));
  await gotoProgress(page);
  await page.getByRole('button', { name: 'Delete my results from this browser' }).click();
  await expect(
    page.getByText(
      /^Deleted from this browser: 1 result, 1 scenario in progress, .* Drill records of this station were kept\./,
    ),
  ).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('mp201:drill:d1'))).not.toBeNull();
  const row = page.getByRole('row', { name: /The Mower at 115/ });
  await expect(row).toContainText('not started');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(row).toContainText('100%');
});

test('“Welcome back” shows after a reload and goes away when the learner acts', async ({ page }) => {
  await gotoScenario(page, SCENARIO);
  await choose(page, /^Kneel beside Walt/);
  await page.reload();
  const notice = page.getByText('Welcome back: you are where you left off.');
  await expect(notice).toBeVisible();
  await choose(page, /^Tell Walt that the crew will look after the house/);
  await expect(notice).toBeHidden();
  await decide(page, 'yyyyyyy', 'Act');
  await expect(notice).toBeHidden();
});

test('a half-answered decision keeps its answers and its call through a reload', async ({ page }) => {
  await gotoScenario(page, SCENARIO);
  await choose(page, /^Kneel beside Walt/);
  await choose(page, /^Tell Walt that the crew will look after the house/);
  const group = (letter: string) => page.getByRole('group', { name: new RegExp(`^${letter}\\. `) });
  await group('a').getByText('Yes', { exact: true }).click();
  await group('b').getByText('No', { exact: true }).click();
  await page.getByRole('group', { name: 'Your call' }).getByText('Decline', { exact: true }).click();
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'The open house' })).toBeVisible();
  await expect(group('a').getByRole('radio', { name: 'Yes' })).toBeChecked();
  await expect(group('b').getByRole('radio', { name: 'No' })).toBeChecked();
  await expect(group('c').getByRole('radio', { name: 'Yes' })).not.toBeChecked();
  await expect(group('c').getByRole('radio', { name: 'No' })).not.toBeChecked();
  await expect(page.getByRole('group', { name: 'Your call' }).getByRole('radio', { name: /^Decline/ })).toBeChecked();
  // The rest answered after the reload completes the decision.
  await group('b').getByText('Yes', { exact: true }).click();
  for (const letter of 'cdefg') await group(letter).getByText('Yes', { exact: true }).click();
  await page.getByRole('group', { name: 'Your call' }).getByText('Act', { exact: true }).click();
  await page.getByRole('button', { name: 'Submit my answers' }).click();
  await expect(page.getByRole('row', { name: /Your call/ })).toContainText('Act');
});

test('a reload at each point of a play reopens the same screen, and a finished play reopens on its result', async ({
  page,
}) => {
  const heading = (name: string) => page.getByRole('heading', { level: 2, name });
  const reloadShows = async (shown: () => Promise<void>) => {
    await page.reload();
    await expect(page.locator('[data-player].enhanced')).toBeAttached();
    await shown();
  };
  await gotoScenario(page, SCENARIO);
  await page.getByRole('link', { name: /^Kneel beside Walt/ }).click();
  await reloadShows(() => expect(page.getByRole('button', { name: 'Continue' })).toBeVisible());
  await page.getByRole('button', { name: 'Continue' }).click();
  await reloadShows(() => expect(heading('He is coming around')).toBeVisible());
  await choose(page, /^Tell Walt that the crew will look after the house/);
  await reloadShows(() => expect(page.getByRole('button', { name: 'Submit my answers' })).toBeVisible());
  await decide(page, 'yyyyyyy', 'Act', false);
  await reloadShows(() => expect(page.getByRole('row', { name: /Your call/ })).toContainText('Act'));
  await page.getByRole('button', { name: 'Continue' }).click();
  await choose(page, /^Ask Ruiz to hold on/);
  await decide(page, 'ynynnny', 'Decline');
  await page.getByRole('link', { name: /^Thank Denise for looking after Walt/ }).click();
  // The last feedback, before the ending: still the feedback after a reload.
  await reloadShows(() => expect(page.getByRole('button', { name: 'Continue' })).toBeVisible());
  await expect(page.getByText('Your score: 100%')).toBeHidden();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText('Your score: 100%')).toBeVisible();
  // Finished: the result and "Play again", not the step before the ending.
  await reloadShows(() => expect(page.getByText('Your score: 100%')).toBeVisible());
  await expect(page.getByRole('button', { name: 'Continue' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Play again' })).toBeVisible();
  await page.getByRole('button', { name: 'Play again' }).click();
  await expect(heading('Man down in a front yard')).toBeVisible();
  // The result was kept once.
  await gotoProgress(page);
  await expect(page.getByRole('row', { name: /The Mower at 115/ })).toContainText('100%');
});
