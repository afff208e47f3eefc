import * as z from 'zod/mini';
import { QUESTION_KEYS, type QuestionKey } from './clauses.ts';
import { CALLS } from './model.ts';
import { GRADES, OUTCOMES, YES_NO } from './vocabulary.ts';

/**
 * The results contract: one versioned JSON format for everything that leaves the browser (a
 * learner's export, a class hand-in, an LMS bridge), plus the record of one finished attempt as the
 * browser stores it. Written with zod/mini so that pages which validate results stay small.
 */

import { RESULTS_FORMAT, RESULTS_VERSION } from './file-formats.ts';
export { RESULTS_FORMAT, RESULTS_VERSION };

const yesNo = z.enum(YES_NO);
/**
 * Yes or no to each of the seven questions, a learner's answers or a decision's key (an object, like
 * every record here: unknown fields are dropped, not refused).
 */
export const questionAnswersSchema = z.object(
  Object.fromEntries(QUESTION_KEYS.map((key) => [key, yesNo])) as Record<QuestionKey, typeof yesNo>,
);
const answerSchema = z.union([
  z.object({ kind: z.literal('choice'), step: z.string(), choice: z.number() }),
  z.object({ kind: z.literal('decision'), step: z.string(), answers: questionAnswersSchema, call: z.enum(CALLS) }),
]);

/**
 * Bounds on numbers a file states about itself. A scenario is worth a few hundred points and takes
 * minutes; numbers far past these are not results (1e308 points added up to "Infinity%").
 */
const MAX_POINTS = 100_000;
/** A week of active play on one attempt. */
const MAX_SECONDS = 7 * 24 * 3600;
const points = () => z.number().check(z.minimum(0), z.maximum(MAX_POINTS));

const dimensionSchema = z.object({ dimension: z.string(), earned: points(), possible: points() });

/** The scoring version a record was scored with: absent means version 1 (all or nothing for the call). */
const scoringVersionSchema = z.optional(z.number().check(z.minimum(1), z.maximum(1000)));

/** One finished attempt at a scenario. */
export const attemptRecordSchema = z.object({
  /** Unique id, so the same attempt imported twice is counted once. */
  id: z.string().check(z.minLength(1)),
  scenario: z.string().check(z.minLength(1)),
  title: z.string(),
  /** Hash of the scenario's content when the attempt was played: results say which version they were earned on. */
  contentHash: z.string(),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
  /** Seconds of active play (pauses over five minutes are not counted). */
  seconds: z.number().check(z.minimum(0), z.maximum(MAX_SECONDS)),
  minutes: z.number().check(z.minimum(0), z.maximum(24 * 60)),
  path: z.array(z.string()),
  answers: z.array(answerSchema),
  ending: z.string(),
  outcome: z.enum(OUTCOMES),
  percent: z.number().check(z.minimum(0), z.maximum(100)),
  earned: points(),
  possible: points(),
  passingScore: z.number().check(z.minimum(0), z.maximum(100)),
  passed: z.boolean(),
  byDimension: z.array(dimensionSchema),
  /** Session code the learner entered (academy classes), if any. */
  sessionCode: z.optional(z.string()),
  /** The scoring rules the score was given under (see SCORING_VERSION); absent in files made before version 2. */
  scoringVersion: scoringVersionSchema,
});

export type AttemptRecord = z.infer<typeof attemptRecordSchema>;

const traineeSchema = z.object({
  name: z.string(),
  memberId: z.optional(z.string()),
  sessionCode: z.optional(z.string()),
});
export type Trainee = z.infer<typeof traineeSchema>;

/** A results file: the trainee and their attempts. */
export const resultsFileSchema = z.object({
  format: z.literal(RESULTS_FORMAT),
  version: z.literal(RESULTS_VERSION),
  exportedAt: z.iso.datetime(),
  /** The scoring version of the build that wrote the file; each attempt states its own. */
  scoringVersion: scoringVersionSchema,
  trainee: traineeSchema,
  attempts: z.array(attemptRecordSchema),
});
export type ResultsFile = z.infer<typeof resultsFileSchema>;

/** A crew member present at a drill. */
export const crewMemberSchema = z.object({ name: z.string(), memberId: z.optional(z.string()) });

/** The details the officer enters before a drill starts. */
export const drillSetupSchema = z.object({
  unit: z.string(),
  shift: z.string(),
  date: z.string(),
  officer: z.string(),
  members: z.array(crewMemberSchema),
});

/** One answered step of a drill, as the record shows it: the crew's choice or call, the key and the points. */
export const drillRecordStepSchema = z.object({
  step: z.string(),
  title: z.string(),
  /** For a scene: the crew's choice, numbered from 1 as shown on screen. */
  choice: z.optional(z.object({ number: z.number(), label: z.string(), grade: z.enum(GRADES) })),
  /** For a decision: the crew's call and the call the key asks for. */
  call: z.optional(z.enum(CALLS)),
  expectedCall: z.optional(z.enum(CALLS)),
  /** For a decision: each question's group answer against the key. */
  questions: z.optional(z.array(z.object({ question: z.enum(QUESTION_KEYS), answer: yesNo, key: yesNo }))),
  earned: z.number(),
  possible: z.number(),
});

/** The record of one drill, kept for the department's training files (see drill.ts), and loaded back safely. */
export const drillRecordSchema = z.object({
  id: z.string().check(z.minLength(1)),
  scenario: z.string(),
  title: z.string(),
  contentHash: z.string(),
  procedure: z.string(),
  setup: drillSetupSchema,
  startedAt: z.iso.datetime(),
  endedAt: z.iso.datetime(),
  durationSeconds: z.number(),
  path: z.array(z.string()),
  answers: z.array(answerSchema),
  /** The crew's tallies, per decision and question, in the order asked. */
  tallies: z.array(
    z.object({ step: z.string(), question: z.enum(QUESTION_KEYS), yes: z.number(), no: z.number(), answer: yesNo }),
  ),
  /** What the crew did at each step, in order (records made before this field existed lack it). */
  steps: z.optional(z.array(drillRecordStepSchema)),
  ending: z.string(),
  percent: z.number(),
  passed: z.boolean(),
  byDimension: z.array(dimensionSchema),
  notes: z.string(),
  /** The scoring rules the score was given under (see SCORING_VERSION); absent in records made before version 2. */
  scoringVersion: scoringVersionSchema,
});
