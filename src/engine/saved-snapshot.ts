import { FINISHED, type Call } from './model.ts';
import type { Answer } from './score.ts';

/**
 * The names a persisted scenario snapshot uses, how to read one, and the migration of older ones. Apart from
 * machine.ts (which imports XState) because the storage layer needs them on every page that reads
 * saved attempts, and XState must not follow it there.
 */

/** The tag of every state that shows the feedback on the answer just given. */
export const REVIEW = 'review';

/** The name of the substate, inside the answered step, that shows the feedback on `answer`. */
export const reviewState = (answer: { choice: number } | { call: Call }): string =>
  'choice' in answer ? `choice-${answer.choice}` : `call-${answer.call}`;

/**
 * Id of the step on screen, from a snapshot or a persisted one: the step answered while its feedback
 * shows, the ending once finished.
 */
export function currentStep(snapshot: { value: unknown; context: { path: readonly string[] } }): string {
  const { value } = snapshot;
  if (value === FINISHED) return snapshot.context.path.at(-1) ?? '';
  return typeof value === 'string' ? value : Object.keys(value as object)[0]!;
}

/**
 * Bring a snapshot persisted before modes were states (storage version 3) to this machine, or
 * undefined when it is not one. Then every step was a flat state; `reviewing` in the context said
 * that the last answer's feedback was showing while the machine already stood in the next step (so
 * that step was already on the path); and an ending was final at once, whether or not it had been
 * seen: a finished attempt reopens finished.
 */
export function migrateSnapshot(saved: unknown): unknown {
  const old = saved as { status?: unknown; value?: unknown; context?: Record<string, unknown> } | null;
  const { reviewing, ...context } = old?.context ?? {};
  const { path, answers } = context as { path?: string[]; answers?: Answer[] };
  if (typeof old?.value !== 'string' || !Array.isArray(path) || !Array.isArray(answers)) return undefined;
  const last = answers.at(-1);
  const review = old.status !== 'done' && !!reviewing && last;
  return {
    ...old,
    context: { ...context, draft: {}, path: review ? path.slice(0, -1) : path },
    value:
      old.status === 'done' ? FINISHED : review ? { [review.step]: reviewState(review) } : { [old.value]: 'answer' },
  };
}
