import * as z from 'zod/mini';
import { QUESTION_KEYS } from './clauses.ts';
import { CALLS, GRADES, OUTCOMES } from './model.ts';

const yesNo = z.enum(['yes', 'no']);

/** A scoring key as a page receives it (see `ScoringKey` in verify.ts), checked before anything is re-scored.
 * Its output is passed where a `ScoringKey` is expected, so the two cannot drift apart unnoticed. */
export const scoringKeySchema = z.object({
  id: z.string(),
  title: z.string(),
  hash: z.string(),
  passingScore: z.number(),
  start: z.string(),
  steps: z.array(
    z.discriminatedUnion('kind', [
      z.object({
        kind: z.literal('scene'),
        id: z.string(),
        choices: z.array(z.object({ to: z.string(), grade: z.enum(GRADES), trains: z.array(z.string()) })),
      }),
      z.object({
        kind: z.literal('decision'),
        id: z.string(),
        key: z.record(z.enum(QUESTION_KEYS), yesNo),
        branches: z.record(z.enum(CALLS), z.string()),
      }),
      z.object({ kind: z.literal('ending'), id: z.string(), outcome: z.enum(OUTCOMES) }),
    ]),
  ),
});
