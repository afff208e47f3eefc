import type { Call } from './model.ts';

/**
 * Value lists and labels of the scenario model that the player never needs at run time (validation,
 * result files, the drill and the instructors' pages do). Apart from model.ts so that the scenario
 * page, which loads model.ts, does not carry them; their types (Grade, Outcome, YesNo) are in model.ts.
 */

/** A list in words for a sentence: "best, ok or poor". */
export const oneOf = (items: readonly string[]): string =>
  items.length > 1 ? `${items.slice(0, -1).join(', ')} or ${items.at(-1)}` : (items[0] ?? '');

/** Choice grades, best to worst. */
export const GRADES = ['best', 'ok', 'poor'] as const;
/** Ending outcomes, best to worst. */
export const OUTCOMES = ['exemplary', 'adequate', 'poor'] as const;
/** An answer to one of the seven questions. */
export const YES_NO = ['yes', 'no'] as const;
/** The calls as the course names them to trainees. */
export const CALL_LABELS: Record<Call, string> = { act: 'Act', ask: 'Ask your officer', decline: 'Decline' };
