import * as z from 'zod/mini';
import { DIMENSIONS } from '../../engine/clauses.ts';
import { scoringKeySchema } from '../../engine/scoring-key-schema.ts';

/**
 * What the progress and certificate pages embed for their client code (`jsonForScript`), as
 * schemas: each page checks what it writes against the inferred type, and the client checks what
 * it reads against the schema before anything is shown.
 */

const ruleSchema = z.object({ required: z.array(z.string()) });

/** The progress page's props: the scenarios (with the questions each turns on) and the certificate rule. */
export const progressPagePropsSchema = z.object({
  scenarios: z.array(z.object({ id: z.string(), title: z.string(), decisive: z.array(z.string()) })),
  rule: ruleSchema,
  /** Each question's and responsibility's name. */
  labels: z.object(Object.fromEntries(DIMENSIONS.map((d) => [d, z.string()]))),
});
export type ProgressPageProps = z.infer<typeof progressPagePropsSchema>;

/** The certificate page's props: scenarios with their stated minutes, the rule, and the keys to re-score with. */
export const certificatePagePropsSchema = z.object({
  scenarios: z.array(z.object({ id: z.string(), title: z.string(), minutes: z.number() })),
  rule: ruleSchema,
  keys: z.array(scoringKeySchema),
});
export type CertificatePageProps = z.infer<typeof certificatePagePropsSchema>;
