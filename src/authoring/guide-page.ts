import { readFileSync } from 'node:fs';
import { markdownToHtml } from 'satteri';

/**
 * The authoring guide as the site shows it. The guide is plain Markdown so it reads well on GitHub too.
 * Code blocks and tables scroll sideways on phones, in regions a keyboard user can reach and a screen
 * reader names (each name unique on the page).
 */
export function authoringGuideHtml(markdown = readFileSync('content/authoring-guide.md', 'utf8')): string {
  const { html } = markdownToHtml(markdown);
  let examples = 0;
  let tables = 0;
  return html
    .replace(/<pre>/g, () => `<pre tabindex="0" role="region" aria-label="Example ${++examples} (scrolls sideways)">`)
    .replace(
      /<table>/g,
      () => `<div class="table-scroll" tabindex="0" role="region" aria-label="Table ${++tables} of the guide"><table>`,
    )
    .replaceAll('</table>', '</table></div>');
}
