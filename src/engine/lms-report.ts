import { CALL_DIMENSION, QUESTIONS } from './clauses.ts';
import type { Scenario } from './model.ts';
import { expectedCall, scoreAnswer, scoreAttempt, type Answer } from './score.ts';

/** How an answer went, in the words both SCORM versions share (1.2 says `wrong` for `incorrect`). */
export type InteractionResult = 'correct' | 'incorrect' | 'neutral';

/** One interaction an LMS records: a scene choice, one of the seven questions, or a call. */
export interface LmsInteraction {
  /** `<step>.choice`, `<step>.<question key>` or `<step>.call`. */
  id: string;
  /** What the learner answered: `c0`, `c1`… for a choice, `yes`/`no`, or the call. */
  response: string;
  /** The answers that earn full credit. */
  correct: string[];
  result: InteractionResult;
  /** A line an LMS administrator can read in a report. */
  description: string;
}

const resultOf = (earned: number, possible: number): InteractionResult =>
  earned >= possible ? 'correct' : earned === 0 ? 'incorrect' : 'neutral';

/**
 * The interactions one answer produces: one per scene choice; for a decision, one per question and
 * one for the call. Results come from the engine's own scoring (scoreAnswer), never a copy of it.
 */
export function answerInteractions(scenario: Scenario, answer: Answer): LmsInteraction[] {
  const step = scenario.steps.find((s) => s.id === answer.step);
  const ledger = scoreAnswer(scenario, answer);
  const sum = (lines: typeof ledger) =>
    lines.reduce((t, l) => ({ earned: t.earned + l.earned, possible: t.possible + l.possible }), {
      earned: 0,
      possible: 0,
    });
  if (answer.kind === 'choice') {
    if (step?.kind !== 'scene') return [];
    const { earned, possible } = sum(ledger);
    // The choices that earn most, as the engine scores them.
    const worth = step.choices.map(
      (_, i) => sum(scoreAnswer(scenario, { kind: 'choice', step: step.id, choice: i })).earned,
    );
    const correct = worth.flatMap((w, i) => (w === Math.max(...worth) ? [`c${i}`] : []));
    return [
      {
        id: `${step.id}.choice`,
        response: `c${answer.choice}`,
        correct,
        result: possible === 0 ? 'neutral' : resultOf(earned, possible),
        description: `${step.title}: ${step.choices[answer.choice]?.label ?? `choice ${answer.choice + 1}`}`,
      },
    ];
  }
  if (step?.kind !== 'decision') return [];
  const line = (dimension: string) => sum(ledger.filter((l) => l.dimension === dimension));
  const call = line(CALL_DIMENSION);
  return [
    ...QUESTIONS.map((q) => {
      const { earned, possible } = line(q.clause);
      return {
        id: `${step.id}.${q.key}`,
        response: answer.answers[q.key],
        correct: [step.key[q.key]],
        result: resultOf(earned, possible),
        description: `${step.title}: question ${q.letter} (${q.key})`,
      };
    }),
    {
      id: `${step.id}.call`,
      response: answer.call,
      correct: [expectedCall(step.key)],
      result: resultOf(call.earned, call.possible),
      description: `${step.title}: the call`,
    },
  ];
}

/** The score an LMS records, on the 0–100 scale SCORM 1.2 requires, from the engine's scoreAttempt. */
export interface LmsScore {
  raw: number;
  min: 0;
  max: 100;
  /** raw / 100, so an LMS comparing it with the pass mark agrees with the course. */
  scaled: number;
  passed: boolean;
}

/** The LMS's view of a finished attempt's score. */
export function lmsScore(scenario: Scenario, answers: readonly Answer[]): LmsScore {
  const score = scoreAttempt(scenario, answers);
  return { raw: score.percent, min: 0, max: 100, scaled: score.percent / 100, passed: score.passed };
}
