import { CALLS, type Call } from './model.ts';

/** Points for the call at a decision, on top of one per question. */
export const CALL_POINTS = 3;

/**
 * The scoring rules in force. Version 1 gave the call all or nothing (3 for the key's call, else 0);
 * version 2 gives partial credit from CALL_CREDIT. Results record the version they were scored with,
 * and a finished attempt keeps the score it was given.
 */
export const SCORING_VERSION = 2;
/** Every scoring version this build can still score with (for checking old results). */
export const SCORING_VERSIONS = [1, 2] as const;
export type ScoringVersion = (typeof SCORING_VERSIONS)[number];

/** What one call earns when the key asks for another (or the same) call, and why, in a trainee's words. */
export interface CallCredit {
  points: number;
  /** Full, part or none of CALL_POINTS. */
  credit: 'full' | 'partial' | 'none';
  /** The short reason, as the authoring guide's table shows it. */
  summary: string;
  /** The reason in a sentence, as the decision's review shows it. */
  reason: string;
}

const cell = (points: number, summary: string, reason: string): CallCredit => ({
  points,
  credit: points === CALL_POINTS ? 'full' : points === 0 ? 'none' : 'partial',
  summary,
  reason,
});

/**
 * The call-credit table: `CALL_CREDIT[key's call][call made]`. Read as a training officer would:
 * acting without the right earns nothing, and so does leaving a customer unserved when the action was
 * yours; asking is never unsafe, so it earns part of the points wherever it was not the best call.
 */
export const CALL_CREDIT: Readonly<Record<Call, Readonly<Record<Call, CallCredit>>>> = {
  act: {
    act: cell(3, 'the right call', 'Every answer was yes, so the action was yours to take without asking permission.'),
    ask: cell(
      1,
      'safe, but not empowered',
      'That was safe, but every answer was yes: the call was yours to make, and waiting for permission cost the customer time.',
    ),
    decline: cell(
      0,
      'a customer went unserved',
      'Every answer was yes, so nothing stood in the way: declining left a customer without help you were empowered to give.',
    ),
  },
  ask: {
    act: cell(
      0,
      'acted without the right',
      'The only "no" was the organizational level: the action belonged to the officer who holds that level, so acting alone went beyond your authority.',
    ),
    ask: cell(
      3,
      'the right call',
      'The only "no" was the organizational level, so you take it to the officer who holds that level.',
    ),
    decline: cell(
      1,
      'nobody harmed, customer not served',
      'Nobody was harmed, but the only "no" was the organizational level: the officer who holds that level might have said yes, and the customer was not served.',
    ),
  },
  decline: {
    act: cell(
      0,
      'acted without the right',
      'A "no" beyond the organizational level means nobody at your level can approve it: acting went beyond your authority.',
    ),
    ask: cell(
      2,
      'checking is never wrong; it cost time',
      'Checking with your officer is never wrong, but the answer was going to be no: the right call was to decline kindly and offer what you can do instead.',
    ),
    decline: cell(
      3,
      'the right call',
      'A "no" beyond the organizational level means you decline kindly and offer what you can do instead.',
    ),
  },
};

/** Version 1's rule: the key's call earns every point, any other call none. */
const ALL_OR_NOTHING = (expected: Call, made: Call) => (expected === made ? CALL_POINTS : 0);

/** The points a call earns under a scoring version (the current one by default). */
export function callPoints(expected: Call, made: Call, version: ScoringVersion = SCORING_VERSION): number {
  return version === 1 ? ALL_OR_NOTHING(expected, made) : CALL_CREDIT[expected][made].points;
}

/** True for a scoring version this build knows. */
export function isScoringVersion(value: unknown): value is ScoringVersion {
  return (SCORING_VERSIONS as readonly unknown[]).includes(value);
}

/** The table as rows (key's call, then each call made), for the authoring guide and tests. */
export function callCreditRows(): { expected: Call; cells: { made: Call; credit: CallCredit }[] }[] {
  return CALLS.map((expected) => ({
    expected,
    cells: CALLS.map((made) => ({ made, credit: CALL_CREDIT[expected][made] })),
  }));
}
