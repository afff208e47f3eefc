import { DIMENSIONS } from './clauses.ts';
import type { ResultsFile } from './results-schema.ts';

/** Results and drill records as CSV for spreadsheets and records systems, defused against formulas. */

/**
 * Characters that make a spreadsheet read a cell as a formula when they start it (after any
 * whitespace, which spreadsheets skip): = + - @, and their full-width forms (U+FF1D, U+FF0B,
 * U+FF0D, U+FF20), which some spreadsheets fold to the ASCII ones.
 */
const FORMULA_START = /^[\s\u00a0\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r\n]/;

/**
 * One CSV field, quoted when needed, and defused against spreadsheet formulas: a value that starts
 * with a formula character (even after spaces or line breaks), a tab, a carriage return or a line
 * feed is prefixed with an apostrophe so it stays text. Plain numbers (-3, 1.5) are left as numbers.
 */
export function csvField(value: unknown): string {
  let text = value === undefined || value === null ? '' : String(value);
  const isNumber = typeof value === 'number' || /^-?\d+(\.\d+)?$/.test(text);
  if (!isNumber && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The byte-order mark that tells a spreadsheet on Windows the file is UTF-8 (accented names stay readable). */
export const CSV_BOM = '\ufeff';

/** Rows to CSV text: UTF-8 with a byte-order mark, CRLF line ends, as spreadsheets expect. */
export function toCsv(rows: readonly (readonly unknown[])[]): string {
  return CSV_BOM + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** A learner's results as CSV: one row per attempt, with the score on every dimension. */
export function resultsToCsv(file: ResultsFile): string {
  const header = [
    'name',
    'member_id',
    'session',
    'scenario',
    'title',
    'content_hash',
    'started',
    'finished',
    'seconds',
    'ending',
    'outcome',
    'percent',
    'passed',
    ...DIMENSIONS,
  ];
  const rows = file.attempts.map((a) => [
    file.trainee.name,
    file.trainee.memberId ?? '',
    a.sessionCode ?? file.trainee.sessionCode ?? '',
    a.scenario,
    a.title,
    a.contentHash,
    a.startedAt,
    a.finishedAt,
    a.seconds,
    a.ending,
    a.outcome,
    a.percent,
    a.passed ? 'yes' : 'no',
    ...DIMENSIONS.map((d) => {
      const s = a.byDimension.find((x) => x.dimension === d);
      return s ? `${s.earned}/${s.possible}` : '';
    }),
  ]);
  return toCsv([header, ...rows]);
}
