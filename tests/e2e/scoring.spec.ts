import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { choose, decide, expectNoAxeViolations, gotoProgress, gotoScenario } from './helpers.ts';
import { makeResultsFile } from '../unit/attempt-fixture.ts';
import {
  buildAttemptRecord,
  expectedCall,
  scoreAttempt,
  type Answer,
  type AttemptRecord,
  type Call,
  type ResultsFile,
  type Scenario,
  type ScoringVersion,
} from '../../src/engine/index.ts';

/** The mower scenario as the built page carries it (graph and content hash), so files match this build. */
const built = JSON.parse(
  /<script type="application\/json" data-scenario>(.*?)<\/script>/s.exec(
    readFileSync('dist/scenarios/mower-at-115/index.html', 'utf8'),
  )![1]!,
) as { scenario: Scenario; hash: string };
const { scenario, hash } = built;

/**
 * An attempt at the mower scenario as a real player would make it: the first best choice in each
 * scene, the key's answers at each decision and `call` at the first decision (the key's call after),
 * scored by the engine under `version`.
 */
function playMower(
  id: string,
  call: Call,
  version: ScoringVersion,
  over: Partial<AttemptRecord> = {},
  /** Answer every question against the key (a weak attempt that does not pass). */
  againstKey = false,
): AttemptRecord {
  const byId = new Map(scenario.steps.map((s) => [s.id, s]));
  const path = [scenario.frontmatter.start];
  const answers: Answer[] = [];
  for (let step = byId.get(path[0]!)!; step.kind !== 'ending'; step = byId.get(path.at(-1)!)!) {
    if (step.kind === 'scene') {
      const choice = Math.max(
        0,
        step.choices.findIndex((c) => c.grade === 'best'),
      );
      answers.push({ kind: 'choice', step: step.id, choice });
      path.push(step.choices[choice]!.to);
    } else {
      const made = answers.some((a) => a.kind === 'decision') ? expectedCall(step.key) : call;
      const given = againstKey
        ? (Object.fromEntries(
            Object.entries(step.key).map(([q, v]) => [q, v === 'yes' ? 'no' : 'yes']),
          ) as typeof step.key)
        : step.key;
      answers.push({ kind: 'decision', step: step.id, answers: given, call: made });
      path.push(step.branches[made]);
    }
  }
  const played = {
    id,
    path,
    answers,
    startedAt: '2026-11-20T10:00:00.000Z',
    finishedAt: '2026-11-20T10:12:00.000Z',
    seconds: 700,
    contentHash: hash,
    sessionCode: 'ACAD-26-3',
  };
  // The record as the player builds it; an attempt scored under the first rules carries no scoringVersion.
  const { scoringVersion: _current, ...record } = buildAttemptRecord(
    scenario,
    played,
    scoreAttempt(scenario, answers, version),
  );
  return { ...record, ...(version === 2 ? { scoringVersion: 2 } : {}), ...over };
}

const asUpload = (name: string, file: ResultsFile) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(JSON.stringify(file)),
});

async function openGradebook(page: Page) {
  await page.goto('gradebook/');
  await expect(page.getByRole('heading', { name: 'Add results files' })).toBeVisible();
}

test('an old results file (before partial credit) keeps its original score and says which scoring gave it', async ({
  page,
}) => {
  // Asking at the open house earned nothing for the call under version 1; version 2 would give 1 of 3.
  const old = playMower('old-1', 'ask', 1);
  const now = scoreAttempt(scenario, old.answers, 2);
  expect(now.percent).toBeGreaterThan(old.percent);

  await gotoProgress(page);
  await page
    .getByLabel('Restore results from a JSON file')
    .setInputFiles(asUpload('old.json', makeResultsFile('Ana Ruiz', [old])));
  await expect(page.getByText(/: 1 attempt added\./)).toBeVisible();
  const row = page.getByRole('row', { name: /The Mower at 115/ });
  await expect(row).toContainText(`${old.percent}% (scoring v1: all or nothing for the call)`);

  await openGradebook(page);
  await page.getByLabel('Session code').fill('ACAD-26-3');
  await page.getByLabel('Session code').blur();
  await page
    .getByLabel('Drop results files here, or choose them')
    .setInputFiles(asUpload('ana.json', makeResultsFile('Ana Ruiz', [old])));
  await expect(page.getByText('1 of 1 file imported.')).toBeVisible();
  const roster = page.getByRole('table', { name: 'Roster' });
  await expect(roster.getByRole('row', { name: /Ana Ruiz/ })).toContainText(
    `${old.percent}% (scoring v1: all or nothing for the call)`,
  );
  // Re-scored under its own version, it matches: verified, not flagged.
  await expect(roster.getByRole('row', { name: /Ana Ruiz/ })).toContainText('1 of 1 attempt verified');
  await expect(page.getByText(/attempts verified;/)).toHaveText(
    '1 of 1 attempts verified; 0 learners with something to look at.',
  );
});

test('the gradebook flags what does not add up, and says plainly what it verified', async ({ page }) => {
  test.setTimeout(90_000); // axe on a full gradebook takes a while on a busy machine
  const honest = playMower('b-1', 'act', 2);
  const fake = playMower('c-1', 'decline', 2, {}, true);
  expect(fake.passed).toBe(false);
  fake.passed = true; // what a hand-edited file can claim
  await openGradebook(page);
  await page.getByLabel('Session code').fill('ACAD-26-3');
  await page.getByLabel('Session code').blur();
  await page
    .getByLabel('Drop results files here, or choose them')
    .setInputFiles([
      asUpload('ben.json', makeResultsFile('Ben Cole', [honest], 'E-7')),
      asUpload('cy.json', makeResultsFile('Cy Park', [fake], 'E-7')),
    ]);
  await expect(page.getByText('2 of 2 files imported.')).toBeVisible();
  const roster = page.getByRole('table', { name: 'Roster' });
  // Two people who typed the same member number stay two learners.
  await expect(roster.getByRole('rowheader')).toHaveText(['Ben Cole E-7', 'Cy Park E-7']);
  // "Passed" below the pass mark is not counted as passed, and is flagged.
  await expect(roster.getByRole('row', { name: /^Cy Park/ })).toContainText('0 of 33');
  await expect(roster.getByRole('row', { name: /^Cy Park/ })).toContainText(`${fake.percent}% ⚑ flagged`);
  const checks = page.getByRole('list', { name: 'What to look at' });
  await expect(page.getByText('A file the learner controls can never prove that', { exact: false })).toBeVisible();
  await expect(checks).toContainText('member number E-7 is also used by Ben Cole');
  await expect(checks).toContainText(
    /The Mower at 115, finished 2026-11-20: it says passed, but \d+% is below the pass mark of 80%/,
  );
  await expectNoAxeViolations(page, 'gradebook with flags');
});

test('two gradebook tabs keep each other’s imports', async ({ context }) => {
  const first = await context.newPage();
  const second = await context.newPage();
  await openGradebook(first);
  await openGradebook(second); // opened before the first tab imports anything
  await first
    .getByLabel('Drop results files here, or choose them')
    .setInputFiles(asUpload('ana.json', makeResultsFile('Ana Ruiz', [playMower('a-1', 'act', 2)])));
  await expect(first.getByText('1 of 1 file imported.')).toBeVisible();
  await second
    .getByLabel('Drop results files here, or choose them')
    .setInputFiles(asUpload('ben.json', makeResultsFile('Ben Cole', [playMower('b-1', 'act', 2)])));
  await expect(second.getByText('1 of 1 file imported.')).toBeVisible();
  await expect(second.getByText(/^Another tab had changed this gradebook/)).toBeVisible();
  await expect(second.getByRole('table', { name: 'Roster' }).getByRole('rowheader')).toHaveText([
    'Ana Ruiz',
    'Ben Cole',
  ]);
  await first.reload();
  await expect(first.getByRole('table', { name: 'Roster' }).getByRole('rowheader')).toHaveText([
    'Ana Ruiz',
    'Ben Cole',
  ]);
});

test('a damaged saved gradebook still shows the page: a copy to download, and Clear works', async ({ page }) => {
  await openGradebook(page);
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('mp201-gradebook');
        open.onsuccess = () => {
          const tx = open.result.transaction('class', 'readwrite');
          tx.objectStore('class').put({ sessionCode: 'X', learners: 'not a list' }, 'book');
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
  );
  await page.reload();
  await expect(page.getByText(/^The gradebook saved in this browser could not be read/)).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download a copy of the saved gradebook' }).click();
  const copy = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as { learners: unknown };
  expect(copy.learners).toBe('not a list');
  // An import would overwrite it: refused until it is cleared.
  await page
    .getByLabel('Drop results files here, or choose them')
    .setInputFiles(asUpload('ana.json', makeResultsFile('Ana Ruiz', [playMower('a-1', 'act', 2)])));
  await expect(page.getByText(/^Nothing was imported: download a copy/)).toBeVisible();
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: 'Clear the gradebook' }).click();
  await expect(page.getByText('The gradebook is empty.')).toBeVisible();
  await page
    .getByLabel('Drop results files here, or choose them')
    .setInputFiles(asUpload('ana.json', makeResultsFile('Ana Ruiz', [playMower('a-1', 'act', 2)])));
  await expect(page.getByText('1 of 1 file imported.')).toBeVisible();
});

test('a learner reads each grade in words and points, how scoring works, and where each score row was earned', async ({
  page,
}) => {
  test.setTimeout(180_000); // a whole play-through and axe over every step shown, on a busy machine
  await gotoScenario(page, 'scenarios/mower-at-115/');
  // A choice: its feedback opens with the grade in words and the points.
  await page.getByRole('link', { name: /^Kneel beside Walt/ }).click();
  await expect(page.locator('#arrival .chosen').getByText(/Best choice: 2 of 2 points for each part/)).toBeVisible();
  await page.getByRole('button', { name: 'Continue' }).click();
  await choose(page, /^Tell Walt that the crew will look after the house/);

  // The first decision explains the scoring, open.
  const first = page.locator('#secure-house');
  const how = first.locator('details', { hasText: 'How scoring works' });
  await expect(how).toHaveAttribute('open', '');
  await expect(how).toContainText('each of the 7 questions is worth 1 point');
  await expect(how).toContainText('Your call (act, ask your officer, or decline) is worth 3 points.');
  await expect(how).toContainText('asking your officer earns 1 when the best call was to act');
  await expect(how).toContainText('You pass at 80%.');
  // Cautious: "no" on level, and asks, where every answer is yes.
  await decide(page, 'yyyynyy', 'Ask your officer', false);
  const review = first.getByRole('table', { name: /7 of 10 points/ });
  await expect(review.getByRole('row', { name: /^a\. / })).toContainText('✓ Matches the key: 1 of 1 point');
  await expect(review.getByRole('row', { name: /^e\. / })).toContainText('✗ The key says yes: 0 of 1 point');
  await expect(review.getByRole('row', { name: /Your call/ })).toContainText('◐ Acceptable call: 1 of 3 points');
  await page.getByRole('button', { name: 'Continue' }).click();

  await choose(page, /^Thank the captain, help lock up/);
  await choose(page, /^Ask Ruiz to hold on/);
  // A later decision keeps the explanation, closed.
  const later = page.locator('#finish-lawn').locator('details', { hasText: 'How scoring works' });
  await expect(later).toBeVisible();
  await expect(later).not.toHaveAttribute('open');
  await decide(page, 'yyyyyyy', 'Act');
  await expect(page.getByRole('heading', { level: 2, name: 'The next patient' })).toBeVisible();

  // The ending explains the scoring too, and each score row links to the reviews that earned it.
  const card = page.locator('[data-score]');
  await expect(card.locator('details', { hasText: 'How scoring works' })).toBeVisible();
  const level = card.getByRole('row', { name: /^4 e\. Is it on your organizational level\?/ });
  await expect(level).toContainText('0 of 2');
  await expect(level.getByRole('link')).toHaveText(['The open house', 'Finish the lawn?']);
  await level.getByRole('link', { name: 'The open house' }).focus();
  await page.keyboard.press('Enter');
  const target = page.locator('#secure-house-review-level');
  await expect(target).toBeFocused();
  await expect(target).toBeInViewport();
  await expect(page.getByRole('row', { name: /^e\. Is it on your organizational level\? No Yes/ })).toContainText(
    'The key says yes: 0 of 1 point',
  );
  // A responsibility earned on a choice leads to that scene.
  const respect = card.getByRole('row', { name: /^1\. Respect, kindness, patience/ });
  await respect.getByRole('link', { name: 'Man down in a front yard' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Man down in a front yard' })).toBeFocused();
  // Steps not visited are not offered.
  const unvisited = card.locator('a[data-at="better-offer"]');
  expect(await unvisited.count()).toBeGreaterThan(0);
  for (const link of await unvisited.all()) await expect(link).toBeHidden();
  await expectNoAxeViolations(page, 'an ending with every step shown after following a score link');
});
