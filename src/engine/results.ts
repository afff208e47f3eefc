import { SCORING_VERSION, isScoringVersion, type ScoringVersion } from './call-credit.ts';
import { DIMENSIONS, DUTY_IDS, QUESTIONS } from './clauses.ts';
import type { AttemptRecord, ResultsFile } from './results-schema.ts';
import { describeDrillRecordStep, type DrillRecord } from './drill.ts';

export type { AttemptRecord, ResultsFile, Trainee } from './results-schema.ts';

/** The parts of a schema issue a message needs (zod's issues have these fields). */
interface IssueLike {
  path: readonly PropertyKey[];
  message: string;
  code?: string;
  expected?: unknown;
  values?: readonly unknown[];
  minimum?: unknown;
  maximum?: unknown;
}

/** Why a results file or record was not accepted, in one sentence naming the field and what was expected. */
export function describeIssue(error: { issues: readonly IssueLike[] }): string {
  const issue = error.issues[0];
  if (!issue) return 'it does not match the results format';
  const where = issue.path.length ? issue.path.map(String).join('.') : 'the file';
  const expected =
    issue.code === 'invalid_type'
      ? `expected ${issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'a record' : `a ${String(issue.expected)}`}`
      : issue.code === 'invalid_value'
        ? `expected ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(' or ')}`
        : issue.code === 'too_big'
          ? `expected at most ${String(issue.maximum)}`
          : issue.code === 'too_small'
            ? `expected at least ${String(issue.minimum)}`
            : issue.code === 'invalid_format'
              ? 'expected a date and time like 2026-11-26T09:30:00Z'
              : issue.message;
  return `${where}: ${expected}`;
}

/**
 * Merge attempts from two sources: the same attempt (same id) is kept once, and when both copies
 * exist the one finished later wins, so importing an old file never overwrites newer data.
 */
export function mergeAttempts(
  current: readonly AttemptRecord[],
  incoming: readonly AttemptRecord[],
): { attempts: AttemptRecord[]; taken: AttemptRecord[]; added: number; updated: number } {
  const byId = new Map(current.map((a) => [a.id, a]));
  const taken: AttemptRecord[] = [];
  let added = 0;
  let updated = 0;
  for (const attempt of incoming) {
    const existing = byId.get(attempt.id);
    if (existing && attempt.finishedAt <= existing.finishedAt) continue;
    if (existing) updated++;
    else added++;
    byId.set(attempt.id, attempt);
    taken.push(attempt);
  }
  const attempts = [...byId.values()].sort((a, b) => a.finishedAt.localeCompare(b.finishedAt));
  return { attempts, taken, added, updated };
}

/**
 * True when an attempt passed by its own numbers: it says so and its percent reaches its pass mark
 * (a file that says "passed" at 0 % does not pass).
 */
export function isPass(attempt: Pick<AttemptRecord, 'passed' | 'percent' | 'passingScore'>): boolean {
  return attempt.passed && attempt.percent >= attempt.passingScore;
}

/** One scenario's standing for a learner. */
export interface ScenarioProgress {
  scenario: string;
  status: 'not started' | 'in progress' | 'passed' | 'not passed';
  attempts: number;
  best?: AttemptRecord;
  latest?: AttemptRecord;
  /** Total seconds of play over every attempt. */
  seconds: number;
}

/** Each scenario's status, best and latest attempt and time spent. */
export function summarizeProgress(
  scenarioIds: readonly string[],
  attempts: readonly AttemptRecord[],
  inProgress: ReadonlySet<string> = new Set(),
): ScenarioProgress[] {
  return scenarioIds.map((scenario) => {
    const mine = attempts
      .filter((a) => a.scenario === scenario)
      .sort((a, b) => a.finishedAt.localeCompare(b.finishedAt));
    const best = mine.reduce<AttemptRecord | undefined>(
      (top, a) => (!top || a.percent > top.percent ? a : top),
      undefined,
    );
    const latest = mine.at(-1);
    const status = mine.some(isPass)
      ? 'passed'
      : inProgress.has(scenario)
        ? 'in progress'
        : mine.length
          ? 'not passed'
          : 'not started';
    return { scenario, status, attempts: mine.length, best, latest, seconds: mine.reduce((t, a) => t + a.seconds, 0) };
  });
}

/** Below this share of points a question or responsibility counts as a gap (progress chart, class heat map). */
export const GAP_BELOW = 70;
/** At or above this share it counts as a strength in the class heat map. */
export const STRONG_FROM = 85;

/** How a share of points reads: a gap, fair, strong, or not yet scored. */
export function standing(percent: number | null): 'none' | 'gap' | 'fair' | 'strong' {
  if (percent === null) return 'none';
  return percent < GAP_BELOW ? 'gap' : percent >= STRONG_FROM ? 'strong' : 'fair';
}

/** A learner's standing on one dimension (question or responsibility), over their latest attempt at each scenario. */
export interface Strength {
  dimension: string;
  earned: number;
  possible: number;
  percent: number | null;
}

/** The dimensions a learner's strengths and the class heat map show: the seven questions and the five responsibilities. */
export const STRENGTH_DIMENSIONS: readonly string[] = [...QUESTIONS.map((q) => q.clause), ...DUTY_IDS];

/** Strengths and gaps on the seven questions and the five responsibilities. */
export function strengthsOf(attempts: readonly AttemptRecord[]): Strength[] {
  const latest = new Map<string, AttemptRecord>();
  for (const a of [...attempts].sort((x, y) => x.finishedAt.localeCompare(y.finishedAt))) latest.set(a.scenario, a);
  return STRENGTH_DIMENSIONS.map((dimension) => {
    let earned = 0;
    let possible = 0;
    for (const a of latest.values())
      for (const d of a.byDimension)
        if (d.dimension === dimension) {
          earned += d.earned;
          possible += d.possible;
        }
    return { dimension, earned, possible, percent: possible ? Math.round((earned / possible) * 100) : null };
  });
}

/** Facts about a scenario that "try next" needs. */
export interface ScenarioFacts {
  id: string;
  title: string;
  /** Questions that are "no" in one of its decisions (q.* clause ids). */
  decisive: string[];
}

/** Suggest the scenario that trains the learner's weakest question and that they have not passed yet. */
export function suggestNext(
  strengths: readonly Strength[],
  scenarios: readonly ScenarioFacts[],
  progress: readonly ScenarioProgress[],
): { scenario: ScenarioFacts; because: string } | undefined {
  const passed = new Set(progress.filter((p) => p.status === 'passed').map((p) => p.scenario));
  const open = scenarios.filter((s) => !passed.has(s.id));
  const weakest = strengths
    .filter((s) => s.dimension.startsWith('q.') && s.percent !== null)
    .sort((a, b) => (a.percent ?? 0) - (b.percent ?? 0));
  for (const weak of weakest) {
    const match = open.find((s) => s.decisive.includes(weak.dimension));
    if (match) return { scenario: match, because: weak.dimension };
  }
  // Nothing played yet, or no scenario left for the weak question: the first one not passed.
  const first = open[0];
  return first ? { scenario: first, because: '' } : undefined;
}

/** The completion rule for the certificate: every scenario in `required` passed at its passing score. */
export interface CompletionRule {
  required: string[];
}

/** Whether the rule is met, with what is still missing. */
export function completionStatus(rule: CompletionRule, progress: readonly ScenarioProgress[]) {
  const passed = new Set(progress.filter((p) => p.status === 'passed').map((p) => p.scenario));
  const missing = rule.required.filter((id) => !passed.has(id));
  return { complete: missing.length === 0, missing };
}

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

/**
 * What the certificate lists: each required scenario with its best passing score and date, and the
 * time as continuing-education minutes and hours (each scenario's stated minutes, counted once).
 */
export function certificateFacts(
  rule: CompletionRule,
  progress: readonly ScenarioProgress[],
  scenarios: readonly { id: string; title: string; minutes: number }[],
) {
  const rows = rule.required.map((id) => {
    const p = progress.find((x) => x.scenario === id);
    const s = scenarios.find((x) => x.id === id);
    return {
      id,
      title: s?.title ?? id,
      percent: p?.best?.percent ?? 0,
      passedOn: p?.best?.finishedAt.slice(0, 10) ?? '',
      minutes: s?.minutes ?? 0,
    };
  });
  const minutes = rows.reduce((t, r) => t + r.minutes, 0);
  return { rows, minutes, hours: Math.round((minutes / 60) * 100) / 100 };
}

/** Drill records as CSV for a records system: one row per drill, with members, tallies and score by dimension. */
export function drillsToCsv(records: readonly DrillRecord[]): string {
  const header = [
    'date',
    'unit',
    'shift',
    'officer',
    'members',
    'scenario',
    'title',
    'procedure',
    'started',
    'ended',
    'duration_seconds',
    'ending',
    'percent',
    'passed',
    'tallies',
    'crew_steps',
    ...DIMENSIONS,
    'notes',
  ];
  const rows = records.map((r) => [
    r.setup.date,
    r.setup.unit,
    r.setup.shift,
    r.setup.officer,
    r.setup.members.map((m) => (m.memberId ? `${m.name} (${m.memberId})` : m.name)).join('; '),
    r.scenario,
    r.title,
    r.procedure,
    r.startedAt,
    r.endedAt,
    r.durationSeconds,
    r.ending,
    r.percent,
    r.passed ? 'yes' : 'no',
    r.tallies.map((t) => `${t.step}.${t.question}: ${t.yes} yes / ${t.no} no = ${t.answer}`).join('; '),
    (r.steps ?? [])
      .map((s) => {
        const row = describeDrillRecordStep(s);
        return `${s.step}: ${row.given} (key: ${row.key}; ${s.earned}/${s.possible})`;
      })
      .join(' | '),
    ...DIMENSIONS.map((d) => {
      const s = r.byDimension.find((x) => x.dimension === d);
      return s ? `${s.earned}/${s.possible}` : '';
    }),
    r.notes,
  ]);
  return toCsv([header, ...rows]);
}

/** What each scoring version did with the call, in a few words. */
export const SCORING_VERSION_NOTES: Readonly<Record<ScoringVersion, string>> = {
  1: 'all or nothing for the call',
  2: 'partial credit for the call',
};

/**
 * A score as a learner or instructor reads it: "72%", or, when it was given under another scoring
 * version than today's, "72% (scoring v1: all or nothing for the call)". A missing version is 1.
 */
export function scoreText(percent: number, version: number | undefined): string {
  const v = version ?? 1;
  if (v === SCORING_VERSION) return `${percent}%`;
  return `${percent}% (scoring v${v}${isScoringVersion(v) ? `: ${SCORING_VERSION_NOTES[v]}` : ''})`;
}
