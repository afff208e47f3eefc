import { z } from 'zod';
import { CLAUSE_IDS, CUSTOMER_IDS } from './clauses.ts';
import { AUDIENCES } from './model.ts';
import { describeValue } from './issues.ts';

const listOf = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.array(
    z.enum(values, {
      error: (issue) => `expected ${what} (${values.join(', ')}) but found ${JSON.stringify(issue.input)}`,
    }),
    { error: (issue) => `expected a list like [${values[0]}] but found ${describeValue(issue.input)}` },
  );

/**
 * The first published contract wrote customer kinds without their prefix (`customers: [recipient]`).
 * Such files still build: a bare kind is read as its `customer.*` id.
 */
export function normalizeCustomers(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  return value.map((kind) =>
    typeof kind === 'string' && (CUSTOMER_IDS as readonly string[]).includes(`customer.${kind}`)
      ? `customer.${kind}`
      : kind,
  );
}

/** The pass mark, in percent, of a scenario whose front matter gives none. */
export const DEFAULT_PASSING_SCORE = 80;

/**
 * Front matter of a scenario file. Unknown fields are errors so that a typo (`minute:`) is caught.
 * - `title`, `summary`: shown in the catalogue.
 * - `audiences`: any of recruit | ce | drill | officer.
 * - `customers`: which kinds of customer the story involves (`customer.*` ids; the bare kind, e.g.
 *   `recipient`, is accepted too, see normalizeCustomers).
 * - `sop`: the clause ids this scenario trains.
 * - `minutes`: expected time to play.
 * - `passingScore`: percent needed to pass; default 80.
 * - `start`: id of the first step.
 * - `assumes`: optional local policies the story relies on, for a deploying department to review.
 */
export const frontmatterSchema = z.strictObject(
  {
    title: z.string({ error: (i) => `expected a title but found ${describeValue(i.input)}` }).min(1),
    summary: z
      .string({ error: (i) => `expected a one- or two-sentence summary but found ${describeValue(i.input)}` })
      .min(1),
    audiences: listOf(AUDIENCES, 'an audience').min(1, 'expected at least one audience'),
    customers: z.preprocess(
      normalizeCustomers,
      listOf(CUSTOMER_IDS, 'a customer id').min(1, 'expected at least one customer id'),
    ),
    sop: listOf(CLAUSE_IDS, 'a clause id').min(1, 'expected at least one clause id'),
    minutes: z
      .number({ error: (i) => `expected a number of minutes but found ${describeValue(i.input)}` })
      .int()
      .min(1)
      .max(120),
    passingScore: z
      .number({ error: (i) => `expected a percentage but found ${describeValue(i.input)}` })
      .int()
      .min(0)
      .max(100)
      .default(DEFAULT_PASSING_SCORE),
    start: z.string({ error: (i) => `expected the id of the first step but found ${describeValue(i.input)}` }).min(1),
    assumes: z
      .array(z.string().min(1), { error: (i) => `expected a list of sentences but found ${describeValue(i.input)}` })
      .optional(),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}` : undefined,
  },
);

export type Frontmatter = z.output<typeof frontmatterSchema>;

/** One knowledge-check question of a lesson. `answer` is the 0-based index of the right option. */
export const knowledgeCheckSchema = z
  .strictObject({
    question: z.string().min(1),
    options: z.array(z.string().min(1)).min(2).max(5),
    answer: z.number().int().min(0),
    explanation: z.string().min(1),
  })
  .refine((check) => check.answer < check.options.length, {
    error: 'expected answer to be the index of one of the options (0 for the first)',
    path: ['answer'],
  });

/**
 * Front matter of a lesson in content/lessons/.
 * - `order`: position in the course. `minutes`: reading time including the checks.
 * - `sop`: the clauses the lesson teaches. `checks`: the scored knowledge-check questions.
 */
export const lessonSchema = z.strictObject({
  title: z.string().min(1),
  summary: z.string().min(1),
  order: z.number().int().min(1),
  minutes: z.number().int().min(1).max(30),
  sop: listOf(CLAUSE_IDS, 'a clause id'),
  checks: z.array(knowledgeCheckSchema).min(1),
});

export type Lesson = z.output<typeof lessonSchema>;
export type KnowledgeCheck = z.output<typeof knowledgeCheckSchema>;
