import { expect, test } from '@playwright/test';
import { chooseByKeyboard, continueByKeyboard, decideByKeyboard, gotoScenario } from './helpers.ts';

const SCENARIO = 'scenarios/mower-at-115/';

test.describe('playing a scenario', () => {
  test('the best path, keyboard only, scores 100% and passes', async ({ page }) => {
    await gotoScenario(page, SCENARIO);
    await expect(page.getByRole('button', { name: 'Start over' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Man down in a front yard' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'He is coming around' })).toBeHidden();

    await chooseByKeyboard(page, /^Kneel beside Walt/);
    await expect(page.locator(':focus')).toContainText('Walt is confused and embarrassed.');
    await continueByKeyboard(page);
    await expect(page.getByRole('heading', { level: 2, name: 'He is coming around' })).toBeFocused();

    await chooseByKeyboard(page, /^Tell Walt that the crew will look after the house/);
    await continueByKeyboard(page);
    await expect(page.getByRole('heading', { level: 2, name: 'The open house' })).toBeFocused();
    await decideByKeyboard(page, 'yyyyyyy', 'Act');
    await expect(page.getByRole('table', { name: /10 of 10 points/ })).toBeVisible();
    await expect(page.getByText('Walt asked for exactly this.')).toBeVisible();
    await continueByKeyboard(page);

    await chooseByKeyboard(page, /^Ask Ruiz to hold on/);
    await continueByKeyboard(page);
    await decideByKeyboard(page, 'ynynnny', 'Decline');
    await expect(page.getByRole('table', { name: /10 of 10 points/ })).toBeVisible();
    await continueByKeyboard(page);

    await chooseByKeyboard(page, /^Thank Denise for looking after Walt/);
    await continueByKeyboard(page);
    await expect(page.getByRole('heading', { level: 2, name: 'Locked up and handed over' })).toBeFocused();
    await expect(page.getByText('Your score: 100%')).toBeVisible();
    await expect(page.getByText('Passed: the pass mark is 80%.')).toBeVisible();
  });

  test('a poor path scores lower and shows where each answer differed from the key', async ({ page }) => {
    await gotoScenario(page, SCENARIO);
    await page.getByRole('link', { name: /^Ask Denise to step back/ }).click();
    await expect(page.locator('#arrival').getByText('Denise was the one keeping him in the shade')).toBeVisible();
    // What a screen reader hears: the choice made, and where its outcome is.
    await expect(page.locator('[data-player-live]')).toHaveText(
      /^You chose: Ask Denise to step back.*\. What happens next is shown under your choice\.$/,
    );
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('link', { name: /^Tell Walt not to worry/ }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    // A decision submitted unanswered names what is still open.
    await page.getByRole('button', { name: 'Submit my answers' }).click();
    await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveText(
      'Answer every question before you submit. Still open: a, b, c, d, e, f, g, your call.',
    );
    // Cautious: says no on level and asks, where every answer is yes.
    for (const letter of ['a', 'b', 'c', 'd', 'f', 'g'])
      await page
        .getByRole('group', { name: new RegExp(`^${letter}\\. `) })
        .getByText('Yes', { exact: true })
        .click();
    await page.getByRole('group', { name: /^e\. / }).getByText('No', { exact: true }).click();
    await page.getByRole('group', { name: 'Your call' }).getByText('Ask your officer').click();
    await page.getByRole('button', { name: 'Submit my answers' }).click();

    // Six answers match; asking where the call was yours earns 1 of the call's 3 points (partial credit).
    const review = page.getByRole('table', { name: /7 of 10 points/ });
    await expect(review).toBeVisible();
    await expect(page.locator('[data-player-live]')).toHaveText(
      '7 of 10 points, 1 of 3 for the call. The key and the reasons are shown.',
    );
    await expect(review.getByRole('row', { name: /e\. Is it on your organizational level\?/ })).toContainText(
      '✗ The key says yes: 0 of 1 point',
    );
    await expect(review.getByRole('row', { name: /d\. Is it safe\?/ })).toContainText(
      '✓ Matches the key: 1 of 1 point',
    );
    await expect(review.getByRole('row', { name: /Your call/ })).toContainText('◐ Acceptable call: 1 of 3 points');
    // "You said" against "Key", as the learner reads them (the page holds both words; one shows).
    const said = (row: RegExp) => review.getByRole('row', { name: row }).getByRole('cell');
    await expect(said(/e\. Is it on your organizational level\?/).nth(0)).toHaveText('No', { useInnerText: true });
    await expect(said(/e\. Is it on your organizational level\?/).nth(1)).toHaveText('Yes', { useInnerText: true });
    await expect(said(/d\. Is it safe\?/).nth(0)).toHaveText('Yes', { useInnerText: true });
    await page.getByRole('button', { name: 'Continue' }).click();

    await expect(page.getByRole('heading', { level: 2, name: 'At the tailboard' })).toBeVisible();
    await page.getByRole('link', { name: /^Thank the captain, help lock up/ }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('link', { name: /^Ask Ruiz to hold on/ }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    // Kind impulse: everything yes, act.
    for (const letter of ['a', 'b', 'c', 'd', 'e', 'f', 'g'])
      await page
        .getByRole('group', { name: new RegExp(`^${letter}\\. `) })
        .getByText('Yes', { exact: true })
        .click();
    await page.getByRole('group', { name: 'Your call' }).getByText('Act').click();
    await page.getByRole('button', { name: 'Submit my answers' }).click();
    await expect(page.getByRole('table', { name: /3 of 10 points/ })).toBeVisible();
    await page.getByRole('button', { name: 'Continue' }).click();

    await expect(page.getByRole('heading', { level: 2, name: 'The next patient' })).toBeVisible();
    // Choices: 0/4 + 1/4 (ok on added value and respect... see scenario) ; decisions 6/10 and 3/10; ask-captain ok 1/2.
    const total = page.getByText(/^Your score: \d+%/);
    await expect(total).toBeVisible();
    const percent = Number((await total.textContent())?.match(/(\d+)%/)?.[1]);
    expect(percent).toBeLessThan(80);
    await expect(page.getByText(/^Not passed yet/)).toBeVisible();
    await expect(page.getByRole('row', { name: /d\. Is it safe\?/ })).toContainText('1 of 2');
  });

  test('without JavaScript the page is a readable choose-your-path document', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(SCENARIO);
    const headings = page.getByRole('heading', { level: 2 });
    await expect(headings).toHaveCount(12);
    for (const heading of await headings.all()) await expect(heading).toBeVisible();
    const choice = page.getByRole('link', { name: /^Kneel beside Walt/ });
    await expect(choice).toHaveAttribute('href', '#cooling');
    await choice.click();
    await expect(page).toHaveURL(/#cooling$/);
    await expect(page.getByRole('link', { name: 'If you act' }).first()).toHaveAttribute('href', '#neighbor-key');
    await expect(page.getByRole('button', { name: 'Start over' })).toHaveCount(0);
    await context.close();
  });
});

test.describe('one decision, each call: the points and why', () => {
  // "The open house" is keyed act (every answer yes), and acting includes keeping the captain informed.
  const CASES = [
    {
      call: 'Act',
      points: '10 of 10 points',
      row: '✓ Best call: 3 of 3 points',
      why: 'You acted. Every answer was yes, so the action was yours to take without asking permission. Acting here includes keeping your captain informed: telling is not asking permission. (3 of 3 points for the call.)',
    },
    {
      call: 'Ask your officer',
      points: '8 of 10 points',
      row: '◐ Acceptable call: 1 of 3 points',
      why: 'You asked your officer. That was safe, and keeping your captain informed is expected here, but telling is not asking permission: every answer was yes, so the call was yours to make. (1 of 3 points for the call.)',
    },
    {
      call: 'Decline',
      points: '7 of 10 points',
      row: '✗ Poor call: 0 of 3 points',
      why: 'You declined. Every answer was yes, so nothing stood in the way: declining left a customer without help you were empowered to give. Acting here includes keeping your captain informed: telling is not asking permission. (0 of 3 points for the call.)',
    },
  ] as const;
  for (const c of CASES)
    test(`${c.call}: ${c.points}, with the reason in plain words`, async ({ page }) => {
      await gotoScenario(page, SCENARIO);
      await page.getByRole('link', { name: /^Kneel beside Walt/ }).click();
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('link', { name: /^Tell Walt that the crew will look after the house/ }).click();
      await page.getByRole('button', { name: 'Continue' }).click();
      for (const letter of [...'abcdefg'])
        await page
          .getByRole('group', { name: new RegExp(`^${letter}\\. `) })
          .getByText('Yes', { exact: true })
          .click();
      await page.getByRole('group', { name: 'Your call' }).getByText(c.call, { exact: true }).click();
      await page.getByRole('button', { name: 'Submit my answers' }).click();

      const section = page.locator('#secure-house');
      const review = section.getByRole('table', { name: new RegExp(c.points) });
      await expect(review).toBeVisible();
      // One call row shows: the one for the call made.
      await expect(review.getByRole('row', { name: /Your call/ })).toHaveCount(1);
      await expect(review.getByRole('row', { name: /Your call/ })).toContainText(c.row);
      await expect(section.getByText(c.why, { exact: true })).toBeVisible();
      await expect(section.locator('[data-call-explanation]:visible')).toHaveCount(1);
      await expect(
        section.locator('[data-key] p', {
          hasText: 'The right call: Act, and keep your captain informed: telling is not asking permission',
        }),
      ).toBeVisible();
      await expect(review.getByRole('row', { name: /Your call/ })).toContainText('Act, and keep your captain informed');
    });
});

test('a reload mid-scenario resumes at the same step with the same score', async ({ page }) => {
  await gotoScenario(page, SCENARIO);
  await page.getByRole('link', { name: /^Kneel beside Walt/ }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('link', { name: /^Tell Walt not to worry/ }).click();
  await page.reload();
  await expect(page.getByText('Welcome back: you are where you left off.')).toBeVisible();
  // The feedback for the last choice is still on screen, then the decision follows.
  await expect(page.locator('#cooling').getByText('True, and kindly meant')).toBeVisible();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'The open house' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'The open house' })).toBeVisible();
  await page.getByRole('button', { name: 'Start over' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Man down in a front yard' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'The open house' })).toBeHidden();
});
