import { expect, test, type Page } from '@playwright/test';
import { builtPages } from './pages.ts';

/**
 * Places where two pieces of text render with nothing between them although they come from different
 * elements, such as "Read the" + <a>full procedure</a> shown as "Read thefull procedure.", or
 * "Try next:" + <a>A Dog…</a> shown as "Try next:A Dog…". Runs in the page: walks every text node in
 * document order and reports a word or punctuation mark that touches the next word across an inline
 * element's edge. A block edge, a line break or any whitespace between them is a real separation.
 */
function gluedText(): string[] {
  // SVG text is placed line by line (the scenario maps), so an SVG element is never an inline run.
  const inline = (el: Element) =>
    !(el instanceof SVGElement) &&
    getComputedStyle(el).display === 'inline' &&
    !['BR', 'IMG', 'INPUT'].includes(el.tagName);
  const hidden = new Map<Element, boolean>();
  const isHidden = (el: Element | null): boolean => {
    if (!el) return false;
    if (!hidden.has(el))
      hidden.set(
        el,
        ['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT'].includes(el.tagName) ||
          getComputedStyle(el).display === 'none' ||
          isHidden(el.parentElement),
      );
    return hidden.get(el)!;
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  const found: string[] = [];
  let previous: Text | null = null;
  let separated = true;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node instanceof Element) {
      if (!inline(node)) separated = true;
      continue;
    }
    const text = node as Text;
    if (!text.data || isHidden(text.parentElement)) continue;
    if (previous && !separated) {
      // Leaving the previous node's own inline ancestors is fine; leaving a block is a separation.
      for (let el: Element | null = previous.parentElement; el && !el.contains(text); el = el.parentElement)
        if (!inline(el)) separated = true;
    }
    if (previous && !separated && /[\p{L}\p{N}.,:;!?)]$/u.test(previous.data) && /^[\p{L}\p{N}(]/u.test(text.data)) {
      found.push(`“${previous.data.slice(-30).trimStart()}|${text.data.slice(0, 30).trimEnd()}”`);
    }
    previous = text;
    separated = false;
  }
  return found;
}

/**
 * Clause ids (`q.customer`, `duty.urgency`…) in the text of a page, which a learner should read as the
 * procedure numbers them instead.
 */
function clauseIdsShown(): string[] {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const found: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest('script, style')) continue;
    for (const match of (node as Text).data.matchAll(/\b(?:customer|duty|q|image|officer|benefit)\.[a-z-]+/g))
      found.push(match[0]);
  }
  return found;
}

/** What reads wrong on each page: words run together, and clause ids (except on the authors' guide). */
async function roughTextOn(page: Page, paths: string[]): Promise<string[]> {
  const rough: string[] = [];
  for (const path of paths) {
    await page.goto(path, { waitUntil: 'domcontentloaded' });
    for (const spot of await page.evaluate(gluedText)) rough.push(`/${path}: ${spot}`);
    if (path !== 'authoring/') for (const id of await page.evaluate(clauseIdsShown)) rough.push(`/${path}: ${id}`);
  }
  return rough;
}

test.describe('visible text', () => {
  // Without JavaScript every step of a scenario is on the page, so all of its text is checked.
  test.use({ javaScriptEnabled: false });

  test('the check finds words run together and nothing else', async ({ page }) => {
    await page.setContent(`<main>
      <p>Read the<a href="#">full procedure</a>. A drill guide.<a href="#">Start a drill</a>.</p>
      <p><strong>Try next:</strong><a href="#">A Dog</a></p>
      <p>Fine <a href="#">link</a>. <em>x</em>, then</p><p>Next paragraph</p>
      <ul><li>one</li><li>Two</li></ul><p>line<br>Break</p><p hidden>hidden</p><p>Shown</p>
      <svg><text><tspan>map</tspan><tspan>Label</tspan></text></svg></main>`);
    expect(await page.evaluate(gluedText)).toEqual([
      '“Read the|full procedure”',
      '“. A drill guide.|Start a drill”',
      '“Try next:|A Dog”',
    ]);
    await page.setContent('<p>Trains duty.respect and <a href="#q.safe">4 d. Safe?</a></p>');
    expect(await page.evaluate(clauseIdsShown)).toEqual(['duty.respect']);
  });

  // Every built page, in four parts so that the two workers share them.
  const pages = builtPages();
  for (let part = 0; part < 4; part++) {
    const paths = pages.filter((_, i) => i % 4 === part);
    test(`no page runs words together or shows a clause id (part ${part + 1} of 4)`, async ({ page }) => {
      test.setTimeout(120_000);
      expect(await roughTextOn(page, paths)).toEqual([]);
    });
  }
});
