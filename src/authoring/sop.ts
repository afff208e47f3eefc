import { readFileSync } from 'node:fs';
import { markdownToHtml } from 'satteri';

/** A clause of the procedure as written in content/sop/mp-201-00.md. */
export interface Clause {
  id: string;
  line: number;
}

const CLAUSE_TAG = /\[([a-z]+(?:\.[a-z-]+)?)\]/g;

/** Read the procedure file. */
export function readProcedure(file = 'content/sop/mp-201-00.md'): string {
  return readFileSync(file, 'utf8');
}

/** Clause ids in document order, from their `[id]` tags. */
export function clausesOf(markdown: string): Clause[] {
  const clauses: Clause[] = [];
  markdown.split('\n').forEach((text, index) => {
    for (const match of text.matchAll(CLAUSE_TAG)) clauses.push({ id: match[1]!, line: index + 1 });
  });
  return clauses;
}

/**
 * The procedure as HTML, each `[id]` tag turned into an anchor that feedback can link to. The tag
 * itself links to `#trained-<id>`, where the page lists what trains that clause.
 */
export function procedureHtml(markdown: string): string {
  const { html } = markdownToHtml(markdown.replace(/^# .*\n/, ''));
  return html.replace(
    CLAUSE_TAG,
    (_, id: string) => `<a class="clause-id" id="${id}" href="#trained-${id}" title="What trains ${id}">${id}</a>`,
  );
}
