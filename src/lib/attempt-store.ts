import { readItem, removeItem, setAside, writeItem, type SaveOutcome } from './storage.ts';

/**
 * The attempt in progress for each scenario: the machine's persisted snapshot plus what the results
 * need (attempt id, start time, active seconds). Each save carries a revision number so that two tabs
 * on the same scenario cannot overwrite each other's newer progress.
 */

const FORMAT = 'mp201-attempt';
const VERSION = 2;
/** A pause longer than this is not counted as time spent. */
const IDLE_CAP_MS = 5 * 60 * 1000;

/** A saved attempt in progress. */
export interface SavedAttempt {
  format: typeof FORMAT;
  version: typeof VERSION;
  scenario: string;
  hash: string;
  attemptId: string;
  rev: number;
  startedAt: string;
  savedAt: string;
  seconds: number;
  snapshot: unknown;
}

const keyFor = (scenario: string) => `mp201:attempt:${scenario}`;

/** What loading found. */
export type LoadResult =
  | { status: 'found'; attempt: SavedAttempt }
  | { status: 'none' }
  | { status: 'changed'; attempt: SavedAttempt }
  | { status: 'unreadable' };

/** Older saved formats, brought up to the current one. Version 1 (the first release) had no attempt id, revision or time. */
export function migrateAttempt(data: Record<string, unknown>): SavedAttempt | undefined {
  if (data.format !== FORMAT) return undefined;
  if (data.version === 1)
    return { ...(data as object), version: VERSION, attemptId: newId(), rev: 0, seconds: 0 } as SavedAttempt;
  return data.version === VERSION ? (data as unknown as SavedAttempt) : undefined;
}

/** Read the saved attempt for a scenario; unreadable data is set aside (not deleted) and reported. */
export function loadAttempt(scenario: string, hash: string): LoadResult {
  const text = readItem(keyFor(scenario));
  if (text === null) return { status: 'none' };
  let attempt: SavedAttempt | undefined;
  try {
    attempt = migrateAttempt(JSON.parse(text) as Record<string, unknown>);
  } catch {
    attempt = undefined;
  }
  if (!attempt || attempt.scenario !== scenario || !attempt.snapshot) {
    setAside(keyFor(scenario), text, 'saved progress in a format this version cannot read');
    return { status: 'unreadable' };
  }
  return attempt.hash === hash ? { status: 'found', attempt } : { status: 'changed', attempt };
}

/** A new attempt id. */
export function newId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** Add the time since the last save, ignoring long pauses. */
export function addActiveTime(seconds: number, lastSavedAt: string, now = Date.now()): number {
  const gap = now - Date.parse(lastSavedAt);
  return seconds + (gap > 0 ? Math.min(gap, IDLE_CAP_MS) : 0) / 1000;
}

/**
 * Save the attempt, unless another tab has written this scenario's progress since this tab last read
 * or wrote it (optimistic concurrency on `rev`): then nothing is written and 'stale' comes back, so
 * newer progress is never overwritten. `seenRev` is the revision this tab last saw (0 for none).
 */
export function saveAttempt(attempt: SavedAttempt, seenRev: number): SaveOutcome | 'stale' {
  const current = readItem(keyFor(attempt.scenario));
  let storedRev = 0;
  if (current) {
    try {
      storedRev = Number((JSON.parse(current) as SavedAttempt).rev) || 0;
    } catch {
      storedRev = seenRev; // Unreadable data is replaced by a good save.
    }
  }
  if (storedRev !== seenRev) return 'stale';
  return writeItem(keyFor(attempt.scenario), JSON.stringify({ ...attempt, rev: storedRev + 1 }));
}

/** Forget the attempt in progress (Start over). */
export function clearAttempt(scenario: string): void {
  removeItem(keyFor(scenario));
}

/** True when `event` is another tab's change to this scenario's attempt. */
export function isOtherTabChange(event: StorageEvent, scenario: string): boolean {
  return event.key === keyFor(scenario);
}
