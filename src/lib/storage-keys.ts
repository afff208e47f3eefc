/**
 * Every name the course uses in the browser's storage: the one home of the `mp201:` prefixes.
 * localStorage keys are `mp201:<kind>:<id>`; the gradebook keeps its class in IndexedDB.
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

/** The kinds that are the learner's own data: what "Delete my results" removes (with TRAINEE_KEY). */
export const LEARNER_KINDS: readonly StoredKind[] = ['attempt', 'result'];

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
  /** A set-aside copy: `mp201:set-aside:<ISO time>:<original key>`. */
  setAside: (at: string, key: string) => `${PREFIXES.setAside}${at}:${key}`,
};

/** The key a set-aside copy was taken from (see keys.setAside: the time is an ISO string of 24 characters), or undefined for any other key. */
export function setAsideOriginal(key: string): string | undefined {
  return key.startsWith(PREFIXES.setAside) ? key.slice(PREFIXES.setAside.length + 25) : undefined;
}

/** The kind of record a key holds, or undefined for a key the course does not keep under a prefix. */
export function kindOf(key: string): StoredKind | undefined {
  return (Object.keys(PREFIXES) as StoredKind[]).find((kind) => key.startsWith(PREFIXES[kind]));
}

/**
 * True for what "Delete my results" removes: results, attempts in progress, the learner's details,
 * and set-aside copies of those; never a drill record or a drill in progress (see LEARNER_KINDS).
 */
export function isLearnerKey(key: string): boolean {
  const original = setAsideOriginal(key) ?? key;
  return original === TRAINEE_KEY || LEARNER_KINDS.some((kind) => original.startsWith(PREFIXES[kind]));
}

/** The IndexedDB database and object store that hold the gradebook's class. */
export const GRADEBOOK_DB = { database: 'mp201-gradebook', store: 'class' } as const;
