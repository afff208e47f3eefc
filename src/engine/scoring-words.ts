import { CALL_CREDIT, CALL_POINTS, creditOf } from './call-credit.ts';
import {
  CALL_DIMENSION,
  DIMENSIONS,
  QUESTIONS,
  questionOf,
  clauseLabel,
  dimensionOf,
  isClauseId,
  type ClauseId,
} from './clauses.ts';
import { CALLS, type Call, type Grade, type Scenario, type YesNo } from './model.ts';
import { CHOICE_POINTS, GRADE_POINTS, QUESTION_POINTS } from './score.ts';
import { splitTrains } from './validate.ts';
import { GRADES, YES_NO, YES_NO_LABELS } from './vocabulary.ts';

/**
 * The scoring rules in a learner's words, written into the scenario page at build time (the player
 * carries none of this prose). Every number comes from the scoring constants, never from the text.
 */

/** A choice's grade as a learner reads it. */
export const GRADE_WORDS: Readonly<Record<Grade, string>> = {
  best: 'Best choice',
  ok: 'Acceptable choice',
  poor: 'Poor choice',
};

/** "1 point", "3 points". */
export const pointsWord = (n: number): string => `${n} ${n === 1 ? 'point' : 'points'}`;

/**
 * How a choice was graded, in one sentence: "Best choice: 2 of 2 points for the part of the procedure
 * it practices (1. Respect)." A choice that practices several clauses earns its points on each.
 */
export function describeChoiceGrade(grade: Grade, trains: readonly ClauseId[]): string {
  const earned = GRADE_POINTS[grade];
  const each = `${earned} of ${pointsWord(CHOICE_POINTS)}`;
  const labels = trains.map(clauseLabel).join('; ');
  if (trains.length === 0) return `${GRADE_WORDS[grade]}. This choice is not scored.`;
  if (trains.length === 1)
    return `${GRADE_WORDS[grade]}: ${each} for the part of the procedure it practices (${labels}).`;
  return `${GRADE_WORDS[grade]}: ${each} for each part of the procedure it practices (${labels}), ${earned * trains.length} of ${CHOICE_POINTS * trains.length} in all.`;
}

/**
 * The grade line a choice's feedback opens with, from the attributes its author wrote (`grade`,
 * `trains`); none where the grade is not one of GRADES (the scenario check reports that).
 */
export function choiceGradeLine(grade: string | undefined, trains: string | undefined): string | undefined {
  return (GRADES as readonly (string | undefined)[]).includes(grade)
    ? describeChoiceGrade(grade as Grade, splitTrains(trains).filter(isClauseId))
    : undefined;
}

/**
 * How one empowerment question reads in the review, for either answer: matching the key or not, with
 * what the trainee said in each case (the key's answer on a match, the other one on a miss).
 */
export function describeQuestionResult(expected: YesNo): {
  right: string;
  wrong: string;
  saidRight: string;
  saidWrong: string;
} {
  return {
    right: `Matches the key: ${QUESTION_POINTS} of ${pointsWord(QUESTION_POINTS)}`,
    wrong: `The key says ${expected}: 0 of ${pointsWord(QUESTION_POINTS)}`,
    saidRight: YES_NO_LABELS[expected],
    saidWrong: YES_NO_LABELS[YES_NO.find((v) => v !== expected)!],
  };
}

const MADE: Record<Call, string> = { act: 'acting', ask: 'asking your officer', decline: 'declining' };
const BEST: Record<Call, string> = { act: 'to act', ask: 'to ask', decline: 'to decline' };

/**
 * "How scoring works", item by item, for the first decision and the debrief: the questions' points,
 * the call's points with every partial-credit cell of the call-credit table, the choices' points and
 * the pass mark.
 */
export function howScoringWorks(passingScore: number): string[] {
  const partial = CALLS.flatMap((best) =>
    CALLS.filter((made) => creditOf(CALL_CREDIT[best][made]) === 'partial').map(
      (made) => `${MADE[made]} earns ${CALL_CREDIT[best][made]} when the best call was ${BEST[best]}`,
    ),
  );
  return [
    `At a decision, each of the ${QUESTIONS.length} questions is worth ${pointsWord(QUESTION_POINTS)}. You earn it when your yes or no matches the key.`,
    `Your call (act, ask your officer, or decline) is worth ${pointsWord(CALL_POINTS)}. The best call earns all ${CALL_POINTS}. ` +
      (partial.length ? `Some calls earn part of them: ${partial.join('; ')}. ` : '') +
      'Any other call earns 0.',
    `A choice in the story earns ${GRADE_POINTS.best} points if it is the best choice, ${GRADE_POINTS.ok} if it is acceptable and ${GRADE_POINTS.poor} if it is poor, for each part of the procedure it practices.`,
    `Your score is the points you earned out of the points you could have earned on the steps you took, so a short path and a long path are both fair. You pass at ${passingScore}%.`,
  ];
}

/**
 * The decisions a learner can meet first: those some path from the start reaches without passing
 * another decision. "How scoring works" opens in these.
 */
export function firstDecisions(scenario: Scenario): string[] {
  const byId = new Map(scenario.steps.map((s) => [s.id, s]));
  const found = new Set<string>();
  const seen = new Set<string>();
  const queue = [scenario.frontmatter.start];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    const step = byId.get(id);
    if (!step || seen.has(id)) continue;
    seen.add(id);
    if (step.kind === 'decision') found.add(id);
    else if (step.kind === 'scene') queue.push(...step.choices.map((c) => c.to));
  }
  return scenario.steps.filter((s) => found.has(s.id)).map((s) => s.id);
}

/** The id of the place in a step's review that shows what earned a dimension's points. */
export function reviewAnchor(step: string, dimension: string): string {
  if (dimension === CALL_DIMENSION) return `${step}-review-call`;
  const question = questionOf(dimension);
  return question ? `${step}-review-${question.key}` : `${step}-title`;
}

/** One step that can score a dimension, and where its review shows it. */
export interface ScoreSource {
  step: string;
  title: string;
  anchor: string;
}

/**
 * For each scoring dimension, the steps that can earn its points, in the order they are written:
 * every decision for the questions and the call, and each scene whose choices practice a clause of it.
 */
export function scoreSources(scenario: Scenario): Record<string, ScoreSource[]> {
  const sources: Record<string, ScoreSource[]> = Object.fromEntries(DIMENSIONS.map((d) => [d, []]));
  for (const step of scenario.steps) {
    const dimensions =
      step.kind === 'decision'
        ? [...QUESTIONS.map((q) => q.clause), CALL_DIMENSION]
        : step.kind === 'scene'
          ? [...new Set(step.choices.flatMap((c) => c.trains.map(dimensionOf)))]
          : [];
    for (const dimension of dimensions)
      sources[dimension]?.push({ step: step.id, title: step.title, anchor: reviewAnchor(step.id, dimension) });
  }
  return sources;
}
