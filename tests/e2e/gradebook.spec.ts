import { readFileSync, writeFileSync } from 'node:fs';
import { choose, decide, expectNoAxeViolations, gotoProgress, gotoScenario } from './helpers.ts';
import { pdfText } from './pdf-text.ts';
import { expect, test, type Browser } from '@playwright/test';

/** A recruit on their own device: enters details and the session code, plays the mower scenario, hands in. */
async function recruitHandsIn(
  browser: Browser,
  name: string,
  session: string,
  safe: 'Yes' | 'No',
  call: 'Act' | 'Decline',
) {
  const page = await (await browser.newContext()).newPage();
  await gotoProgress(page);
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel(/^Session code/).fill(session);
  await page.getByLabel(/^Session code/).blur();
  await gotoScenario(page, 'scenarios/mower-at-115/');
  await choose(page, /^Kneel beside Walt/);
  await choose(page, /^Tell Walt that the crew/);
  await decide(page, safe === 'Yes' ? 'yyyyyyy' : 'yyynyyy', call);
  if (call === 'Act') {
    await choose(page, /^Ask Ruiz to hold on/);
    await decide(page, 'ynynyny', 'Decline');
    await choose(page, /^Thank Denise/);
  }
  await expect(page.getByText(/^Your score: \d+%/)).toBeVisible();
  await gotoProgress(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Hand in my results' }).click();
  const file = await download;
  return { path: await file.path(), name: file.suggestedFilename() };
}

test('an instructor collects a class: hand-ins from three recruits, a broken file, roster, heat map, debrief and CSV', async ({
  browser,
  page,
}, testInfo) => {
  test.setTimeout(300_000); // three recruits play first; on a shared two-core machine that alone can take two minutes
  const ana = await recruitHandsIn(browser, 'Ana Ruiz', 'ACAD-26-3', 'Yes', 'Act');
  const ben = await recruitHandsIn(browser, '<b>Ben</b> Cole', 'ACAD-26-3', 'No', 'Decline');
  const cy = await recruitHandsIn(browser, 'Cy Park', 'ACAD-26-2', 'Yes', 'Decline');
  expect(ana.name).toBe('acad-26-3_ana-ruiz.json');

  await page.goto('gradebook/');
  await expect(page.getByText('Nothing is uploaded anywhere')).toBeVisible();
  await expectNoAxeViolations(page, 'empty gradebook');
  await page.getByLabel('Session code').fill('ACAD-26-3');
  await page.getByLabel(/^Class list/).fill('Ana Ruiz\n<b>Ben</b> Cole\nCy Park\nDee Lopez');
  await page.getByLabel(/^Class list/).blur();
  await page.getByLabel('Drop results files here, or choose them').setInputFiles([
    { name: ana.name, mimeType: 'application/json', buffer: readFileSync(ana.path) },
    { name: ben.name, mimeType: 'application/json', buffer: readFileSync(ben.path) },
    { name: cy.name, mimeType: 'application/json', buffer: readFileSync(cy.path) },
    {
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format":"mp201-results","version":1,"trai'),
    },
    { name: ana.name, mimeType: 'application/json', buffer: readFileSync(ana.path) },
  ]);
  await expect(page.getByText('4 of 5 files imported.')).toBeVisible();
  const log = page.getByRole('list', { name: 'Files read' });
  await expect(log).toContainText('notes.json: skipped, it is cut off or damaged (not complete JSON)');
  await expect(log).toContainText('Flag: session ACAD-26-2, not ACAD-26-3');
  await expect(log).toContainText('Ana Ruiz, nothing new (already imported)');

  const roster = page.getByRole('table', { name: 'Roster' });
  await expect(roster.getByRole('row')).toHaveCount(4);
  await expect(roster.getByRole('rowheader', { name: '<b>Ben</b> Cole' })).toBeVisible(); // shown as text
  expect(await roster.locator('b').count()).toBe(0);
  await expect(roster.getByRole('row', { name: /Ana Ruiz/ })).toContainText('1 of 33');
  await expect(page.getByRole('list', { name: 'Not handed in yet' })).toHaveText('Dee Lopez');
  await page
    .getByRole('combobox', { name: /^Scenario/ })
    .first()
    .selectOption('mower-at-115');
  await roster.getByRole('button', { name: 'Best score (self-reported)' }).click();
  await expect(roster.getByRole('columnheader', { name: 'Best score (self-reported)' })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  await expect(roster.getByRole('row').nth(1)).toContainText('Ana Ruiz');
  await expectNoAxeViolations(page, 'gradebook with a class');

  const heat = page.getByRole('table', { name: 'Percent of points by question and responsibility' });
  // d. safe: Ana said yes on the decision whose key is yes, and no where it is no (2 of 2); Ben said no where yes is the key (0 of 1).
  await expect(
    heat
      .getByRole('row', { name: /^Ana Ruiz/ })
      .getByRole('cell')
      .nth(3),
  ).toHaveText('100%');
  await expect(
    heat
      .getByRole('row', { name: /^<b>Ben<\/b> Cole/ })
      .getByRole('cell')
      .nth(3),
  ).toHaveText('0%');

  const breakdown = page.getByRole('table', { name: /^Decision 1: The open house \(3 learners answered\)/ });
  await expect(breakdown.getByRole('row', { name: /^4 d\. / })).toContainText('2 (67%)');
  await expect(breakdown.getByRole('row', { name: /The call/ })).toContainText(
    'Act: 1 (33%; 3 of 3 points each); Ask your officer: 0 (0%; 1 of 3 points each); Decline: 2 (67%; 0 of 3 points each)',
  );
  await expect(breakdown.getByRole('row', { name: /Points for the call/ })).toContainText('3 of 9 (33%)');

  const answers = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Every answer (CSV)' }).click();
  const csv = readFileSync(await (await answers).path(), 'utf8')
    .trim()
    .split('\r\n');
  expect(csv[0]).toBe(
    'name,member_id,scenario,attempt,decision,question,answer,key,matches_key,points,scoring_version',
  );
  expect(csv.filter((r) => r.startsWith('<b>Ben</b> Cole,'))).toHaveLength(8);
  expect(csv).toContain(
    `<b>Ben</b> Cole,,mower-at-115,${JSON.parse(readFileSync(ben.path, 'utf8')).attempts[0].id},secure-house,d. safe,no,yes,no,0/1,2`,
  );

  await page.reload();
  await expect(roster.getByRole('row')).toHaveCount(4); // kept in the browser
  // The class summary as printed: landscape, every learner, every scenario column, the class average, no controls.
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true });
  writeFileSync(testInfo.outputPath('class-summary.pdf'), pdf);
  await page.emulateMedia({ media: 'screen' });
  const { pages, text, landscape } = await pdfText(pdf);
  expect(landscape).toBe(true);
  expect(pages).toBeLessThan(12);
  const flat = text.replace(/\s+/g, ' ');
  for (const name of ['Ana Ruiz', '<b>Ben</b> Cole', 'Cy Park']) expect(flat).toContain(name);
  const titles = await page
    .getByRole('combobox', { name: /^Scenario/ })
    .first()
    .locator('option')
    .allTextContents();
  expect(titles).toHaveLength(34);
  for (const title of titles.slice(1)) expect(flat, `the column for ${title}`).toContain(title.replace(/\s+/g, ' '));
  expect(flat).toContain('Whole class');
  expect(flat).toContain('Class summary, session ACAD-26-3');
  for (const label of [
    'Roster (CSV)',
    'Every answer (CSV)',
    'Print the class summary',
    'Clear the gradebook',
    'Drop results files',
  ])
    expect(flat).not.toContain(label);
});

test('a 50 MB file is refused before it is read', async ({ page }, testInfo) => {
  const huge = testInfo.outputPath('huge.json');
  writeFileSync(huge, Buffer.alloc(50 * 1024 * 1024, 32));
  await page.goto('gradebook/');
  await page.getByLabel('Drop results files here, or choose them').setInputFiles(huge);
  await expect(page.getByRole('list', { name: 'Files read' })).toContainText(
    'huge.json: skipped, it is 50.0 MB; a results file is far smaller, so it was not read',
  );
});
