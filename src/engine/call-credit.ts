import type { Call } from './model.ts';

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

/** How much of CALL_POINTS a call earned. */
export type Credit = 'full' | 'partial' | 'none';

/**
 * The call-credit table: `CALL_CREDIT[key's call][call made]` points of CALL_POINTS. Read as a
 * training officer would: acting without the right earns nothing, and so does leaving a customer
 * unserved when the action was yours; asking is never unsafe, so it earns part of the points wherever
 * it was not the best call. The reason for each cell is in call-reasons.ts (build time only, so the
 * player does not carry the prose).
 */
export const CALL_CREDIT: Readonly<Record<Call, Readonly<Record<Call, number>>>> = {
  act: { act: 3, ask: 1, decline: 0 },
  ask: { act: 0, ask: 3, decline: 1 },
  decline: { act: 0, ask: 2, decline: 3 },
};

/** Full, partial or no credit for a number of call points. */
export function creditOf(points: number): Credit {
  return points >= CALL_POINTS ? 'full' : points <= 0 ? 'none' : 'partial';
}

/** Version 1's rule: the key's call earns every point, any other call none. */
const ALL_OR_NOTHING = (expected: Call, made: Call) => (expected === made ? CALL_POINTS : 0);

/** The points a call earns under a scoring version (the current one by default). */
export function callPoints(expected: Call, made: Call, version: ScoringVersion = SCORING_VERSION): number {
  return version === 1 ? ALL_OR_NOTHING(expected, made) : CALL_CREDIT[expected][made];
}

/** True for a scoring version this build knows. */
export function isScoringVersion(value: unknown): value is ScoringVersion {
  return (SCORING_VERSIONS as readonly unknown[]).includes(value);
}
