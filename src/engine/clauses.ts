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

/**
 * The clauses a scenario trains and the course counts (the coverage table's rows, the course's coverage
 * targets, the "sop" check): the customer kinds, the seven questions and what a choice may train. Not
 * the headings, "empowered" or the benefits, which no step trains. In document order.
 */
export const COVERED_CLAUSES: readonly ClauseId[] = /* @__PURE__ */ CLAUSE_IDS.filter(
  (id) =>
    (CUSTOMER_IDS as readonly string[]).includes(id) ||
    QUESTIONS.some((q) => q.clause === id) ||
    TRAINABLE_IDS.includes(id),
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

/** One of the seven questions by its attribute name (`customer` … `policy`) or its clause id (`q.customer`), or undefined. */
export function questionOf(keyOrClause: string): (typeof QUESTIONS)[number] | undefined {
  return QUESTIONS.find((q) => q.key === keyOrClause || q.clause === keyOrClause);
}

/** True when `id` is one of the procedure's clause ids. */
export function isClauseId(id: string): id is ClauseId {
  return (CLAUSE_IDS as readonly string[]).includes(id);
}

/**
 * Human name of a scoring dimension, for score cards and tables, numbered as the procedure numbers it
 * ("4 a. Is it the right thing for the customer?", "1. Respect, kindness, patience").
 */
export function dimensionLabel(dimension: string): string {
  const q = questionOf(dimension);
  const name = q ? QUESTION_TEXT[q.key] : (DIMENSION_NAMES[dimension] ?? dimension);
  const number = isClauseId(dimension) ? clauseNumber(dimension) : '';
  return number ? `${number}. ${name}` : name;
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

/**
 * Each clause's short name as a reader would say it. The numbers and letters are not kept here:
 * `clauseNumber` derives them from the procedure's structure (the lists above), so there is one home
 * for each fact. A unit test checks the derived numbering against content/sop/mp-201-00.md.
 */
const CLAUSE_NAMES: Record<ClauseId, string> = {
  purpose: 'Purpose',
  customer: 'Who the customer is',
  'customer.recipient': 'Customer: the person we serve',
  'customer.related': 'Customer: family, friends, neighbors',
  'customer.encountered': 'Customer: people we meet on the job',
  'customer.members': 'Customer: our own members',
  duty: 'Every member’s responsibilities',
  'duty.respect': 'Respect',
  'duty.urgency': 'Urgency',
  'duty.added-value': 'Added value',
  'duty.exceptional': 'Exceptional service',
  'q.customer': 'Right for the customer?',
  'q.department': 'Right for the department?',
  'q.legal': 'Legal, ethical, and nice?',
  'q.safe': 'Safe?',
  'q.level': 'On your organizational level?',
  'q.accountable': 'Willing to be accountable?',
  'q.policy': 'Consistent with values and policies?',
  empowered: 'All yes: don’t ask permission',
  'duty.image': 'Positive public image',
  'image.sop': 'Follow the procedures',
  'image.professional': 'Professional at all times',
  'image.attention': 'Undivided attention',
  'image.educate': 'Educate the customer',
  officer: 'Officers’ responsibilities',
  'officer.environment': 'Empowering environment',
  'officer.oriented': 'Customer-oriented behavior',
  'officer.develop': 'Develop people',
  'officer.authority': 'Expand authority in others',
  'officer.regional': 'Regional consistency',
  benefit: 'Why it matters',
  'benefit.lives': 'Why it matters: saves lives and property',
  'benefit.trust-members': 'Why it matters: trust among members',
  'benefit.trust-community': 'Why it matters: trust in the community',
  'benefit.resources': 'Why it matters: resources',
  'benefit.satisfaction': 'Why it matters: job satisfaction',
  'benefit.compete': 'Why it matters: ready to compete',
  'benefit.fun': 'Why it matters: it’s fun',
  'benefit.liability': 'Why it matters: less liability',
  'benefit.right': 'Why it matters: the right thing to do',
};

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
// Pure: a page that never numbers a clause drops this (and the id list it reads) from its bundle.
const IMAGE_IDS = /* @__PURE__ */ CLAUSE_IDS.filter((id) => id.startsWith('image.'));

/**
 * The procedure's own number for a clause: `4 a` for `q.customer`, `2` for `duty.urgency`, `5 c` for
 * `image.attention`, `Officer 3` for `officer.develop`; empty for clauses the procedure does not number.
 */
export function clauseNumber(id: string): string {
  const duty = (DUTY_IDS as readonly string[]).indexOf(id);
  if (duty >= 0) return String(duty + 1);
  const exceptional = DUTY_IDS.indexOf('duty.exceptional') + 1;
  const question = questionOf(id);
  if (question) return `${exceptional} ${question.letter}`;
  if (id === 'empowered') return String(exceptional);
  const image = (IMAGE_IDS as readonly string[]).indexOf(id);
  if (image >= 0) return `${DUTY_IDS.indexOf('duty.image') + 1} ${LETTERS[image]}`;
  const officer = (OFFICER_IDS as readonly string[]).indexOf(id);
  if (officer >= 0) return `Officer ${officer + 1}`;
  return '';
}

/**
 * A clause as a reader sees it: the procedure's numbering and a short name, e.g.
 * `clauseLabel('q.customer')` is "4 a. Right for the customer?", `clauseLabel('officer.develop')` is
 * "Officer 3. Develop people". Use it wherever a learner would otherwise read a clause id; an id the
 * procedure does not have comes back unchanged.
 */
export function clauseLabel(id: string): string {
  if (!isClauseId(id)) return id;
  const number = clauseNumber(id);
  return number ? `${number}. ${CLAUSE_NAMES[id]}` : CLAUSE_NAMES[id];
}

const CLAUSE_MENTION = /\b(?:customer|duty|q|image|officer|benefit)\.[a-z]+(?:-[a-z]+)*\b/g;

/**
 * Prose with every clause id it cites (e.g. "(duty.respect, image.attention)") replaced by the
 * clause's label, for feedback and debriefs written with ids. Only text is touched: pass text, not
 * markup (see `plainClausesInHtml` for HTML).
 */
export function plainClauses(text: string): string {
  return text.replace(CLAUSE_MENTION, (id) => (isClauseId(id) ? clauseLabel(id) : id));
}

/** `plainClauses` applied to the text of an HTML fragment, leaving tags and attributes as they are. */
export function plainClausesInHtml(html: string): string {
  return html
    .split(/(<[^>]*>)/)
    .map((part) => (part.startsWith('<') ? part : plainClauses(part)))
    .join('');
}
