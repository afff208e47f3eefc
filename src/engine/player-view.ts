import type { DecisionDraft, PlayerContext } from './machine.ts';
import { currentStep, REVIEW } from './saved-snapshot.ts';
import type { EndingStep, Scenario, Step } from './model.ts';
import { reviewDecision, scoreAttempt, type Answer, type DecisionReview, type Score } from './score.ts';

/** What the player shows at a moment of play, derived from the machine's state alone. */
export type PlayerView =
  | { phase: 'answer'; step: Step; draft: DecisionDraft }
  | { phase: 'review'; step: Step; answer: Answer; decision: DecisionReview | undefined }
  | { phase: 'ending'; step: EndingStep; score: Score };

/** The parts of a machine snapshot that decide what shows. */
export interface ShownState {
  value: unknown;
  context: PlayerContext;
  hasTag(tag: string): boolean;
}

/**
 * Decide what the trainee sees: the current step waiting for an answer (with a decision's answers
 * so far), the feedback on the answer just given (a state tagged `review`), or the ending with the
 * score (an ending's state, and the finished state after it).
 */
export function describePlayerView(scenario: Scenario, snapshot: ShownState): PlayerView {
  const current = currentStep(snapshot);
  const { context } = snapshot;
  const step = scenario.steps.find((s) => s.id === current);
  if (!step) throw new Error(`No step "${current}" in scenario "${scenario.id}"`);
  const answer = context.answers.at(-1);
  if (snapshot.hasTag(REVIEW) && answer?.step === step.id) {
    const decision = step.kind === 'decision' && answer.kind === 'decision' ? reviewDecision(step, answer) : undefined;
    return { phase: 'review', step, answer, decision };
  }
  if (step.kind === 'ending') return { phase: 'ending', step, score: scoreAttempt(scenario, context.answers) };
  return { phase: 'answer', step, draft: context.draft };
}

/** One visited step in a debrief, with the last answer given there. */
export interface DebriefStep {
  step: Step;
  answer: Answer | undefined;
  decision: DecisionReview | undefined;
}

/**
 * What a debrief shows: each step the trainee visited (in the order first reached) with their last
 * answer there and, for decisions, that answer against the key; and the path as taken.
 */
export function describeDebrief(scenario: Scenario, context: PlayerContext): { path: Step[]; visited: DebriefStep[] } {
  const byId = new Map(scenario.steps.map((s) => [s.id, s]));
  const path = context.path.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  const visited = [...new Set(context.path)].flatMap((id) => {
    const step = byId.get(id);
    if (!step) return [];
    const answer = context.answers.findLast((a) => a.step === id);
    const decision = step.kind === 'decision' && answer?.kind === 'decision' ? reviewDecision(step, answer) : undefined;
    return [{ step, answer, decision }];
  });
  return { path, visited };
}
