/**
 * Every name the course uses in the browser's storage: the one home of the `mp201:` prefixes.
 * localStorage keys are `mp201:<kind>:<id>`; the gradebook keeps its class in IndexedDB.
 */

/** The prefix of every localStorage key the course writes. */
export const STORAGE_PREFIX = 'mp201:';

/**
 * What the course keeps in localStorage, one entry per kind (what it holds is said above each): its
 * key prefix and whether it is the learner's own data (what "Delete my results" removes). Drill records and drills
 * in progress are the station's training records: never the learner's.
 */
export const STORED = {
  /** The attempt in progress for a scenario (one per scenario). */
  attempt: { prefix: 'mp201:attempt:', learner: true },
  /** A finished attempt (one per attempt id). */
  result: { prefix: 'mp201:result:', learner: true },
  /** A saved drill record (one per drill id). */
  drill: { prefix: 'mp201:drill:', learner: false },
  /** A drill in progress (one per drill, so two drills of a scenario never share a slot). */
  liveDrill: { prefix: 'mp201:drill-live:', learner: false },
  /** Data that could not be read, moved out of the way and kept for download (the learner's when its original key is). */
  setAside: { prefix: 'mp201:set-aside:', learner: false },
} as const;

/** The kinds of record kept under a prefix. */
export type StoredKind = keyof typeof STORED;

/** The prefix of each kind of record kept in localStorage (from STORED). */
export const PREFIXES = Object.fromEntries(Object.entries(STORED).map(([kind, { prefix }]) => [kind, prefix])) as {
  [K in StoredKind]: (typeof STORED)[K]['prefix'];
};

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

/** The key a set-aside copy was taken from (see keys.setAside), or undefined for any other key. */
export function setAsideOriginal(key: string): string | undefined {
  if (!key.startsWith(PREFIXES.setAside)) return undefined;
  return /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z:(.*)$/s.exec(key.slice(PREFIXES.setAside.length))?.[1];
}

/** The kind of record a key holds (by STORED), or undefined for a key the course does not keep. */
export function kindOf(key: string): StoredKind | undefined {
  return (Object.keys(STORED) as StoredKind[]).find((kind) => key.startsWith(STORED[kind].prefix));
}

/**
 * True for what "Delete my results" removes: results, attempts in progress, the learner's details,
 * and set-aside copies of those; never a drill record or a drill in progress (see STORED).
 */
export function isLearnerKey(key: string): boolean {
  if (key === TRAINEE_KEY) return true;
  const original = setAsideOriginal(key);
  if (original !== undefined) return isLearnerKey(original);
  const kind = kindOf(key);
  return kind !== undefined && STORED[kind].learner;
}

/** The IndexedDB database and object store that hold the gradebook's class. */
export const GRADEBOOK_DB = { database: 'mp201-gradebook', store: 'class' } as const;
