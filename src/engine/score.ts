import { CALL_DIMENSION, DIMENSIONS, QUESTIONS, dimensionOf, type QuestionKey } from './clauses.ts';
import { CALL_POINTS, SCORING_VERSION, callPoints, creditOf, type Credit, type ScoringVersion } from './call-credit.ts';
import type { Call, DecisionStep, Grade, Scenario, SceneStep, YesNo } from './model.ts';

/** The trainee picked choice `choice` (0-based, in document order) in scene `step`. */
export interface ChoiceAnswer {
  kind: 'choice';
  step: string;
  choice: number;
}

/** The trainee answered the seven questions at decision `step` and made a call. */
export interface DecisionAnswer {
  kind: 'decision';
  step: string;
  answers: Record<QuestionKey, YesNo>;
  call: Call;
}

export type Answer = ChoiceAnswer | DecisionAnswer;

/** Points earned and possible on one dimension. */
export interface DimensionScore {
  dimension: string;
  earned: number;
  possible: number;
  /** Whole percent, or null when nothing on this dimension was scored. */
  percent: number | null;
}

/** The score of an attempt: overall and per dimension, over the steps actually visited. */
export interface Score {
  earned: number;
  possible: number;
  percent: number;
  passed: boolean;
  byDimension: DimensionScore[];
}

/** One line of the score ledger. */
export interface LedgerEntry {
  dimension: string;
  earned: number;
  possible: number;
}

/** Points a choice earns on each clause it trains, by its grade. */
export const GRADE_POINTS: Readonly<Record<Grade, number>> = { best: 2, ok: 1, poor: 0 };
/** Points possible on each clause a choice trains (what a best choice earns). */
export const CHOICE_POINTS = 2;
/** Points for each empowerment question answered as the key says. */
export const QUESTION_POINTS = 1;

/**
 * The call the procedure asks for, given a decision's key: all yes -> act (don't ask permission);
 * the only "no" is organizational level -> ask the officer who holds that level; any other "no" -> decline.
 */
export function expectedCall(key: Record<QuestionKey, YesNo>): Call {
  const noes = QUESTIONS.filter((q) => key[q.key] === 'no').map((q) => q.key);
  if (noes.length === 0) return 'act';
  if (noes.length === 1 && noes[0] === 'level') return 'ask';
  return 'decline';
}

/** The questions (as q.* clause ids) that are "no" in at least one of a scenario's decisions: what it makes decisive. */
export function decisiveQuestions(scenario: Scenario): string[] {
  return QUESTIONS.filter((q) => scenario.steps.some((s) => s.kind === 'decision' && s.key[q.key] === 'no')).map(
    (q) => q.clause,
  );
}

/**
 * Ledger lines for one answer, under a scoring version (the current one by default; an older one
 * only to check results scored with it). Unknown steps or choices score nothing.
 */
export function scoreAnswer(
  scenario: Scenario,
  answer: Answer,
  version: ScoringVersion = SCORING_VERSION,
): LedgerEntry[] {
  const step = scenario.steps.find((s) => s.id === answer.step);
  if (answer.kind === 'choice') {
    if (step?.kind !== 'scene') return [];
    const choice = (step as SceneStep).choices[answer.choice];
    if (!choice) return [];
    return choice.trains.map((clause) => ({
      dimension: dimensionOf(clause),
      earned: GRADE_POINTS[choice.grade],
      possible: CHOICE_POINTS,
    }));
  }
  return step?.kind === 'decision' ? decisionLedger(step as DecisionStep, answer, version) : [];
}

/** Ledger lines for a decision answer: one per question, then the call (the one place a decision's points are counted). */
function decisionLedger(decision: DecisionStep, answer: DecisionAnswer, version: ScoringVersion): LedgerEntry[] {
  return [
    ...QUESTIONS.map((q) => ({
      dimension: q.clause,
      earned: answer.answers[q.key] === decision.key[q.key] ? QUESTION_POINTS : 0,
      possible: QUESTION_POINTS,
    })),
    {
      dimension: CALL_DIMENSION,
      earned: callPoints(expectedCall(decision.key), answer.call, version),
      possible: CALL_POINTS,
    },
  ];
}

const percentOf = (earned: number, possible: number) => (possible === 0 ? null : Math.round((earned / possible) * 100));

/**
 * Score a sequence of answers: earned over possible across every answer given (a revisited step
 * counts each time it is answered), overall and per dimension, and pass/fail against the scenario's
 * passing score.
 */
export function scoreAttempt(
  scenario: Scenario,
  answers: readonly Answer[],
  version: ScoringVersion = SCORING_VERSION,
): Score {
  const totals = new Map<string, { earned: number; possible: number }>();
  for (const answer of answers)
    for (const line of scoreAnswer(scenario, answer, version)) {
      const t = totals.get(line.dimension) ?? { earned: 0, possible: 0 };
      t.earned += line.earned;
      t.possible += line.possible;
      totals.set(line.dimension, t);
    }
  let earned = 0;
  let possible = 0;
  for (const t of totals.values()) {
    earned += t.earned;
    possible += t.possible;
  }
  const percent = percentOf(earned, possible) ?? 100;
  return {
    earned,
    possible,
    percent,
    passed: percent >= scenario.frontmatter.passingScore,
    byDimension: DIMENSIONS.filter((d) => totals.has(d)).map((dimension) => {
      const t = totals.get(dimension)!;
      return { dimension, ...t, percent: percentOf(t.earned, t.possible) };
    }),
  };
}

/** One question of a decision, side by side: what the trainee said and what the key says. */
export interface QuestionReview {
  key: QuestionKey;
  letter: string;
  clause: string;
  given: YesNo;
  expected: YesNo;
  correct: boolean;
}

/** A decision answer compared with its key, for feedback and debriefs. */
export interface DecisionReview {
  questions: QuestionReview[];
  call: Call;
  expectedCall: Call;
  /** True when the call is the one the key asks for (full credit). */
  callCorrect: boolean;
  /** Full, partial or no credit for the call, from the call-credit table (explained by call-reasons.ts). */
  callCredit: Credit;
  callEarned: number;
  callPossible: number;
  earned: number;
  possible: number;
}

/** Compare a decision answer with the decision's key. */
export function reviewDecision(step: DecisionStep, answer: DecisionAnswer): DecisionReview {
  const questions = QUESTIONS.map((q) => ({
    key: q.key,
    letter: q.letter,
    clause: q.clause,
    given: answer.answers[q.key],
    expected: step.key[q.key],
    correct: answer.answers[q.key] === step.key[q.key],
  }));
  const call = expectedCall(step.key);
  const lines = decisionLedger(step, answer, SCORING_VERSION);
  const { earned: points, possible: callPossible } = lines.at(-1)!;
  return {
    questions,
    call: answer.call,
    expectedCall: call,
    callCorrect: answer.call === call,
    callCredit: creditOf(points),
    callEarned: points,
    callPossible,
    earned: lines.reduce((t, l) => t + l.earned, 0),
    possible: lines.reduce((t, l) => t + l.possible, 0),
  };
}
