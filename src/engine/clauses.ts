/**
 * Clause ids of M.P. 201.00 (see content/sop/mp-201-00.md) and the procedure's own words
 * for the seven empowerment questions. A unit test checks this list against the procedure file.
 */

/** Every clause id in the procedure, in document order. */
export const CLAUSE_IDS = [
  'purpose',
  'customer',
  'customer.recipient',
  'customer.related',
  'customer.encountered',
  'customer.members',
  'duty',
  'duty.respect',
  'duty.urgency',
  'duty.added-value',
  'duty.exceptional',
  'q.customer',
  'q.department',
  'q.legal',
  'q.safe',
  'q.level',
  'q.accountable',
  'q.policy',
  'empowered',
  'duty.image',
  'image.sop',
  'image.professional',
  'image.attention',
  'image.educate',
  'officer',
  'officer.environment',
  'officer.oriented',
  'officer.develop',
  'officer.authority',
  'officer.regional',
  'benefit',
  'benefit.lives',
  'benefit.trust-members',
  'benefit.trust-community',
  'benefit.resources',
  'benefit.satisfaction',
  'benefit.compete',
  'benefit.fun',
  'benefit.liability',
  'benefit.right',
] as const;

/** A clause id of the procedure, e.g. `duty.added-value` or `q.level`. */
export type ClauseId = (typeof CLAUSE_IDS)[number];

/** The seven empowerment questions, keyed as a `Decision` names them, in the procedure's order a–g. */
export const QUESTIONS = [
  { key: 'customer', letter: 'a', clause: 'q.customer' },
  { key: 'department', letter: 'b', clause: 'q.department' },
  { key: 'legal', letter: 'c', clause: 'q.legal' },
  { key: 'safe', letter: 'd', clause: 'q.safe' },
  { key: 'level', letter: 'e', clause: 'q.level' },
  { key: 'accountable', letter: 'f', clause: 'q.accountable' },
  { key: 'policy', letter: 'g', clause: 'q.policy' },
] as const satisfies readonly { key: string; letter: string; clause: ClauseId }[];

/**
 * The questions in the procedure's own words. Kept apart from QUESTIONS so that the player island,
 * which finds the words in the page, does not ship them twice.
 */
export const QUESTION_TEXT = {
  customer: 'Is it the right thing for the customer?',
  department: 'Is it the right thing for the department?',
  legal: 'Is it legal, ethical, and nice?',
  safe: 'Is it safe?',
  level: 'Is it on your organizational level?',
  accountable: 'Is it something you are willing to be accountable for?',
  policy: "Is it consistent with our department's values and policies?",
} as const;

/** Attribute name of one empowerment question on a `Decision` (`customer`, `department`, … `policy`). */
export type QuestionKey = (typeof QUESTIONS)[number]['key'];

/** The question keys in order a–g. */
export const QUESTION_KEYS: readonly QuestionKey[] = QUESTIONS.map((q) => q.key);

/** Responsibilities of every member, scored on choices. */
export const DUTY_IDS = ['duty.respect', 'duty.urgency', 'duty.added-value', 'duty.exceptional', 'duty.image'] as const;

/** Responsibilities of company and command officers, scored on choices in officer scenarios. */
export const OFFICER_IDS = [
  'officer.environment',
  'officer.oriented',
  'officer.develop',
  'officer.authority',
  'officer.regional',
] as const;

/** Customer kinds a scenario can name in its front matter. */
export const CUSTOMER_IDS = [
  'customer.recipient',
  'customer.related',
  'customer.encountered',
  'customer.members',
] as const;

/** Clauses a `Choice` may list in `trains`: the duties, the image items and the officer items. */
// Marked pure so that pages which never validate (the scenario player) drop the clause list.
export const TRAINABLE_IDS: readonly ClauseId[] = /* @__PURE__ */ CLAUSE_IDS.filter(
  (id) => id.startsWith('duty.') || id.startsWith('image.') || id.startsWith('officer.'),
);

/** Score dimension a trained clause counts toward: `image.*` items roll up into `duty.image`. */
export function dimensionOf(clause: ClauseId): string {
  return clause.startsWith('image.') ? 'duty.image' : clause;
}

/** The dimension that holds the points for making the right call (act / ask / decline). */
export const CALL_DIMENSION = 'call';

/** Every scoring dimension, in the order reports show them. */
export const DIMENSIONS: readonly string[] = [
  ...QUESTIONS.map((q) => q.clause),
  CALL_DIMENSION,
  ...DUTY_IDS,
  ...OFFICER_IDS,
];

/** True when `id` is one of the procedure's clause ids. */
export function isClauseId(id: string): id is ClauseId {
  return (CLAUSE_IDS as readonly string[]).includes(id);
}

/** Human name of a scoring dimension, for score cards and tables. */
export function dimensionLabel(dimension: string): string {
  const q = QUESTIONS.find((item) => item.clause === dimension);
  if (q) return `${q.letter}. ${QUESTION_TEXT[q.key]}`;
  return DIMENSION_NAMES[dimension] ?? dimension;
}

const DIMENSION_NAMES: Record<string, string> = {
  call: 'Making the right call (act, ask or decline)',
  'duty.respect': 'Respect, kindness, patience',
  'duty.urgency': 'Treating it as urgent',
  'duty.added-value': 'Added value',
  'duty.exceptional': 'Exceptional service',
  'duty.image': 'Positive public image',
  'officer.environment': 'An empowering work environment',
  'officer.oriented': 'Customer-oriented behavior',
  'officer.develop': 'Developing people',
  'officer.authority': 'Expanding authority in others',
  'officer.regional': 'Regional consistency',
};
