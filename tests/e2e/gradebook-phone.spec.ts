import { expect, test, type Page } from '@playwright/test';
import { makeAttempt, makeResultsFile } from '../unit/attempt-fixture.ts';

/** A hand-in with one attempt at the mower scenario (self-reported, so the gradebook flags what it cannot verify). */
const handIn = (name: string, id: string, percent: number) => ({
  name: `${id}.json`,
  mimeType: 'application/json',
  buffer: Buffer.from(
    JSON.stringify(
      makeResultsFile(name, [makeAttempt({ id, scenario: 'mower-at-115', percent, passed: percent >= 80 })]),
    ),
  ),
});

/** Elements that reach past the viewport's edges, outside the tables' own scroll regions. */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const found: string[] = [];
    if (document.documentElement.scrollWidth > width)
      found.push(`the page is ${document.documentElement.scrollWidth}px wide`);
    for (const el of document.querySelectorAll<HTMLElement>('main *')) {
      if (el.closest('.table-scroll') && !el.matches('.table-scroll')) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (box.right > width + 0.5 || box.left < -0.5)
        found.push(
          `${el.tagName.toLowerCase()}.${el.className} "${el.textContent?.trim().slice(0, 30)}" spans ${Math.round(box.left)}–${Math.round(box.right)}`,
        );
    }
    return found;
  });
}

/**
 * Header and number cells with a word split over two lines (each word's range has its boxes on one line).
 * A word with a digit must stay whole ("2026-12-01", "67%"); other words may break only at a hyphen of their own.
 */
function brokenWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const cell of document.querySelectorAll<HTMLElement>('main th, main td')) {
      if (!cell.checkVisibility()) continue;
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const word of text.matchAll(/\S*\d\S*|[^\s\d-]+/g)) {
          const range = document.createRange();
          range.setStart(node, word.index);
          range.setEnd(node, word.index + word[0].length);
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (lines.size > 1) found.push(`"${word[0]}" in ${cell.tagName.toLowerCase()} "${cell.textContent?.trim()}"`);
        }
      }
    }
    return found;
  });
}

for (const width of [320, 375, 414]) {
  test(`the gradebook on a ${width} px phone: nothing clipped, no word broken, tables pan with the learner in view`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('gradebook/');
    await page.getByLabel('Session code').fill('ACAD-26-3');
    await page.getByLabel('Session code').blur();
    await page
      .getByLabel('Drop results files here, or choose them')
      .setInputFiles([
        handIn('Alexandria Montgomery-Whitfield', 'a1', 100),
        handIn('Ben Cole', 'b1', 62),
        handIn('Cy Park', 'c1', 85),
      ]);
    await expect(page.getByText('3 of 3 files imported.')).toBeVisible();
    await expect(page.getByRole('table', { name: 'Roster' }).getByRole('row')).toHaveCount(4);

    expect(await overflowing(page)).toEqual([]);
    expect(await brokenWords(page)).toEqual([]);

    // Each wide table pans inside its own named region, which a keyboard can reach; the learner's name stays in view.
    for (const [name, table] of [
      ['Roster table, scrolls sideways', 'Roster'],
      ['Heat map table, scrolls sideways', 'Percent of points by question and responsibility'],
    ]) {
      const region = page.getByRole('region', { name });
      await expect(region).toHaveAttribute('tabindex', '0');
      if (await region.evaluate((el) => el.scrollWidth > el.clientWidth)) {
        await region.focus();
        await page.keyboard.press('ArrowRight');
        await expect.poll(() => region.evaluate((el) => el.scrollLeft), `${table} pans by keyboard`).toBeGreaterThan(0);
        await region.evaluate((el) => (el.scrollLeft = el.scrollWidth));
      }
      const learner = region.getByRole('table', { name: table }).getByRole('rowheader').first();
      const [box, frame] = [await learner.boundingBox(), await region.boundingBox()];
      expect(box!.x).toBeGreaterThanOrEqual(frame!.x - 0.5);
      expect(box!.x + box!.width).toBeLessThanOrEqual(frame!.x + frame!.width + 0.5);
    }
  });
}
