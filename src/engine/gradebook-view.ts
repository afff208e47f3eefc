import * as z from 'zod/mini';
import { CALL_POINTS } from './call-credit.ts';
import { dimensionLabel, questionOf, QUESTIONS } from './clauses.ts';
import { CALLS, type Scenario } from './model.ts';
import { CALL_LABELS, questionShortLabel } from './vocabulary.ts';
import { GAP_BELOW, STRENGTH_DIMENSIONS, STRONG_FROM, scoreText, standing } from './progress.ts';
import { questionAnswersSchema, type ResultsFile } from './results-schema.ts';
import {
  addToClass,
  answersCsv,
  checkClass,
  classHeatmap,
  classRoster,
  decisionBreakdown,
  notHandedIn,
  otherSessionCodes,
  rosterCsv,
  type ClassCheck,
  type DecisionFacts,
  type Learner,
} from './gradebook.ts';
import { scoringKeyOf } from './verify.ts';
import { scoringKeySchema } from './scoring-key-schema.ts';

/**
 * What the instructor's gradebook shows, as one pure function of the class, the course and the
 * filters (`gradebookView`): every figure, sentence and sort order on the page comes from here, so
 * the Svelte components only render it.
 *
 * @example
 * const view = gradebookView(book, catalogue, DEFAULT_FILTER, Date.now());
 * view.roster.rows[0].cells[0].text; // "1 of 33"
 * view.heatmap.classRow?.cells[3].text; // "67%", the class average on d. safe
 */

/** What the page is built with: the course's scenarios with their decisions, the heat map's columns, and the scoring keys. */
export const gradebookCatalogueSchema = z.object({
  scenarios: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      decisions: z.array(z.object({ id: z.string(), title: z.string(), key: questionAnswersSchema })),
    }),
  ),
  /** The heat map's dimensions (questions, then responsibilities) with their names. */
  dimensions: z.array(z.object({ id: z.string(), label: z.string() })),
  keys: z.array(scoringKeySchema),
});
export type GradebookCatalogue = z.output<typeof gradebookCatalogueSchema>;

/** The catalogue of a course's validated scenarios, built into the gradebook page (no prose beyond titles). */
export function gradebookCatalogueOf(course: readonly { scenario: Scenario; hash: string }[]): GradebookCatalogue {
  return {
    scenarios: course.map(({ scenario }) => ({
      id: scenario.id,
      title: scenario.frontmatter.title,
      decisions: scenario.steps.flatMap((s) =>
        s.kind === 'decision' ? [{ id: s.id, title: s.title, key: s.key }] : [],
      ),
    })),
    dimensions: STRENGTH_DIMENSIONS.map((id) => ({ id, label: dimensionLabel(id) })),
    keys: course.map(({ scenario, hash }) => scoringKeyOf(scenario, hash)),
  };
}

/** One file the instructor dropped in, with what happened to it. */
export interface FileEntry {
  name: string;
  status: 'imported' | 'skipped';
  detail: string;
  flagged?: string;
}

/** The class as the gradebook keeps it (what the view needs of the stored record). */
export interface GradebookClass {
  sessionCode: string;
  classList: readonly string[];
  learners: readonly Learner[];
  files: readonly FileEntry[];
}

/** How the roster is sorted: by a column id (`name`, `passed`, `time`, `attempts`, `checks` or a scenario id). */
export interface RosterSort {
  column: string;
  descending: boolean;
}

/** What the instructor chose to see. */
export interface GradebookFilter {
  /** Part of a learner's name (case ignored). */
  learner: string;
  /** One scenario's id, or '' for all of them. */
  scenario: string;
  sort: RosterSort;
  /** The scenario of the decision breakdown as chosen; undefined: the one the most learners played. */
  breakdown?: string;
}

export const DEFAULT_FILTER: GradebookFilter = {
  learner: '',
  scenario: '',
  sort: { column: 'name', descending: false },
};

/** The sort after a column header is pressed: the same column flips; a new one starts high to low (names A to Z). */
export function nextSort(sort: RosterSort, column: string): RosterSort {
  return { column, descending: sort.column === column ? !sort.descending : column !== 'name' };
}

/** One table cell: its text, and marks the page styles (a pass, a flag, a heat band). */
export interface Cell {
  text: string;
  passed?: boolean;
  /** Words after the text that say an attempt did not verify (" ⚑ flagged"). */
  flag?: string;
  band?: ReturnType<typeof standing>;
}

/** A row of a table: the learner (or "Whole class") and a cell per column. */
export interface Row {
  key: string;
  name: string;
  memberId?: string;
  cells: Cell[];
}

/** A column header: its words, an optional longer title, and how it sorts the roster. */
export interface Column {
  id: string;
  label: string;
  title?: string;
  sorted?: 'ascending' | 'descending';
}

/** A table as printed: a caption, its own header row, the learner column first in every block. */
export interface TableBlock {
  caption: string;
  columns: Column[];
  rows: Row[];
}

/** How many scenario columns one printed roster block holds (a landscape Letter or A4 page). */
export const ROSTER_PRINT_COLUMNS = 7;

/** Everything the gradebook page shows. */
export interface GradebookView {
  files: { name: string; text: string; skipped: boolean; flag?: string }[];
  /** Said under the file list when a file was skipped. */
  skippedHint?: string;
  roster: { columns: Column[]; rows: Row[] };
  missing: string[];
  checks: { summary: string; learners: { name: string; lines: string[] }[] };
  heatmap: { columns: Column[]; classRow?: Row; rows: Row[]; legend: string };
  breakdown: { scenario: string; title: string; tables: BreakdownTable[] };
  /** The class summary as printed: every learner and every column, in blocks that fit a landscape page. */
  print: { title: string; roster: TableBlock[]; heatmap: TableBlock[] };
}

/** One decision of the debrief as a table. */
export interface BreakdownTable {
  caption: string;
  rows: { question: string; yes: string; no: string; key: string }[];
  call: { made: string; key: string };
  points: string;
}

const percentOf = (n: number, of: number) => (of ? `${Math.round((n / of) * 100)}%` : '—');
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const minutes = (seconds: number) => `${Math.round(seconds / 60)} min`;
const percentCell = (p: number | null): Cell => ({ text: p === null ? '—' : `${p}%`, band: standing(p) });

/** A heat map column's short heading: "d. safe" for a question, "added value" for a responsibility. */
export function heatColumnLabel(dimension: string): string {
  const q = questionOf(dimension);
  return q ? questionShortLabel(q) : dimension.replace(/^duty\./, '').replace(/-/g, ' ');
}

/** The heat map's colours in words. */
export const HEAT_LEGEND = `Below ${GAP_BELOW}%: a gap to work on. ${GAP_BELOW}–${STRONG_FROM - 1}%: fair. ${STRONG_FROM}% and above: strong.`;

/** The mean of the values that were scored, rounded; null when none was. */
export function classAverage(values: readonly (number | null)[]): number | null {
  const scored = values.filter((v): v is number => v !== null);
  return scored.length ? Math.round(scored.reduce((t, v) => t + v, 0) / scored.length) : null;
}

/** The scenario the most learners have played (the first listed on a tie or when nobody has played). */
export function mostPlayedScenario(scenarioIds: readonly string[], learners: readonly Learner[]): string {
  let best = scenarioIds[0] ?? '';
  let count = 0;
  for (const id of scenarioIds) {
    const n = learners.filter((l) => l.attempts.some((a) => a.scenario === id)).length;
    if (n > count) [best, count] = [id, n];
  }
  return best;
}

/** Attempts of a learner that did not verify, plus one for a flag on the learner (a shared member number). */
function flaggedCount(check: ClassCheck, key: string): number {
  const c = check.get(key);
  if (!c) return 0;
  return [...c.attempts.values()].filter((a) => !a.verified).length + (c.flags.length ? 1 : 0);
}

/** "2 of 3 attempts verified", with the learner's own flags after it. */
function checksText(check: ClassCheck, learner: Learner): string {
  const c = check.get(learner.key);
  const verified = c ? [...c.attempts.values()].filter((a) => a.verified).length : 0;
  const n = learner.attempts.length;
  const words = `${verified} of ${n} attempt${n === 1 ? '' : 's'} verified`;
  return c?.flags.length ? `${words}; ${c.flags.map((f) => f.message).join('; ')}` : words;
}

type Progress = ReturnType<typeof classRoster>[number];

/** The roster's columns for all scenarios or one. */
function rosterColumns(scenarios: GradebookCatalogue['scenarios'], only: string): Column[] {
  return only
    ? [
        { id: 'name', label: 'Learner' },
        { id: only, label: 'Best score (self-reported)' },
        { id: 'passed', label: 'Passed' },
        { id: 'attempts', label: 'Attempts' },
        { id: 'time', label: 'Time' },
        { id: 'checks', label: 'Checks' },
      ]
    : [
        { id: 'name', label: 'Learner' },
        { id: 'passed', label: 'Passed' },
        { id: 'time', label: 'Time' },
        { id: 'checks', label: 'Checks' },
        ...scenarios.map((s) => ({ id: s.id, label: s.title })),
      ];
}

/** What a roster column holds for one learner: text to show, and a value to sort by. */
function rosterValue(
  r: Progress,
  column: string,
  check: ClassCheck,
  only: string,
): { cell: Cell; sort: string | number } {
  const { learner, progress } = r;
  const passed = progress.filter((p) => p.status === 'passed').length;
  const seconds = progress.reduce((t, p) => t + p.seconds, 0);
  const attempts = progress.reduce((t, p) => t + p.attempts, 0);
  switch (column) {
    case 'name':
      return { cell: { text: learner.name }, sort: learner.name.toLowerCase() };
    case 'passed':
      return { cell: { text: only ? (passed ? 'yes' : 'no') : `${passed} of ${progress.length}` }, sort: passed };
    case 'time':
      return { cell: { text: minutes(seconds) }, sort: seconds };
    case 'attempts':
      return { cell: { text: String(attempts) }, sort: attempts };
    case 'checks':
      return { cell: { text: checksText(check, learner) }, sort: flaggedCount(check, learner.key) };
  }
  const p = progress.find((x) => x.scenario === column);
  if (!p?.best) return { cell: { text: '—' }, sort: -1 };
  const found = check.get(learner.key)?.attempts.get(p.best.id);
  const isPassed = p.status === 'passed';
  return {
    cell: {
      text: `${scoreText(p.best.percent, p.best.scoringVersion)}${isPassed ? ' ✓' : ''}`,
      ...(isPassed && !only ? { passed: true } : {}),
      ...(found && !found.verified ? { flag: '⚑ flagged' } : {}),
    },
    sort: p.best.percent,
  };
}

/** Sorted rows for the given columns. */
function rosterRows(
  roster: readonly Progress[],
  columns: readonly Column[],
  check: ClassCheck,
  only: string,
  sort: RosterSort,
): Row[] {
  const keys = new Map(roster.map((r) => [r, rosterValue(r, sort.column, check, only).sort]));
  const sorted = [...roster].sort((a, b) => {
    const x = keys.get(a)!;
    const y = keys.get(b)!;
    return (x < y ? -1 : x > y ? 1 : 0) * (sort.descending ? -1 : 1);
  });
  return sorted.map((r) => ({
    key: r.learner.key,
    name: r.learner.name,
    ...(r.learner.memberId ? { memberId: r.learner.memberId } : {}),
    cells: columns.slice(1).map((c) => rosterValue(r, c.id, check, only).cell),
  }));
}

/** The debrief of one scenario's decisions. */
function breakdownTables(
  decisions: readonly DecisionFacts[],
  scenario: string,
  learners: readonly Learner[],
  label: (dimension: string) => string,
) {
  return decisionBreakdown(scenario, decisions, learners).map((b, n): BreakdownTable => ({
    caption: `Decision ${n + 1}: ${b.decision.title} (${plural(b.answered, 'learner')} answered)`,
    rows: b.questions.map((q) => ({
      question: label(`q.${q.key}`),
      yes: `${q.yes} (${percentOf(q.yes, b.answered)})`,
      no: `${q.no} (${percentOf(q.no, b.answered)})`,
      key: q.expected,
    })),
    call: {
      made: CALLS.map(
        (c) =>
          `${CALL_LABELS[c]}: ${b.calls[c]} (${percentOf(b.calls[c], b.answered)}; ${b.credit[c]} of ${CALL_POINTS} points each)`,
      ).join('; '),
      key: CALL_LABELS[b.rightCall],
    },
    points: `${b.callEarned} of ${b.callPossible} (${percentOf(b.callEarned, b.callPossible)}), partial credit included`,
  }));
}

/** Split columns after the first into blocks of `size`, each block keeping the first column. */
function splitColumns(
  columns: readonly Column[],
  rows: readonly Row[],
  size: number,
  caption: (n: number, of: number) => string,
) {
  const [first, ...rest] = columns;
  const blocks: TableBlock[] = [];
  for (let i = 0; i < rest.length; i += size)
    blocks.push({
      caption: '',
      columns: [first!, ...rest.slice(i, i + size)],
      rows: rows.map((r) => ({ ...r, cells: r.cells.slice(i, i + size) })),
    });
  return blocks.map((b, n) => ({ ...b, caption: caption(n + 1, blocks.length) }));
}

/**
 * Everything the gradebook page shows for a class: file log, roster (filtered and sorted), who has
 * not handed in, what checking found, the heat map with the class average, the decision debrief,
 * and the class summary as printed. `now` dates the plausibility checks.
 */
export function gradebookView(
  book: GradebookClass,
  catalogue: GradebookCatalogue,
  filter: GradebookFilter,
  now: number,
): GradebookView {
  const keys = new Map(catalogue.keys.map((k) => [k.id, k]));
  const check = checkClass(book.learners, keys, { sessionCode: book.sessionCode, now });
  const names = new Map(catalogue.dimensions.map((d) => [d.id, d.label]));
  const label = (dimension: string) => names.get(dimension) ?? heatColumnLabel(dimension);
  const allIds = catalogue.scenarios.map((s) => s.id);
  const title = new Map(catalogue.scenarios.map((s) => [s.id, s.title]));
  const only = filter.scenario && title.has(filter.scenario) ? filter.scenario : '';
  const needle = filter.learner.trim().toLowerCase();

  const onScreen = classRoster(book.learners, only ? [only] : allIds, check).filter((r) =>
    r.learner.name.toLowerCase().includes(needle),
  );
  const columns = rosterColumns(catalogue.scenarios, only).map((c) =>
    c.id === filter.sort.column
      ? { ...c, sorted: filter.sort.descending ? ('descending' as const) : ('ascending' as const) }
      : c,
  );

  const checkLines = book.learners.flatMap((learner) => {
    const c = check.get(learner.key);
    if (!c) return [];
    const lines = [
      ...c.flags.map((f) => f.message),
      ...learner.attempts.flatMap((a) => {
        const found = c.attempts.get(a.id);
        if (!found || found.verified) return [];
        const which = `${title.get(a.scenario) ?? a.scenario}, finished ${a.finishedAt.slice(0, 10)}`;
        return found.flags.map((f) => `${which}: ${f.message}`);
      }),
    ];
    return lines.length ? [{ name: learner.name, lines }] : [];
  });
  const attempts = book.learners.reduce((t, l) => t + l.attempts.length, 0);
  const verified = [...check.values()].reduce(
    (t, c) => t + [...c.attempts.values()].filter((a) => a.verified).length,
    0,
  );

  const heat = classHeatmap(book.learners);
  const heatColumns: Column[] = [
    { id: 'name', label: 'Learner' },
    ...STRENGTH_DIMENSIONS.map((d) => ({ id: d, label: heatColumnLabel(d), title: label(d) })),
  ];
  const classRow: Row | undefined = heat.length
    ? {
        key: 'class',
        name: 'Whole class',
        cells: STRENGTH_DIMENSIONS.map((_, i) => percentCell(classAverage(heat.map((r) => r.cells[i] ?? null)))),
      }
    : undefined;
  const heatRows: Row[] = heat.map((r) => ({
    key: r.learner.key,
    name: r.learner.name,
    cells: r.cells.map(percentCell),
  }));

  const breakdown =
    filter.breakdown !== undefined && title.has(filter.breakdown)
      ? filter.breakdown
      : mostPlayedScenario(allIds, book.learners);

  const fullColumns = rosterColumns(catalogue.scenarios, '');
  const fullRows = rosterRows(classRoster(book.learners, allIds, check), fullColumns, check, '', DEFAULT_FILTER.sort);
  const facts = 4; // Passed, Time, Checks (and the learner)
  const scenarioBlocks = splitColumns(
    [fullColumns[0]!, ...fullColumns.slice(facts)],
    fullRows.map((r) => ({ ...r, cells: r.cells.slice(facts - 1) })),
    ROSTER_PRINT_COLUMNS,
    (n, of) => `Roster, best scores ${n} of ${of}`,
  );
  const heatBlocks = (rows: Row[]) =>
    splitColumns(heatColumns, rows, QUESTIONS.length, (n) =>
      n === 1 ? 'Percent of points by question' : 'Percent of points by responsibility',
    );

  return {
    files: book.files.map((f) => ({
      name: f.name,
      text: f.status === 'imported' ? f.detail : `skipped, ${f.detail}`,
      skipped: f.status === 'skipped',
      ...(f.flagged ? { flag: `Flag: ${f.flagged}` } : {}),
    })),
    ...(book.files.some((f) => f.status === 'skipped')
      ? {
          skippedHint:
            'For a skipped file, ask the learner to press “Hand in my results” on My progress again and send the new file.',
        }
      : {}),
    roster: { columns, rows: rosterRows(onScreen, columns, check, only, filter.sort) },
    missing: notHandedIn(book.classList, book.learners),
    checks: {
      summary: attempts
        ? `${verified} of ${attempts} attempts verified; ${plural(checkLines.length, 'learner')} with something to look at.`
        : 'No attempts yet.',
      learners: checkLines,
    },
    heatmap: { columns: heatColumns, ...(classRow ? { classRow } : {}), rows: heatRows, legend: HEAT_LEGEND },
    breakdown: {
      scenario: breakdown,
      title: title.get(breakdown) ?? '',
      tables: breakdownTables(decisionsOf(catalogue)[breakdown] ?? [], breakdown, book.learners, label),
    },
    print: {
      title: `Class summary${book.sessionCode ? `, session ${book.sessionCode}` : ''}, printed ${new Date(now).toISOString().slice(0, 10)}.`,
      roster: [
        {
          caption: 'Roster',
          columns: fullColumns.slice(0, facts),
          rows: fullRows.map((r) => ({ ...r, cells: r.cells.slice(0, facts - 1) })),
        },
        ...scenarioBlocks,
      ],
      heatmap: heatBlocks(classRow ? [classRow, ...heatRows] : heatRows),
    },
  };
}

/** A file as read: its results, or why it was skipped. */
export type FileReading = { name: string; file: ResultsFile } | { name: string; skipped: string };

/** Add files as read to the class: learners merged, each file logged with what it added and any other session code. */
export function addReadings<T extends GradebookClass>(book: T, readings: readonly FileReading[]): T {
  let next = book;
  for (const r of readings) {
    if (!('file' in r)) {
      next = { ...next, files: [...next.files, { name: r.name, status: 'skipped', detail: r.skipped }] };
      continue;
    }
    const others = otherSessionCodes(r.file, next.sessionCode);
    const { learners, added } = addToClass(next.learners, r.file, r.name);
    const entry: FileEntry = {
      name: r.name,
      status: 'imported',
      detail: `${r.file.trainee.name}, ${added ? `${plural(added, 'new attempt')}` : 'nothing new (already imported)'}`,
      ...(others.length ? { flagged: `session ${others.join(', ')}, not ${next.sessionCode}` } : {}),
    };
    next = { ...next, learners, files: [...next.files, entry] };
  }
  return next;
}

/** What an import did, in one sentence for the live region. */
export function importSummary(readings: readonly FileReading[], saved: boolean): string {
  if (!saved) return 'Nothing was imported: the saved gradebook could not be read.';
  const imported = readings.filter((r) => 'file' in r).length;
  return `${imported} of ${plural(readings.length, 'file')} imported.`;
}

/** Names of a class list as typed: one a line, blanks dropped. */
export function classListOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/** The roster CSV with what checking found (see rosterCsv), checked against the course's keys at `now`. */
export function checkedRosterCsv(book: GradebookClass, catalogue: GradebookCatalogue, now: number): string {
  const keys = new Map(catalogue.keys.map((k) => [k.id, k]));
  const check = checkClass(book.learners, keys, { sessionCode: book.sessionCode, now });
  return rosterCsv(book.learners, catalogue.scenarios, check);
}

/** Each scenario's decisions, by scenario id. */
function decisionsOf(catalogue: GradebookCatalogue): Record<string, DecisionFacts[]> {
  return Object.fromEntries(catalogue.scenarios.map((s) => [s.id, s.decisions]));
}

/** Every answer to every decision as CSV (see answersCsv). */
export function classAnswersCsv(book: GradebookClass, catalogue: GradebookCatalogue): string {
  return answersCsv(book.learners, decisionsOf(catalogue));
}

/** A download's name: the session code (or "class"), what it holds and the day, e.g. `ACAD-26-3-roster-2026-12-01.csv`. */
export function exportFileName(sessionCode: string, what: string, extension: string, now: number): string {
  const code = (sessionCode || 'class').replace(/[^\w-]+/g, '-');
  return `${code}-${what}-${new Date(now).toISOString().slice(0, 10)}.${extension}`;
}
