import type * as z from 'zod/mini';
import { SCORING_VERSION } from './call-credit.ts';
import { QUESTIONS, questionOf, type QuestionKey } from './clauses.ts';
import type { Grade, Scenario, YesNo } from './model.ts';
import { CALL_LABELS } from './vocabulary.ts';
import type { crewMemberSchema, drillRecordSchema, drillRecordStepSchema, drillSetupSchema } from './results-schema.ts';
import { expectedCall, scoreAnswer, type Answer, type Score } from './score.ts';

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

/** A crew member present at a drill. */
export type CrewMember = z.infer<typeof crewMemberSchema>;

/** The details the officer enters before starting. */
export type DrillSetup = z.infer<typeof drillSetupSchema>;

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

/** The record of one drill, kept for the department's training files (inferred from its schema). */
export type DrillRecord = z.infer<typeof drillRecordSchema>;

/** One answered step of a drill, as the record shows it: the crew's choice or call, the key and the points. */
export type DrillRecordStep = z.infer<typeof drillRecordStepSchema>;

/** The record's per-step rows: what the crew chose or decided at each answered step, with the points it earned. */
export function describeDrillSteps(scenario: Scenario, answers: readonly Answer[]): DrillRecordStep[] {
  return answers.flatMap((answer): DrillRecordStep[] => {
    const step = scenario.steps.find((s) => s.id === answer.step);
    if (!step) return [];
    const ledger = scoreAnswer(scenario, answer);
    const points = {
      earned: ledger.reduce((t, l) => t + l.earned, 0),
      possible: ledger.reduce((t, l) => t + l.possible, 0),
    };
    if (answer.kind === 'choice' && step.kind === 'scene') {
      const choice = step.choices[answer.choice];
      if (!choice) return [];
      return [
        {
          step: step.id,
          title: step.title,
          choice: { number: answer.choice + 1, label: choice.label, grade: choice.grade },
          ...points,
        },
      ];
    }
    if (answer.kind === 'decision' && step.kind === 'decision')
      return [
        {
          step: step.id,
          title: step.title,
          call: answer.call,
          expectedCall: expectedCall(step.key),
          questions: QUESTIONS.map((q) => ({ question: q.key, answer: answer.answers[q.key], key: step.key[q.key] })),
          ...points,
        },
      ];
    return [];
  });
}

const GRADE_WORDS: Record<Grade, string> = { best: 'best choice', ok: 'acceptable choice', poor: 'poor choice' };

/** One record row in words: what the crew gave ("2. Call his daughter" / "Decline; answered no to d, e") and what the key says. */
export function describeDrillRecordStep(step: DrillRecordStep): { given: string; key: string } {
  if (step.choice) return { given: `${step.choice.number}. ${step.choice.label}`, key: GRADE_WORDS[step.choice.grade] };
  const noes = (list: readonly { question: QuestionKey; value: YesNo }[]) => {
    const letters = list.filter((q) => q.value === 'no').map((q) => questionOf(q.question)!.letter);
    return letters.length ? `no to ${letters.join(', ')}` : 'yes to all seven';
  };
  const questions = step.questions ?? [];
  return {
    given: `${CALL_LABELS[step.call ?? 'act']}; ${noes(questions.map((q) => ({ question: q.question, value: q.answer })))}`,
    key: `${CALL_LABELS[step.expectedCall ?? 'act']}; ${noes(questions.map((q) => ({ question: q.question, value: q.key })))}`,
  };
}

/** The procedure and revision a drill record names. */
export const PROCEDURE = 'Phoenix Regional M.P. 201.00 Customer Service Management (rev. 10/15-R, 06/20-SR)';

/** Build a drill record from the drill's play and the engine's score (with per-step rows when the scenario is given). */
export function buildDrillRecord(
  input: Omit<
    DrillRecord,
    'procedure' | 'durationSeconds' | 'percent' | 'passed' | 'byDimension' | 'ending' | 'scoringVersion' | 'steps'
  >,
  score: Score,
  scenario?: Scenario,
): DrillRecord {
  return {
    ...input,
    ...(scenario ? { steps: describeDrillSteps(scenario, input.answers) } : {}),
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

/**
 * A drill as a records system imports training: one row per member present, with the date, unit,
 * officer, topic, procedure, start and end, hours, and the crew's group score.
 */
export function drillRosterRows(record: DrillRecord): (string | number)[][] {
  const header = [
    'date',
    'member_name',
    'member_id',
    'unit',
    'shift',
    'instructor',
    'course',
    'procedure',
    'started',
    'ended',
    'hours',
    'group_score_percent',
    'passed',
    'record_id',
  ];
  const hours = Math.round((record.durationSeconds / 3600) * 100) / 100;
  return [
    header,
    ...record.setup.members.map((m) => [
      record.setup.date,
      m.name,
      m.memberId ?? '',
      record.setup.unit,
      record.setup.shift,
      record.setup.officer,
      `Drill: ${record.title}`,
      record.procedure,
      record.startedAt,
      record.endedAt,
      hours,
      record.percent,
      record.passed ? 'yes' : 'no',
      record.id,
    ]),
  ];
}
