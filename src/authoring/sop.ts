import { readFileSync } from 'node:fs';
import { markdownToHtml } from 'satteri';
import { clauseLabel, type Scenario } from '../engine/index.ts';

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

/** One row of "Where each clause is trained": the scenarios and lessons that train the clause. */
export interface TrainedRow {
  id: string;
  label: string;
  scenarios: { id: string; title: string }[];
  lessons: { id: string; title: string }[];
}

/**
 * The procedure page's table: for each clause of the procedure, in order, the scenarios that train it
 * (every clause a scenario trains, see clausesTrained) and the lessons whose `sop` lists it.
 */
export function trainedRows(
  markdown: string,
  scenarios: readonly { scenario: Scenario; clauses: readonly string[] }[],
  lessons: readonly { id: string; data: { title: string; sop: readonly string[] } }[],
): TrainedRow[] {
  return clausesOf(markdown).map(({ id }) => ({
    id,
    label: clauseLabel(id),
    scenarios: scenarios
      .filter((s) => s.clauses.includes(id))
      .map(({ scenario }) => ({ id: scenario.id, title: scenario.frontmatter.title })),
    lessons: lessons.filter((l) => l.data.sop.includes(id)).map((l) => ({ id: l.id, title: l.data.title })),
  }));
}
