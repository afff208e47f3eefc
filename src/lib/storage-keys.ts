/**
 * Every name the course uses in the browser's storage: the one home of the `mp201:` prefixes.
 * localStorage keys are `mp201:<kind>:<id>`; the gradebook keeps its class in IndexedDB (GRADEBOOK_DB in
 * gradebook-store.ts).
 */

/** The prefix of every localStorage key the course writes. */
export const STORAGE_PREFIX = 'mp201:';

/** The prefix of each kind of record kept in localStorage: what each holds is said above it. */
export const PREFIXES = {
  /** The attempt in progress for a scenario (one per scenario). The learner's. */
  attempt: 'mp201:attempt:',
  /** A finished attempt (one per attempt id). The learner's. */
  result: 'mp201:result:',
  /** A saved drill record (one per drill id): the station's training record, never the learner's. */
  drill: 'mp201:drill:',
  /** A drill in progress (one per drill, so two drills of a scenario never share a slot); the station's. */
  liveDrill: 'mp201:drill-live:',
  /** Data that could not be read, moved out of the way and kept for download; the learner's when its original is. */
  setAside: 'mp201:set-aside:',
} as const;

/** The kinds of record kept under a prefix. */
export type StoredKind = keyof typeof PREFIXES;

/** Written and removed at once to learn whether the browser keeps anything. */
export const PROBE_KEY = 'mp201:probe';

/** The learner's name, member number and session code. */
export const TRAINEE_KEY = 'mp201:trainee';

/** The key of each record (a drill's keys: `drillKeys` in drill-store.ts, which only drill pages load). */
export const keys = {
  attempt: (scenario: string) => `${PREFIXES.attempt}${scenario}`,
  result: (id: string) => `${PREFIXES.result}${id}`,
  /** A set-aside copy: `mp201:set-aside:<ISO time>:<original key>`. */
  setAside: (at: string, key: string) => `${PREFIXES.setAside}${at}:${key}`,
};
