/**
 * Every name the course uses in the browser's storage: the one home of the `mp201:` prefixes.
 * localStorage keys are `mp201:<kind>:<id>`; the gradebook keeps its class in IndexedDB.
 */

/** The prefix of every localStorage key the course writes. */
export const STORAGE_PREFIX = 'mp201:';

/** The prefix of each kind of record kept in localStorage. */
export const PREFIXES = {
  /** The attempt in progress for a scenario (one per scenario). */
  attempt: 'mp201:attempt:',
  /** A finished attempt (one per attempt id). */
  result: 'mp201:result:',
  /** A saved drill record (one per drill id). */
  drill: 'mp201:drill:',
  /** A drill in progress (one per drill, so two drills of a scenario never share a slot). */
  liveDrill: 'mp201:drill-live:',
  /** Data that could not be read, moved out of the way and kept for download. */
  setAside: 'mp201:set-aside:',
} as const;

/** Written and removed at once to learn whether the browser keeps anything. */
export const PROBE_KEY = 'mp201:probe';

/** The learner's name, member number and session code. */
export const TRAINEE_KEY = 'mp201:trainee';

/** The key of each record. */
export const keys = {
  attempt: (scenario: string) => `${PREFIXES.attempt}${scenario}`,
  result: (id: string) => `${PREFIXES.result}${id}`,
  drill: (id: string) => `${PREFIXES.drill}${id}`,
  /** A drill in progress; `liveDrillsOf(scenario)` lists every drill of one scenario. */
  liveDrill: (scenario: string, id: string) => `${PREFIXES.liveDrill}${scenario}:${id}`,
  liveDrillsOf: (scenario: string) => `${PREFIXES.liveDrill}${scenario}:`,
  /** The single live-drill slot of the first release (read so that a drill in progress is not lost). */
  legacyLiveDrill: (scenario: string) => `${PREFIXES.liveDrill}${scenario}`,
  setAside: (at: string, key: string) => `${PREFIXES.setAside}${at}:${key}`,
};

/** True for what "Delete my results" removes: results, attempts in progress and the learner's details. */
export function isLearnerKey(key: string): boolean {
  return key.startsWith(PREFIXES.attempt) || key.startsWith(PREFIXES.result) || key === TRAINEE_KEY;
}

/** The IndexedDB database and object store that hold the gradebook's class. */
export const GRADEBOOK_DB = { database: 'mp201-gradebook', store: 'class' } as const;
