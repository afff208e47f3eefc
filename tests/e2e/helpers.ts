import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

/** Press Tab until `target` has focus, as a keyboard user would. Fails after `limit` presses. */
export async function tabTo(page: Page, target: Locator, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Could not reach ${target} with the Tab key`);
}

/** Activate a choice link with the keyboard. */
export async function chooseByKeyboard(page: Page, label: string | RegExp): Promise<void> {
  await tabTo(page, page.getByRole('link', { name: label }));
  await page.keyboard.press('Enter');
}

/** Press the Continue button with the keyboard. */
export async function continueByKeyboard(page: Page): Promise<void> {
  await tabTo(page, page.getByRole('button', { name: 'Continue' }));
  await page.keyboard.press('Enter');
}

const LETTERS = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];

/** Answer the seven questions (a string like "yynynny") and make the call, keyboard only. */
export async function decideByKeyboard(
  page: Page,
  answers: string,
  call: 'Act' | 'Ask your officer' | 'Decline',
): Promise<void> {
  for (const [i, letter] of LETTERS.entries()) {
    const group = page.getByRole('group', { name: new RegExp(`^${letter}\\. `) });
    await tabTo(page, group.getByRole('radio', { name: 'Yes' }));
    await page.keyboard.press(answers[i] === 'y' ? 'Space' : 'ArrowRight');
    await expect(group.getByRole('radio', { name: answers[i] === 'y' ? 'Yes' : 'No' })).toBeChecked();
  }
  const calls = page.getByRole('group', { name: 'Your call' });
  await tabTo(page, calls.getByRole('radio').first());
  const order = ['Act', 'Ask your officer', 'Decline'];
  await page.keyboard.press('Space');
  for (let i = 0; i < order.indexOf(call); i++) await page.keyboard.press('ArrowDown');
  await expect(calls.getByRole('radio', { name: new RegExp(`^${call}`) })).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: 'Submit my answers' }));
  await page.keyboard.press('Enter');
}

/** Open a scenario and wait until the player has taken over the page (a click before that is a plain link). */
export async function gotoScenario(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.locator('[data-player].enhanced')).toBeAttached();
}

/** Open a drill and wait until its module is running. */
export async function gotoDrill(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.locator('[data-drill][data-ready]')).toBeAttached();
}

/** Open My progress and wait until its module has filled it in (typing before that would be overwritten). */
export async function gotoProgress(page: Page): Promise<void> {
  await page.goto('progress/');
  await expect(page.locator('[data-progress][data-ready]')).toBeAttached();
}

/** Pick a choice with the mouse and continue past its feedback. */
export async function choose(page: Page, label: RegExp): Promise<void> {
  await page.getByRole('link', { name: label }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

/** Answer the seven questions ("yynynyy"), make the call and submit; `andContinue` also moves past the review. */
export async function decide(
  page: Page,
  answers: string,
  call: 'Act' | 'Ask your officer' | 'Decline',
  andContinue = true,
): Promise<void> {
  for (const [i, letter] of [...'abcdefg'].entries())
    await page
      .getByRole('group', { name: new RegExp(`^${letter}\\. `) })
      .getByText(answers[i] === 'y' ? 'Yes' : 'No', { exact: true })
      .click();
  await page.getByRole('group', { name: 'Your call' }).getByText(call, { exact: true }).click();
  await page.getByRole('button', { name: 'Submit my answers' }).click();
  if (andContinue) await page.getByRole('button', { name: 'Continue' }).click();
}

/** The rest of the Mower at 115's best path, from "He is coming around" to its ending (100 %). */
export async function finishMowerBestPath(page: Page): Promise<void> {
  await choose(page, /^Tell Walt that the crew will look after the house/);
  await decide(page, 'yyyyyyy', 'Act');
  await choose(page, /^Ask Ruiz to hold on/);
  await decide(page, 'ynynnny', 'Decline');
  await choose(page, /^Thank Denise for looking after Walt/);
  await expect(page.getByText('Your score: 100%')).toBeVisible();
}

/** The best path of the Mower at 115, to its ending. */
export async function playMowerBestPath(page: Page): Promise<void> {
  await choose(page, /^Kneel beside Walt/);
  await finishMowerBestPath(page);
}

/** The WCAG 2.0, 2.1 and 2.2 A and AA rules and best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Fail with the rule and the elements when axe finds any violation. */
export async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  expect(
    results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `axe violations in ${state}`,
  ).toEqual([]);
}

/**
 * Play "The Mower at 115" from its start to its ending, calling `at` in each state of the player: the
 * start, feedback after a choice, a decision half answered, the review of a decision, and the ending.
 */
export async function playMowerThrough(page: Page, at: (state: string) => Promise<void>): Promise<void> {
  await gotoScenario(page, 'scenarios/mower-at-115/');
  await at('player-start');
  await page.getByRole('link', { name: /^Kneel beside Walt/ }).click();
  await at('player-feedback');
  await page.getByRole('button', { name: 'Continue' }).click();
  await choose(page, /^Tell Walt that the crew/);
  for (const letter of 'abcd')
    await page
      .getByRole('group', { name: new RegExp(`^${letter}\\. `) })
      .getByText('Yes', { exact: true })
      .click();
  await at('player-decision-half-answered');
  await decide(page, 'yyyynyy', 'Ask your officer', false);
  await at('player-review');
  await page.getByRole('button', { name: 'Continue' }).click();
  await choose(page, /^Thank the captain/);
  await choose(page, /^Ask Ruiz to hold on/);
  await decide(page, 'ynynnny', 'Decline');
  await choose(page, /^Thank Denise/);
  await expect(page.getByText(/^Your score: \d+%/)).toBeVisible();
  await at('player-ending');
}
