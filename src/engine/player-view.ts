import type { PlayerContext } from './machine.ts';
import type { EndingStep, Scenario, Step } from './model.ts';
import { reviewDecision, scoreAttempt, type Answer, type DecisionReview, type Score } from './score.ts';

/** What the player shows at a moment of play, derived from the machine's state alone. */
export type PlayerView =
  | { phase: 'answer'; step: Step }
  | { phase: 'review'; step: Step; answer: Answer; decision: DecisionReview | undefined }
  | { phase: 'ending'; step: EndingStep; score: Score };

/**
 * Decide what the trainee sees: the current step waiting for an answer, the feedback on the answer
 * just given, or the ending with the score. `endingSeen` is true once the trainee has moved past
 * the last feedback onto the ending (the machine is final by then, so it is the player's flag).
 */
export function describePlayerView(
  scenario: Scenario,
  context: PlayerContext,
  current: string,
  endingSeen: boolean,
): PlayerView {
  const step = scenario.steps.find((s) => s.id === current);
  if (!step) throw new Error(`No step "${current}" in scenario "${scenario.id}"`);
  const answer = context.answers.at(-1);
  if (context.reviewing && answer && !(step.kind === 'ending' && endingSeen)) {
    const answered = scenario.steps.find((s) => s.id === answer.step) ?? step;
    const decision =
      answered.kind === 'decision' && answer.kind === 'decision' ? reviewDecision(answered, answer) : undefined;
    return { phase: 'review', step: answered, answer, decision };
  }
  if (step.kind === 'ending') return { phase: 'ending', step, score: scoreAttempt(scenario, context.answers) };
  return { phase: 'answer', step };
}
