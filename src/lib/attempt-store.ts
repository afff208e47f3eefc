/**
 * Saves the player's machine snapshot in the browser so a reload or a closed tab resumes the attempt.
 * Storage may be missing, full or hold someone else's data: every failure returns a plain result
 * instead of throwing, and the player keeps working in memory.
 */

const FORMAT = 'mp201-attempt';
const VERSION = 1;

/** A saved attempt in progress. */
export interface SavedAttempt {
  format: typeof FORMAT;
  version: typeof VERSION;
  scenario: string;
  hash: string;
  startedAt: string;
  savedAt: string;
  snapshot: unknown;
}

const keyFor = (scenario: string) => `mp201:attempt:${scenario}`;

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined; // Access itself can throw (blocked cookies, sandboxed frames).
  }
}

/** What loading found: a usable attempt, nothing, or something that could not be used (and why). */
export type LoadResult =
  | { status: 'found'; attempt: SavedAttempt }
  | { status: 'none' }
  | { status: 'changed'; attempt: SavedAttempt }
  | { status: 'unreadable'; reason: string };

/** Read the saved attempt for a scenario, checking its format and that the scenario has not changed since. */
export function loadAttempt(scenario: string, hash: string): LoadResult {
  const store = storage();
  if (!store) return { status: 'none' };
  let text: string | null;
  try {
    text = store.getItem(keyFor(scenario));
  } catch {
    return { status: 'none' };
  }
  if (text === null) return { status: 'none' };
  let data: Partial<SavedAttempt>;
  try {
    data = JSON.parse(text) as Partial<SavedAttempt>;
  } catch {
    return { status: 'unreadable', reason: 'the saved progress is damaged' };
  }
  if (data?.format !== FORMAT || data.version !== VERSION || data.scenario !== scenario || !data.snapshot)
    return { status: 'unreadable', reason: 'the saved progress is in a format this version does not read' };
  const attempt = data as SavedAttempt;
  return attempt.hash === hash ? { status: 'found', attempt } : { status: 'changed', attempt };
}

/** Save the attempt; false when the browser refused (private mode, full storage). */
export function saveAttempt(scenario: string, hash: string, startedAt: string, snapshot: unknown): boolean {
  const store = storage();
  if (!store) return false;
  const record: SavedAttempt = {
    format: FORMAT,
    version: VERSION,
    scenario,
    hash,
    startedAt,
    savedAt: new Date().toISOString(),
    snapshot,
  };
  try {
    store.setItem(keyFor(scenario), JSON.stringify(record));
    return true;
  } catch {
    return false;
  }
}

/** Forget the attempt in progress (Start over). */
export function clearAttempt(scenario: string): void {
  try {
    storage()?.removeItem(keyFor(scenario));
  } catch {
    // Nothing to do: the attempt lives on only in memory.
  }
}
