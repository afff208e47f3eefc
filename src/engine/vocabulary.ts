import type { CUSTOMER_IDS } from './clauses.ts';
import type { Audience, Call, Outcome, YesNo } from './model.ts';

type CustomerId = (typeof CUSTOMER_IDS)[number];

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

/** Audience names as the catalogue shows them. */
export const AUDIENCE_NAMES: Record<Audience, string> = {
  recruit: 'Recruit academy',
  ce: 'Continuing education',
  drill: 'Company drill',
  officer: 'Officers',
};

/** Customer kinds as the catalogue shows them. */
export const CUSTOMER_NAMES: Record<CustomerId, string> = {
  'customer.recipient': 'The person we serve',
  'customer.related': 'Family, friends, neighbors',
  'customer.encountered': 'People we meet on the job',
  'customer.members': 'Our own members',
};

/** A key's answer as a review table shows it. */
export const YES_NO_LABELS: Record<YesNo, string> = { yes: 'Yes', no: 'No' };

/** An ending's outcome as its page shows it. */
export const OUTCOME_LABELS: Record<Outcome, string> = {
  exemplary: 'Exemplary outcome',
  adequate: 'Adequate outcome',
  poor: 'Poor outcome',
};

/** A question's short label for a narrow column or a tally row: "d. safe". */
export function questionShortLabel(question: { letter: string; key: string }): string {
  return `${question.letter}. ${question.key}`;
}

/** A choice's letter in the printed facilitator guide and on the map: A, B, C … by its index. */
export function choiceLetter(index: number): string {
  return String.fromCharCode(65 + index);
}
