import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { Call, Scenario, Step } from '../../src/engine/model.ts';
import { expectNoAxeViolations, gotoDrill, gotoProgress } from './helpers.ts';
import { pdfText } from './pdf-text.ts';

/**
 * The officer-led drill, run the way an officer runs it: from a three-button presenter clicker
 * (Page Down, Page Up and the "B" button), on a TV. The tests walk whatever the scenario's graph is
 * (read from the page), so a content revision does not break them.
 */
const DRILL = 'drill/mower-at-115/';
const CALLS: Call[] = ['act', 'ask', 'decline'];
const CALL_NAMES = { act: 'Act', ask: 'Ask your officer', decline: 'Decline' };
/** The stage kinds axe is run in (once each, in the first run; axe over the whole drill page is slow). */
const ALL_STAGES = [
  'narrative',
  'choose',
  'review',
  'question',
  'question revealed',
  'call',
  'decision review',
  'ending',
];

async function setUp(page: Page) {
  await gotoDrill(page, DRILL);
  await page.getByLabel('Unit or company').fill('Engine 21');
  await page.getByLabel('Shift', { exact: true }).fill('B');
  await page.getByLabel('Officer', { exact: true }).fill('Capt. Okafor');
  await page.getByLabel(/^Members present/).fill('Ruiz, 4471\nPatel\nHenderson, 5120');
  return JSON.parse((await page.locator('script[data-drill-data]').textContent()) ?? '') as { scenario: Scenario };
}

/** Everything listed must be on screen in full: a clicker cannot scroll. */
async function expectOnScreen(page: Page, locators: Locator[], what: string) {
  const { width, height } = page.viewportSize()!;
  for (const locator of locators) {
    const box = await locator.boundingBox();
    expect(box, `${what}: ${locator} is rendered`).not.toBeNull();
    expect(
      box!.x >= 0 && box!.y >= 0 && box!.x + box!.width <= width + 1 && box!.y + box!.height <= height + 1,
      `${what}: ${locator} lies inside the ${width}×${height} screen (${JSON.stringify(box)})`,
    ).toBe(true);
  }
}

const clicker = {
  next: (page: Page) => page.keyboard.press('PageDown'),
  back: (page: Page) => page.keyboard.press('PageUp'),
  select: (page: Page) => page.keyboard.press('b'),
};

interface Played {
  choices: { step: string; number: number }[];
  decisions: { step: string; answers: ('yes' | 'no')[]; call: Call }[];
  ending: string;
}

/**
 * Play a whole drill with the clicker alone: at each scene the choice `choiceNumber(n)`, at each
 * decision the answers `answerFor(step, i)` and the call `call`. Checks at every stage that the
 * controls the stage needs are on screen, and (once per stage kind) that axe finds nothing.
 */
async function playByClicker(
  page: Page,
  scenario: Scenario,
  options: {
    choiceNumber: (scene: Step & { kind: 'scene' }) => number;
    call: Call;
    answer: (i: number) => 'yes' | 'no';
  },
  axe: Set<string>,
): Promise<Played> {
  const byId = new Map(scenario.steps.map((s) => [s.id, s]));
  const played: Played = { choices: [], decisions: [], ending: '' };
  const next = page.getByRole('button', { name: 'Next →' });
  const check = async (kind: string) => {
    if (axe.has(kind)) return;
    axe.add(kind);
    await expectNoAxeViolations(page, `drill stage: ${kind}`);
  };
  let step = byId.get(scenario.frontmatter.start)!;
  for (let guard = 0; guard < 40; guard++) {
    const section = page.locator(`[data-step="${step.id}"]`);
    await expect(section.getByRole('heading', { level: 2 })).toBeVisible();
    await expectOnScreen(page, [section.getByRole('heading', { level: 2 }), next], `${step.id} narrative`);
    await check(step.kind === 'ending' ? 'ending' : 'narrative');
    if (step.kind === 'ending') {
      played.ending = step.id;
      await clicker.next(page);
      return played;
    }
    await clicker.next(page);
    if (step.kind === 'scene') {
      const number = options.choiceNumber(step);
      const links = section.locator('[data-choice] a');
      await expect(links.first()).toBeVisible();
      await expectOnScreen(page, [...(await links.all()), next], `${step.id} choices`);
      await clicker.next(page); // nothing highlighted: the drill says so and waits
      await expect(page.getByRole('status').filter({ hasText: 'Pick the crew’s choice first' })).toBeVisible();
      for (let i = 0; i < number; i++) await clicker.select(page);
      await expect(section.locator(`[data-choice="${number - 1}"][data-cursor]`)).toBeVisible();
      await check('choose');
      await clicker.next(page);
      await expect(section.locator('.chosen')).toBeVisible();
      played.choices.push({ step: step.id, number });
      await check('review');
      await clicker.next(page);
      step = byId.get(step.choices[number - 1]!.to)!;
      continue;
    }
    // A decision: the action, then seven questions, then the call.
    await expect(section.getByText('The action you are weighing:')).toBeVisible();
    await clicker.next(page);
    const answers: ('yes' | 'no')[] = [];
    for (const [i, letter] of [...'abcdefg'].entries()) {
      const group = section.getByRole('group', { name: new RegExp(`^${letter}\\. `) });
      await expect(group).toBeVisible();
      await expectOnScreen(
        page,
        [group.getByRole('radio', { name: 'Yes' }), group.getByLabel('Hands up for no'), next],
        `${step.id} question ${letter}`,
      );
      const answer = options.answer(i);
      await clicker.select(page); // yes
      if (answer === 'no') await clicker.select(page); // no
      await expect(group.getByRole('radio', { name: answer === 'yes' ? 'Yes' : 'No' })).toBeChecked();
      if (i === 0) await check('question');
      await clicker.next(page); // lock and reveal the key
      await expect(
        section.locator(
          `[data-why="${['customer', 'department', 'legal', 'safe', 'level', 'accountable', 'policy'][i]}"]`,
        ),
      ).toBeVisible();
      // Once the key is shown, the crew's answer cannot change.
      await page.keyboard.press(answer === 'yes' ? 'n' : 'y');
      await expect(group.getByRole('radio', { name: answer === 'yes' ? 'Yes' : 'No' })).toBeChecked();
      if (i === 0) await check('question revealed');
      answers.push(answer);
      await clicker.next(page);
    }
    const calls = section.getByRole('group', { name: 'Your call' });
    await expect(calls).toBeVisible();
    await expectOnScreen(page, [...(await calls.getByRole('radio').all()), next], `${step.id} call`);
    for (let i = 0; i <= CALLS.indexOf(options.call); i++) await clicker.select(page);
    await expect(calls.getByRole('radio', { name: new RegExp(`^${CALL_NAMES[options.call]}`) })).toBeChecked();
    await check('call');
    await clicker.next(page);
    await expect(section.getByRole('table', { name: /points/ })).toBeVisible();
    await check('decision review');
    played.decisions.push({ step: step.id, answers, call: options.call });
    await clicker.next(page);
    step = byId.get(step.branches[options.call])!;
  }
  throw new Error('The drill did not reach an ending');
}

for (const [width, height] of [
  [1920, 1080],
  [1280, 720],
] as const)
  test.describe(`a drill on a ${width}×${height} TV`, () => {
    test.use({ viewport: { width, height } });

    for (const call of CALLS)
      test(`runs from a clicker alone to a record that matches the crew, with the call "${call}"`, async ({ page }) => {
        const { scenario } = await setUp(page);
        await page.getByRole('button', { name: 'Start the drill' }).click();
        await expect(page.getByRole('timer', { name: 'Elapsed time' })).toBeVisible();
        test.setTimeout(120_000);
        const axe = new Set<string>(ALL_STAGES);
        let scenes = 0;
        const played = await playByClicker(
          page,
          scenario,
          {
            // Every choice number gets used across the scenes of the three runs.
            choiceNumber: (s) => ((scenes++ + CALLS.indexOf(call)) % s.choices.length) + 1,
            call,
            answer: (i) => (i % 2 === 0 ? 'yes' : 'no'),
          },
          axe,
        );

        // The record: the crew's own choices and calls, its answers, and the ending, saved at once.
        const record = page.getByRole('region', { name: /^Drill record/ });
        await expect(record).toContainText('Engine 21');
        await expect(record).toContainText('Ruiz (4471), Patel, Henderson (5120)');
        await expect(page.getByText('The record is saved in this browser')).toBeVisible();
        const steps = record.getByRole('table', { name: 'What the crew did, step by step' });
        for (const choice of played.choices) {
          const label = (scenario.steps.find((s) => s.id === choice.step) as Step & { kind: 'scene' }).choices[
            choice.number - 1
          ]!.label;
          await expect(steps).toContainText(`${choice.number}. ${label}`);
        }
        for (const decision of played.decisions) {
          const title = scenario.steps.find((s) => s.id === decision.step)!.title;
          await expect(steps.getByRole('row', { name: new RegExp(title) })).toContainText(
            `${CALL_NAMES[decision.call]}; no to b, d, f`,
          );
        }
        const tallies = record.getByRole('table', { name: "The crew's answers" });
        await expect(tallies.getByRole('row')).toHaveCount(1 + played.decisions.length * 7);
        await expect(tallies.getByRole('row', { name: /b\. department/ }).first()).toContainText('no');
        const endingTitle = scenario.steps.find((s) => s.id === played.ending)!.title;
        await expect(record).toContainText(endingTitle);
      });
  });

test('the record keeps the notes on every print path and exports a roster for the records system', async ({ page }) => {
  test.setTimeout(120_000);
  const { scenario } = await setUp(page);
  await page.getByRole('button', { name: 'Start the drill' }).click();
  await playByClicker(
    page,
    scenario,
    { choiceNumber: () => 1, call: 'decline', answer: () => 'yes' },
    new Set(ALL_STAGES),
  );
  const notes = 'Good discussion on heat load. Ruiz to brief B shift.';
  await page.getByLabel("Officer's notes").fill(notes);

  // A browser's own print (no button pressed) and the page's Print button print the same record.
  await page.emulateMedia({ media: 'print' });
  const browserPrint = await pdfText(await page.pdf({ format: 'Letter' }));
  expect(browserPrint.pages).toBe(1);
  expect(browserPrint.text).toContain(notes);
  expect(browserPrint.text).toContain('What the crew did, step by step');
  expect(browserPrint.text).toContain("Officer's signature");
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => (window.print = () => undefined));
  await page.getByRole('button', { name: 'Print the record' }).click();
  await page.emulateMedia({ media: 'print' });
  expect((await pdfText(await page.pdf({ format: 'Letter' }))).text).toContain(notes);
  await page.emulateMedia({ media: 'screen' });

  const roster = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV for the records system' }).click();
  const lines = readFileSync(await (await roster).path(), 'utf8')
    .replace(/^\uFEFF/, '')
    .split('\r\n');
  expect(lines[0]).toMatch(/^date,member_name,member_id,unit,shift,instructor,course,/);
  expect(lines.filter((l) => l.includes('Engine 21'))).toHaveLength(3);
  expect(lines[1]).toMatch(/^\d{4}-\d\d-\d\d,Ruiz,4471,Engine 21,B,Capt\. Okafor,Drill: /);

  // The saved copy carries the notes too, without a Save button.
  await page.getByRole('link', { name: 'Past drills' }).click();
  await expect(page.getByRole('cell', { name: 'Engine 21' })).toBeVisible();
  await page.getByRole('button', { name: new RegExp(`^Open the record of ${scenario.frontmatter.title}`) }).click();
  await expect(page.getByText(notes)).toBeVisible();
});

test('two drills of one scenario keep separate resume slots, and each resumes where its crew was', async ({ page }) => {
  const { scenario } = await setUp(page);
  await page.getByRole('button', { name: 'Start the drill' }).click();
  await clicker.next(page);
  await clicker.select(page);
  await clicker.next(page); // choice 1 of the first scene, now in review
  const firstScene = scenario.steps.find((s) => s.id === scenario.frontmatter.start) as Step & { kind: 'scene' };
  await expect(page.locator(`[data-step="${firstScene.id}"] .chosen`)).toBeVisible();

  // A second crew starts the same scenario in the same browser.
  await page.goto(DRILL);
  await expect(page.locator('[data-drill][data-ready]')).toBeAttached();
  await expect(page.getByRole('button', { name: /^Resume the drill of Engine 21/ })).toHaveCount(1);
  await page.getByLabel('Unit or company').fill('Ladder 9');
  await page.getByLabel('Officer', { exact: true }).fill('Capt. Lee');
  await page.getByLabel(/^Members present/).fill('Ortiz');
  await page.getByRole('button', { name: 'Start the drill' }).click();
  await expect(page.getByRole('heading', { level: 2, name: firstScene.title })).toBeVisible();

  await page.reload();
  await expect(page.locator('[data-drill][data-ready]')).toBeAttached();
  await expect(page.getByRole('button', { name: /^Resume the drill of / })).toHaveCount(2);
  await page.getByRole('button', { name: /^Resume the drill of Engine 21/ }).click();
  await expect(page.locator(`[data-step="${firstScene.id}"] .chosen`)).toBeVisible();
  await expect(page.locator(`[data-step="${firstScene.id}"] [data-choice="0"].chosen`)).toBeVisible();

  // Discarding one offers an undo; the other drill stays.
  await page.reload();
  await page.getByRole('button', { name: 'Discard it' }).first().click();
  await expect(page.getByText(/^Discarded the drill of/)).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('button', { name: /^Resume the drill of / })).toHaveCount(2);
});

test('axe finds nothing at any stage of a drill, nor on its record', async ({ page }) => {
  // axe over a drill page (every step of the scenario is in its markup) is slow on a busy machine.
  test.setTimeout(300_000);
  const { scenario } = await setUp(page);
  await expectNoAxeViolations(page, 'drill setup');
  await page.getByRole('button', { name: 'Start the drill' }).click();
  await playByClicker(page, scenario, { choiceNumber: () => 1, call: 'ask', answer: () => 'no' }, new Set());
  await expectNoAxeViolations(page, 'drill record');
});

test('a damaged drill in progress is set aside, said in one sentence, and can be downloaded from My progress', async ({
  page,
}) => {
  await page.goto(DRILL);
  await page.evaluate(() => localStorage.setItem('mp201:drill-live:mower-at-115:d-1', '{"cut off'));
  await gotoDrill(page, DRILL);
  await expect(page.locator('[data-resume-status]')).toHaveText(
    'A drill in progress could not be resumed here (a damaged copy, or an earlier version of this scenario), so it was set aside, not deleted: download it from My progress.',
  );
  await gotoProgress(page);
  await expect(page.getByRole('button', { name: 'Download set-aside data' })).toBeVisible();
});

test('the setup names what is missing before a drill can start', async ({ page }) => {
  await gotoDrill(page, DRILL);
  await page.getByRole('button', { name: 'Start the drill' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    "Before starting, add the unit or company, the officer's name, at least one member present.",
  );
});

test('the drill is legible from the back of the room and shows the keys for each stage', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const { scenario } = await setUp(page);
  await page.getByRole('button', { name: 'Start the drill' }).click();
  const first = scenario.steps.find((s) => s.id === scenario.frontmatter.start)!;
  const heading = page.getByRole('heading', { level: 2, name: first.title });
  const body = await page
    .locator(`[data-step="${first.id}"] > p`)
    .first()
    .evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
  expect(body).toBeGreaterThanOrEqual(26);
  expect(await heading.evaluate((h) => parseFloat(getComputedStyle(h).fontSize))).toBeGreaterThan(body);
  // Nothing sits under the status bar, and the content spans the screen.
  const bar = (await page.locator('.drill-bar').boundingBox())!;
  const headingBox = (await heading.boundingBox())!;
  expect(headingBox.y).toBeGreaterThanOrEqual(bar.y + bar.height);
  expect((await page.locator('[data-drill-content]').boundingBox())!.width).toBeGreaterThan(1800);
  const legend = page.getByRole('definition').first();
  await expect(legend).toHaveText('next');
  await clicker.next(page);
  await expect(page.getByText('the crew’s choice')).toBeVisible();
  await page.screenshot({ path: 'docs/screenshot-drill.png' });
});

test('the facilitator guide prints with keys, reasons, prompts and a tally grid', async ({ page }) => {
  await page.goto(`${DRILL}guide/`);
  await expect(page.getByRole('table', { name: /^Crew tally: / }).first()).toBeVisible();
  await expect(page.getByText(/^Key: (yes|no)/).first()).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  const { pages, text } = await pdfText(await page.pdf({ format: 'Letter' }));
  expect(pages).toBeGreaterThan(1);
  expect(pages).toBeLessThan(15);
  expect(text).toContain('Crew tally');
});
