import { SCORING_VERSION } from './call-credit.ts';
import { QUESTIONS, type QuestionKey } from './clauses.ts';
import type { Scenario, Step, YesNo } from './model.ts';
import type { Answer, Score } from './score.ts';

/**
 * The officer-led drill: how a step is walked through on the station TV, how a crew's show of hands
 * becomes the group's answer, and the training record the drill leaves behind.
 */

/** True when a scenario is written for company drills (it gets a drill view and a facilitator guide). */
export function isDrillSuitable(scenario: Scenario): boolean {
  return scenario.frontmatter.audiences.includes('drill');
}

/** A crew's show of hands on one question; `consensus` is set when the officer records agreement directly. */
export interface Tally {
  yes: number;
  no: number;
  consensus?: YesNo;
}

/** The group's answer: the officer's recorded consensus, else the majority of the tally; a tie has no answer yet. */
export function groupAnswer(tally: Tally | undefined): YesNo | undefined {
  if (!tally) return undefined;
  if (tally.consensus) return tally.consensus;
  if (tally.yes > tally.no) return 'yes';
  if (tally.no > tally.yes) return 'no';
  return undefined;
}

/** One stop in the walk-through of a step, as presenter keys move through it. */
export type DrillStage =
  | { kind: 'narrative' }
  | { kind: 'choose' }
  | { kind: 'action' }
  | { kind: 'question'; question: QuestionKey }
  | { kind: 'call' }
  | { kind: 'ending' };

/** The stages of a step in order: a scene is read, then chosen; a decision is read, its action shown, each question asked, then the call. */
export function drillStages(step: Step): DrillStage[] {
  if (step.kind === 'scene') return [{ kind: 'narrative' }, { kind: 'choose' }];
  if (step.kind === 'ending') return [{ kind: 'ending' }];
  return [
    { kind: 'narrative' },
    { kind: 'action' },
    ...QUESTIONS.map((q) => ({ kind: 'question' as const, question: q.key })),
    { kind: 'call' },
  ];
}

/** A crew member present at a drill. */
export interface CrewMember {
  name: string;
  memberId?: string;
}

/** The details the officer enters before starting. */
export interface DrillSetup {
  unit: string;
  shift: string;
  date: string;
  officer: string;
  members: CrewMember[];
}

/**
 * Read the members box: one person per line, optionally "Name, member number". Blank lines are skipped.
 */
export function parseMembers(text: string): CrewMember[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [name, memberId] = line.split(/\s*[,;]\s*/, 2);
      return memberId ? { name: name!, memberId } : { name: name! };
    });
}

/** What is missing from the setup before the drill can start, one item per problem; empty when ready. */
export function setupProblems(setup: DrillSetup): string[] {
  const problems: string[] = [];
  if (!setup.unit.trim()) problems.push('the unit or company');
  if (!setup.officer.trim()) problems.push("the officer's name");
  if (!/^\d{4}-\d{2}-\d{2}$/.test(setup.date)) problems.push('the date');
  if (setup.members.length === 0) problems.push('at least one member present');
  return problems;
}

/** The record of one drill, kept for the department's training files. */
export interface DrillRecord {
  id: string;
  scenario: string;
  title: string;
  contentHash: string;
  procedure: string;
  setup: DrillSetup;
  startedAt: string;
  endedAt: string;
  durationSeconds: number;
  path: string[];
  answers: Answer[];
  /** The crew's tallies, per decision and question, in the order asked. */
  tallies: { step: string; question: QuestionKey; yes: number; no: number; answer: YesNo }[];
  ending: string;
  percent: number;
  passed: boolean;
  byDimension: { dimension: string; earned: number; possible: number }[];
  notes: string;
  /** The scoring rules the score was given under (see SCORING_VERSION); absent in records made before version 2. */
  scoringVersion?: number;
}

/** The procedure and revision a drill record names. */
export const PROCEDURE = 'Phoenix Regional M.P. 201.00 Customer Service Management (rev. 10/15-R, 06/20-SR)';

/** Build a drill record from the drill's play and the engine's score. */
export function buildDrillRecord(
  input: Omit<
    DrillRecord,
    'procedure' | 'durationSeconds' | 'percent' | 'passed' | 'byDimension' | 'ending' | 'scoringVersion'
  >,
  score: Score,
): DrillRecord {
  return {
    ...input,
    procedure: PROCEDURE,
    durationSeconds: Math.max(0, Math.round((Date.parse(input.endedAt) - Date.parse(input.startedAt)) / 1000)),
    ending: input.path.at(-1) ?? '',
    percent: score.percent,
    passed: score.passed,
    byDimension: score.byDimension.map(({ dimension, earned, possible }) => ({ dimension, earned, possible })),
    scoringVersion: SCORING_VERSION,
  };
}

/** "1 h 05 min" / "23 min 40 s" for a duration. */
export function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.floor(seconds % 60);
  if (h) return `${h} h ${String(m).padStart(2, '0')} min`;
  return `${m} min ${String(s).padStart(2, '0')} s`;
}
