import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, gotoDrill, tabTo } from './helpers.ts';

const DRILL = 'drill/mower-at-115/';

async function setUp(page: Page) {
  await gotoDrill(page, DRILL);
  await page.getByLabel('Unit or company').fill('Engine 21');
  await page.getByLabel('Shift', { exact: true }).fill('B');
  await page.getByLabel('Officer', { exact: true }).fill('Capt. Okafor');
  await page.getByLabel(/^Members present/).fill('Ruiz, 4471\nPatel\nHenderson, 5120');
}

/** Answer one question by show of hands typed into the tally, then reveal and move on with presenter keys. */
async function tally(page: Page, letter: string, yes: number, no: number) {
  const group = page.getByRole('group', { name: new RegExp(`^${letter}\\. `) });
  await expect(group).toBeVisible();
  await group.getByLabel('Hands up for yes').fill(String(yes));
  await group.getByLabel('Hands up for no').fill(String(no));
  await page.keyboard.press('PageDown'); // reveal the key and the reason
  await page.keyboard.press('PageDown'); // next question
}

test.describe('officer-led drill', () => {
  test('a whole drill with presenter keys and tallies ends in a complete training record', async ({ page }) => {
    await setUp(page);
    await expectNoAxeViolations(page, 'drill setup');
    await page.getByLabel(/^Members present/).press('Tab');
    await tabTo(page, page.getByRole('button', { name: 'Start the drill' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('timer', { name: 'Elapsed time' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Man down in a front yard' })).toBeVisible();
    await expect(page.getByText('What does a patient who is embarrassed')).toBeVisible(); // discussion prompt
    await expectNoAxeViolations(page, 'drill narrative');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('link', { name: /^Kneel beside Walt/ })).toBeVisible();
    await page.keyboard.press('1');
    await expect(page.getByText('Walt is confused and embarrassed.')).toBeVisible();
    await expectNoAxeViolations(page, 'drill feedback');
    await page.keyboard.press(' ');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('1');
    await page.keyboard.press('PageDown');
    // Decision: the open house. Narrative, then the action, then seven questions.
    await expect(page.getByRole('heading', { level: 2, name: 'The open house' })).toBeVisible();
    await page.keyboard.press('PageDown');
    await expect(page.locator('#secure-house').getByText('The action you are weighing:')).toBeVisible();
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown');
    await expect(page.getByText('Record the crew’s answer first')).toBeVisible();
    await expectNoAxeViolations(page, 'drill question');
    await tally(page, 'a', 4, 0);
    await tally(page, 'b', 3, 1);
    await tally(page, 'c', 4, 0);
    await tally(page, 'd', 2, 2 + 0); // a tie: no group answer yet
    await expect(page.getByText('Record the crew’s answer first')).toBeVisible();
    await page.keyboard.press('y');
    await page.keyboard.press('PageDown');
    await expect(page.getByText('Pushing a mower ten metres')).toBeVisible(); // the Why for d
    await expectNoAxeViolations(page, 'drill question revealed');
    await page.keyboard.press('PageDown');
    await tally(page, 'e', 1, 3); // the crew thinks it needs the captain: a wrong answer, kept as given
    await tally(page, 'f', 4, 0);
    await tally(page, 'g', 4, 0);
    await page.getByRole('group', { name: 'Your call' }).getByText('Act', { exact: true }).click();
    await page.keyboard.press('PageDown');
    await expect(page.getByRole('table', { name: /9 of 10 points/ })).toBeVisible();
    await expectNoAxeViolations(page, 'drill decision review');
    await page.keyboard.press('PageDown');
    // Ten more minutes -> finish the lawn.
    await page.keyboard.press('PageDown');
    await page.keyboard.press('1');
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown');
    for (const [letter, yes, no] of [
      ['a', 4, 0],
      ['b', 0, 4],
      ['c', 4, 0],
      ['d', 0, 4],
      ['e', 4, 0],
      ['f', 1, 3],
      ['g', 3, 1],
    ] as const)
      await tally(page, letter, yes, no);
    await page.getByRole('group', { name: 'Your call' }).getByText('Decline', { exact: true }).click();
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown');
    await page.keyboard.press('1');
    await page.keyboard.press('PageDown');
    await expect(page.getByRole('heading', { level: 2, name: 'Locked up and handed over' })).toBeVisible();
    await page.keyboard.press('PageDown');

    const record = page.getByRole('region', { name: /^Drill record/ });
    await expect(record).toContainText('Engine 21');
    await expect(record).toContainText('Capt. Okafor');
    await expect(record).toContainText('Ruiz (4471), Patel, Henderson (5120)');
    await expect(record).toContainText(/Duration\s*\d+ min \d\d s/); // under a minute when the machine is idle
    await expect(record).toContainText('Locked up and handed over');
    await expect(record.getByRole('row', { name: /The open house e\. level 1 3 no/ })).toBeVisible();
    await expect(record).toContainText(/Group score\s*9\d% \(passed/);
    // The record is kept the moment the drill ends: leaving now would lose nothing.
    await expect(page.getByText('Saved in this browser.')).toBeVisible();
    await record.getByLabel("Officer's notes").fill('Good discussion on heat load. Ruiz to brief B shift.');
    await expectNoAxeViolations(page, 'drill record');
    await page.getByRole('button', { name: 'Save the record' }).click();
    await expect(page.getByText('Saved in this browser.')).toBeVisible();
    await page.evaluate(() => (window.print = () => undefined));
    await page.getByRole('button', { name: 'Print the record' }).click();
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByText("Officer's signature")).toBeVisible();
    const pdf = await page.pdf({ format: 'Letter' });
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);

    const csv = page.waitForEvent('download');
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('button', { name: 'Download CSV' }).click();
    const text = readFileSync(await (await csv).path(), 'utf8');
    expect(text.split('\r\n')[1]).toMatch(
      /^2026-\d\d-\d\d,Engine 21,B,Capt\. Okafor,Ruiz \(4471\); Patel; Henderson \(5120\),mower-at-115,/,
    );
    expect(text).toContain('Good discussion on heat load. Ruiz to brief B shift.');

    await page.getByRole('link', { name: 'Past drills' }).click();
    await expect(page.getByRole('cell', { name: 'Engine 21' })).toBeVisible();
    await page.getByRole('button', { name: /^Open the record of The Mower at 115/ }).click();
    await expect(page.getByText('Good discussion on heat load.')).toBeVisible();
    await expectNoAxeViolations(page, 'past drills');
  });

  test('a drill survives a reload: the officer resumes where the crew was', async ({ page }) => {
    await setUp(page);
    await page.getByRole('button', { name: 'Start the drill' }).click();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('1');
    await page.keyboard.press('PageDown');
    await expect(page.getByRole('heading', { level: 2, name: 'He is coming round' })).toBeVisible();
    await page.reload();
    await expect(page.locator('[data-drill][data-ready]')).toBeAttached();
    await expect(page.getByText(/^A drill of this scenario started at/)).toBeVisible();
    await page.getByRole('button', { name: 'Resume that drill' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'He is coming round' })).toBeVisible();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('2');
    await expect(page.getByText('True, and kindly meant')).toBeVisible();
    await page.reload();
    await page.getByRole('button', { name: 'Discard it and start a new one' }).click();
    await expect(page.getByRole('button', { name: 'Start the drill' })).toBeVisible();
    await page.reload();
    await expect(page.getByText(/^A drill of this scenario started at/)).toBeHidden();
  });

  test('the setup names what is missing before a drill can start', async ({ page }) => {
    await gotoDrill(page, DRILL);
    await page.getByRole('button', { name: 'Start the drill' }).click();
    await expect(page.getByRole('alert')).toHaveText(
      "Before starting, add the unit or company, the officer's name, at least one member present.",
    );
  });

  for (const [width, height] of [
    [1920, 1080],
    [1280, 720],
  ] as const)
    test(`the drill is legible at ${width}×${height}`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await setUp(page);
      await page.getByRole('button', { name: 'Start the drill' }).click();
      const size = await page
        .getByRole('heading', { level: 2, name: 'Man down in a front yard' })
        .evaluate((h) => parseFloat(getComputedStyle(h).fontSize));
      const body = await page
        .locator('.drill-content p')
        .first()
        .evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
      expect(body).toBeGreaterThanOrEqual(width >= 1920 ? 24 : 20);
      expect(size).toBeGreaterThan(body);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
      if (width === 1920) await page.screenshot({ path: 'docs/screenshot-drill.png' });
    });

  test('the facilitator guide prints with keys, reasons, prompts and a tally grid', async ({ page }) => {
    await page.goto(`${DRILL}guide/`);
    await expect(page.getByRole('table', { name: 'Crew tally: Finish the lawn?' })).toBeVisible();
    await expect(page.getByText('Walt is confused and embarrassed.')).toBeVisible();
    await expect(page.getByText('Key: no').first()).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'Letter' });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    expect(pages).toBeGreaterThan(1);
    expect(pages).toBeLessThan(15);
  });
});
