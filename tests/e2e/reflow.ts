import { expect, type Page } from '@playwright/test';

/** The phone widths a page must fit (CSS pixels): the WCAG reflow width, then two common phones. */
export const PHONE_WIDTHS = [320, 375, 414] as const;

/** What the reflow check saw on one page: what reads wrong, and how far right the page's boxes reach. */
export interface ReflowReport {
  problems: string[];
  /** The right edge of the widest box outside a scroll region, or the document's scroll width if larger. */
  widest: number;
}

/**
 * Runs in the page (one `page.evaluate`, no imports): what a reader of a narrow screen would see wrong.
 *
 * 1. A box that does not fit: every visible element must lie within [0, viewport width], and the
 *    document must not scroll sideways. The one exception is content inside a scroll region that says
 *    what it is (`aria-label` or `aria-labelledby`), can be reached with the keyboard (`tabindex`) and
 *    scrolls (`overflow-x: auto|scroll`): the region itself must fit, and it must show its start (the
 *    element marked `data-start` when it holds one, otherwise its left edge).
 * 2. A word broken across lines inside a heading, a table header or a number: for each word of a
 *    heading, `th` or `caption`, and each word holding a digit anywhere but in code, the word's range rectangles must
 *    all sit on one line. A break after a hyphen or a slash next to a letter is a normal line break.
 */
export function reflowProblems(): ReflowReport {
  const viewport = document.documentElement.clientWidth;
  const slack = 0.5;
  const problems: string[] = [];
  const name = (el: Element): string => {
    const id = el.id ? `#${el.id}` : '';
    const cls =
      typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
    const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return `<${el.tagName.toLowerCase()}${id}${cls}> “${text}”`;
  };
  const isScrollRegion = (el: Element): boolean => {
    const style = getComputedStyle(el);
    return (
      ['auto', 'scroll'].includes(style.overflowX) &&
      (el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby')) &&
      el.hasAttribute('tabindex') &&
      Number(el.getAttribute('tabindex')) >= 0
    );
  };
  // Visually hidden text for screen readers (a clip of 1 px) is not something a reader sees.
  const clipped = (el: Element): boolean => {
    const style = getComputedStyle(el);
    return style.clip !== 'auto' || (style.clipPath !== 'none' && style.position === 'absolute');
  };

  let widest = document.documentElement.scrollWidth;
  if (document.documentElement.scrollWidth > viewport)
    problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px in a ${viewport} px window`);

  const reported: Element[] = [];
  const walk = (el: Element) => {
    if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: false }) || clipped(el)) return;
    const box = el.getBoundingClientRect();
    if (isScrollRegion(el)) {
      if (box.left < -slack || box.right > viewport + slack)
        problems.push(`scroll region ${name(el)} spans ${Math.round(box.left)}–${Math.round(box.right)} px`);
      const start = el.querySelector('[data-start]');
      const from = start ? start.getBoundingClientRect() : null;
      const shown = from ? from.right > box.left && from.left < box.right : el.scrollLeft === 0;
      if (!shown) problems.push(`scroll region ${name(el)} does not show its start`);
      widest = Math.max(widest, box.right);
      return;
    }
    if (box.width > 0 && box.height > 0) {
      widest = Math.max(widest, box.right);
      if ((box.left < -slack || box.right > viewport + slack) && !reported.some((r) => r.contains(el))) {
        reported.push(el);
        problems.push(`${name(el)} spans ${Math.round(box.left)}–${Math.round(box.right)} px`);
      }
    }
    for (const child of el.children) walk(child);
  };
  walk(document.body);

  const broken = new Set<string>();
  const headed = 'h1, h2, h3, h4, h5, h6, th, caption';
  const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = texts.nextNode() as Text | null; node; node = texts.nextNode() as Text | null) {
    const parent = node.parentElement;
    if (!parent || parent.closest('svg, script, style, template') || !parent.checkVisibility()) continue;
    const inHeader = parent.closest(headed) !== null;
    // Code (a file name, an id) is not a figure: outside a header it may break where the browser likes.
    if (!inHeader && (!/\d/.test(node.data) || parent.closest('code'))) continue;
    for (const match of node.data.matchAll(/\S+/g)) {
      const word = match[0];
      if (!inHeader && !/\d/.test(word)) continue;
      // A line may break after a hyphen or a slash next to a letter ("84-year-old", "yes/no"), never
      // inside a number ("2026-12-01", "12/15") or a run of letters.
      const pieces = word.split(/(?<=\p{L}[-–—/])|(?<=[-–—/])(?=\p{L})/u);
      let start = match.index;
      for (const piece of pieces) {
        range.setStart(node, start);
        range.setEnd(node, start + piece.length);
        start += piece.length;
        const [first, ...rest] = [...range.getClientRects()].filter((r) => r.width > 0);
        if (first && rest.some((r) => Math.abs(r.top - first.top) > first.height / 2))
          broken.add(`“${word}” is broken across lines in ${name(parent.closest(headed) ?? parent)}`);
      }
    }
  }
  problems.push(...broken);
  return { problems, widest: Math.round(widest) };
}

/** Fail with every box that does not fit and every word broken across lines; returns the report. */
export async function expectReflow(page: Page, state: string): Promise<ReflowReport> {
  const report = await page.evaluate(reflowProblems);
  const width = page.viewportSize()?.width;
  expect(report.problems, `${state} at ${width} px`).toEqual([]);
  return report;
}
