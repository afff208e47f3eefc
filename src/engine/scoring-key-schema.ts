import * as z from 'zod/mini';
import { QUESTION_KEYS, type QuestionKey } from './clauses.ts';
import { CALLS } from './model.ts';
import { GRADES, OUTCOMES } from './vocabulary.ts';

const yesNo = z.enum(['yes', 'no']);
// Objects with one field per question and per call (not z.record): the features the results schema already uses keep zod small.
const keyShape = Object.fromEntries(QUESTION_KEYS.map((k) => [k, yesNo])) as Record<QuestionKey, typeof yesNo>;
const branchShape = Object.fromEntries(CALLS.map((c) => [c, z.string()])) as Record<
  (typeof CALLS)[number],
  z.ZodMiniString
>;

/** What re-scoring needs of a scenario, and nothing more (no prose): small enough to ship to the gradebook page.
 * A page checks a key it receives against this before anything is re-scored. */
export const scoringKeySchema = z.object({
  id: z.string(),
  title: z.string(),
  /** Content hash of the version the keys come from. */
  hash: z.string(),
  passingScore: z.number(),
  start: z.string(),
  steps: z.array(
    z.union([
      z.object({
        kind: z.literal('scene'),
        id: z.string(),
        choices: z.array(z.object({ to: z.string(), grade: z.enum(GRADES), trains: z.array(z.string()) })),
      }),
      z.object({
        kind: z.literal('decision'),
        id: z.string(),
        key: z.object(keyShape),
        branches: z.object(branchShape),
      }),
      z.object({ kind: z.literal('ending'), id: z.string(), outcome: z.enum(OUTCOMES) }),
    ]),
  ),
});
/** A scenario's scoring key (see scoringKeySchema). */
export type ScoringKey = z.output<typeof scoringKeySchema>;
