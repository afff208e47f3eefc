import { describeIssue, type IssueLike } from '../engine/issues.ts';

/** JSON safe to place inside a <script type="application/json"> element (no `</script>` can close it early). */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** What a page's script found in the data the page embedded: the data, checked, or why it is damaged. */
export type PageData<T> = { status: 'ok'; data: T } | { status: 'damaged'; reason: string };

/** A check of embedded data: a zod schema's `safeParse`, or a hand-written one with the same answer. */
export type PageDataCheck<T> = (
  data: unknown,
) => { success: true; data: T } | { success: false; error: { issues: readonly IssueLike[] } };

/**
 * Read the data a page wrote with `jsonForScript` into `script` (a `<script type="application/json">`)
 * and check it. Every page's client code starts this way, so a damaged page (a half-copied file, an
 * edited build) is caught before anything is shown.
 */
export function readPageData<T>(script: Element | null | undefined, check: PageDataCheck<T>): PageData<T> {
  let data: unknown;
  try {
    data = JSON.parse(script?.textContent ?? '');
  } catch {
    return { status: 'damaged', reason: 'the page data is missing or is not JSON' };
  }
  const checked = check(data);
  return checked.success
    ? { status: 'ok', data: checked.data }
    : { status: 'damaged', reason: describeIssue(checked.error, 'the page data') };
}

/** What a learner or instructor reads on a page whose data is damaged. */
const PAGE_DAMAGED =
  'This page is damaged and cannot start: reload it, and if it stays like this, ask whoever runs the site to rebuild it.';

/**
 * Tell the reader, in one sentence at the top of `root`, that the page cannot start (what the page
 * shows without JavaScript stays), and leave the reason in the console for whoever runs the site.
 */
function showDamaged(root: HTMLElement, reason: string): void {
  const notice = document.createElement('p');
  notice.className = 'notice';
  notice.setAttribute('role', 'alert');
  notice.textContent = PAGE_DAMAGED;
  root.prepend(notice);
  console.error(`The page could not start: ${reason}.`);
}

/**
 * How a page's client code starts: read and check the data the page embedded in `script`, then call
 * `start` with `root` and that data; a damaged page says so in `root` instead. Nothing happens without
 * a root (the page's markup is not there).
 */
export function startWithPageData<T>(
  root: HTMLElement | null,
  script: Element | null | undefined,
  check: PageDataCheck<T>,
  start: (root: HTMLElement, data: T) => unknown,
): void {
  if (!root) return;
  const page = readPageData(script, check);
  if (page.status === 'ok') start(root, page.data);
  else showDamaged(root, page.reason);
}
