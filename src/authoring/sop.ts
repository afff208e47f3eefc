import { readFileSync } from 'node:fs';
import { markdownToHtml } from 'satteri';
import { clauseLabel } from '../engine/index.ts';

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

/** The procedure's source line ("Source: Phoenix Regional …, two pages."), shown above its text. */
export function procedureSource(markdown: string): string {
  const intro = markdown
    .split(/\n## /)[0]!
    .replace(/^# .*\n/, '')
    .replace(/\s+/g, ' ')
    .trim();
  return /^Source:.*?pages\./.exec(intro)?.[0] ?? '';
}

/**
 * The procedure's clauses as HTML for readers: the title and the note for authors before the first
 * clause are left out (the authoring guide explains the ids), and each `[id]` tag becomes a small "§"
 * link, the anchor feedback links to, that leads to `#trained-<id>` where the page lists what trains it.
 */
export function procedureHtml(markdown: string): string {
  const clauses = markdown.slice(markdown.indexOf('\n## ') + 1);
  const { html } = markdownToHtml(clauses);
  return html.replace(
    CLAUSE_TAG,
    (_, id: string) =>
      `<a class="clause-mark" id="${id}" href="#trained-${id}">§<span class="visually-hidden"> What trains ${clauseLabel(id)}</span></a>`,
  );
}
