import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { EXIT_LABEL, PROGRESS_STATE_ID } from '../../src/lib/lms/cmi5-session.ts';
import { LMS_NOTICES } from '../../src/lib/lms/scorm-session.ts';
import { choose, decide } from './lms-helpers.ts';
import { startStubLrs, type StubLrs } from './stub-lrs.ts';

/**
 * The cmi5 package launched as an LMS launches an AU: the built package (`npm run package`) served
 * with a stand-in LMS and LRS on loopback (stub-lrs.ts), which records every statement and every
 * protocol mistake.
 */
const SCENARIO = 'mower-at-115';
type Statement = Record<string, unknown>;
const verbOf = (s: Statement) => String((s.verb as { id: string }).id).replace('http://adlnet.gov/expapi/verbs/', '');
const verbs = (lrs: StubLrs) => lrs.statements.map(verbOf);

let lrs: StubLrs;
test.beforeEach(async () => {
  lrs = await startStubLrs(unzipSync(readFileSync(`dist-packages/${SCENARIO}.cmi5.zip`)));
});
test.afterEach(async () => {
  await lrs.close();
});

async function open(page: Page, launchMode?: 'Normal' | 'Browse') {
  await page.goto(lrs.launch(launchMode));
  await expect(page.locator('[data-player].enhanced')).toBeAttached();
}

/** Play the rest of the scenario from "Ask Ruiz to hold on" to a passing ending. */
async function finish(page: Page) {
  await choose(page, /^Ask Ruiz to hold on/);
  await decide(page, 'ynynyny', 'Decline');
  await choose(page, /^Thank Denise for looking after Walt/);
}

// A reload and a whole scenario on a shared two-core machine.
test.describe.configure({ timeout: 120_000 });

test('play, reload mid-way, finish, return to the LMS: statements in cmi5 order, one completion and one pass, the score the learner saw', async ({
  page,
}) => {
  await open(page);
  await choose(page, /^Kneel beside Walt/);
  await choose(page, /^Tell Walt that the crew will look after the house/);
  await decide(page, 'yyyyyyy', 'Act');
  await expect.poll(() => lrs.state(PROGRESS_STATE_ID)).toContain('0-0-ayyyyyyy');

  await page.reload();
  await expect(page.locator('[data-player].enhanced')).toBeAttached();
  await expect(page.getByText('Welcome back: the LMS kept your place.')).toBeVisible();
  await expect(page.getByRole('link', { name: /^Ask Ruiz to hold on/ })).toBeVisible();
  await finish(page);
  const shown = Number(/Your score: (\d+)%/.exec(await page.getByText(/^Your score: \d+%/).innerText())?.[1]);
  expect(shown).toBeGreaterThanOrEqual(80);
  await page.getByRole('link', { name: EXIT_LABEL }).first().click();
  await expect(page.getByRole('heading', { name: 'Back in the LMS' })).toBeVisible();
  await expect.poll(() => verbs(lrs).at(-1)).toBe('terminated');

  expect(lrs.problems).toEqual([]);
  expect(lrs.fetches).toBe(1);
  const all = verbs(lrs);
  // Two sessions (the reload ended the first), each from initialized to terminated.
  expect(all.filter((v) => v !== 'answered')).toEqual([
    'initialized',
    'terminated',
    'initialized',
    'completed',
    'passed',
    'terminated',
  ]);
  // Four scene choices and two decisions of seven questions and a call, each sent once.
  expect(all.filter((v) => v === 'answered')).toHaveLength(4 + 2 * 8);
  const ids = lrs.statements.map((s) => (s.object as { id: string }).id);
  expect(new Set(ids.filter((id) => id.includes('/interactions/'))).size).toBe(4 + 2 * 8);
  const passed = lrs.statements.find((s) => verbOf(s) === 'passed')!;
  expect(passed.result).toMatchObject({
    score: { raw: shown, min: 0, max: 100, scaled: shown / 100 },
    success: true,
    duration: expect.stringMatching(/^PT\d+H\d+M\d+S$/),
  });
  expect(JSON.parse(lrs.state(PROGRESS_STATE_ID)!)).toMatchObject({ reported: { completed: true, judged: true } });
});

test('a Browse launch sends the answers but no score, completion, pass or fail', async ({ page }) => {
  await open(page, 'Browse');
  await choose(page, /^Kneel beside Walt/);
  await choose(page, /^Tell Walt that the crew will look after the house/);
  await decide(page, 'yyyyyyy', 'Act');
  await finish(page);
  await expect(page.getByText(/^Your score: \d+%/)).toBeVisible();
  await expect.poll(() => verbs(lrs).filter((v) => v === 'answered').length).toBe(20);
  await page.getByRole('link', { name: EXIT_LABEL }).first().click();
  await expect.poll(() => verbs(lrs).at(-1)).toBe('terminated');
  expect(lrs.problems).toEqual([]);
  expect(verbs(lrs).filter((v) => v !== 'answered')).toEqual(['initialized', 'terminated']);
  expect(lrs.statements.some((s) => 'score' in ((s.result as object | undefined) ?? {}))).toBe(false);
});

test('an LRS that answers 500 loses no answer: the learner is told in one sentence, and the next decision sends them', async ({
  page,
}) => {
  await open(page);
  await choose(page, /^Kneel beside Walt/);
  await expect.poll(() => verbs(lrs)).toEqual(['initialized', 'answered']);
  lrs.down = true;
  await choose(page, /^Tell Walt that the crew will look after the house/);
  await expect(page.getByText(LMS_NOTICES.notSaving)).toBeVisible();
  await decide(page, 'yyyyyyy', 'Act');
  expect(verbs(lrs)).toEqual(['initialized', 'answered']);
  lrs.down = false;
  await choose(page, /^Ask Ruiz to hold on/);
  await expect(page.getByText(LMS_NOTICES.savingAgain)).toBeVisible();
  await expect.poll(() => verbs(lrs).length).toBe(1 + 1 + 1 + 8 + 1);
  const answered = lrs.statements.filter((s) => verbOf(s) === 'answered');
  expect(answered.map((s) => (s.object as { id: string }).id.split('.').pop())).toEqual([
    'choice',
    'choice',
    ...['customer', 'department', 'legal', 'safe', 'level', 'accountable', 'policy', 'call'],
    'choice',
  ]);
  expect(lrs.state(PROGRESS_STATE_ID)).toMatch(/\.0-0-ayyyyyyy-\d\.[-r]"/);
  expect(lrs.problems).toEqual([]);
});
