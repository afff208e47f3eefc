import { migrateSnapshot } from '../engine/saved-snapshot.ts';
import { keys } from './storage-keys.ts';
import { readRecord, setAsideKey, writeRecord, type RecordKind, type WriteResult } from './storage.ts';

/**
 * The attempt in progress for each scenario: the machine's persisted snapshot plus what the results
 * need (attempt id, start time, active seconds). Saved through the storage layer, whose revisions
 * keep two tabs on the same scenario from overwriting each other's newer progress.
 */

/** A pause longer than this is not counted as time spent. */
const IDLE_CAP_MS = 5 * 60 * 1000;

/** A saved attempt in progress. */
export interface SavedAttempt {
  scenario: string;
  hash: string;
  attemptId: string;
  startedAt: string;
  savedAt: string;
  seconds: number;
  snapshot: unknown;
}

const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** The attempt if every field is there (the snapshot itself is checked by the player, which knows the scenario). */
function checkAttempt(data: unknown): SavedAttempt | undefined {
  const a = data as Partial<SavedAttempt> | null;
  return a &&
    typeof a === 'object' &&
    isText(a.scenario) &&
    typeof a.hash === 'string' &&
    isText(a.attemptId) &&
    isText(a.startedAt) &&
    isText(a.savedAt) &&
    Number.isFinite(a.seconds) &&
    a.snapshot &&
    typeof a.snapshot === 'object'
    ? { ...(a as SavedAttempt), seconds: Math.max(0, a.seconds!) }
    : undefined;
}

/**
 * Saved attempts, version 4: the snapshot of the machine whose modes are states. Version 3 held the
 * snapshot of the machine before (see migrateSnapshot). Before records had envelopes, an attempt was
 * stored bare as `{ format: 'mp201-attempt', version: 1 | 2, ... }` (version 1 had no attempt id,
 * revision or time).
 */
export const attemptRecord: RecordKind<SavedAttempt> = {
  record: 'attempt',
  version: 4,
  check: checkAttempt,
  migrate(data, version) {
    const bare = data as Record<string, unknown> | null;
    const old =
      version === 3
        ? checkAttempt(data)
        : version === 0 && bare?.format === 'mp201-attempt'
          ? checkAttempt(bare.version === 1 ? { attemptId: newId(), seconds: 0, ...bare } : bare.version === 2 && bare)
          : undefined;
    const snapshot = old && migrateSnapshot(old.snapshot);
    return snapshot ? { ...old, snapshot } : undefined;
  },
};

/** What loading found; `rev` is the stored revision a new save must expect. */
export type LoadResult =
  | { status: 'found'; attempt: SavedAttempt; rev: number }
  | { status: 'none'; rev: number }
  /** Saved against other content (the scenario was updated): it cannot resume, a new attempt replaces it. */
  | { status: 'changed'; attempt: SavedAttempt; rev: number }
  /** Unreadable, and set aside unless `kept` (then it stays, and this visit saves in memory only). */
  | { status: 'unreadable'; rev: number; kept: boolean }
  /** Written by a newer version of the course in another tab: leave it alone. */
  | { status: 'newer'; rev: number };

/**
 * Read the saved attempt for a scenario. `restorable` checks the snapshot against the scenario; an
 * attempt that fails it is treated as unreadable (set aside, not deleted).
 */
export function loadAttempt(
  scenario: string,
  hash: string,
  restorable: (snapshot: unknown) => boolean = () => true,
): LoadResult {
  const key = keys.attempt(scenario);
  const found = readRecord(attemptRecord, key);
  if (found.status === 'none') return { status: 'none', rev: 0 };
  if (found.status === 'newer') return found;
  if (found.status === 'unreadable') return { status: 'unreadable', rev: found.rev, kept: found.kept };
  const attempt = found.value;
  if (attempt.hash !== hash) return { status: 'changed', attempt, rev: found.rev };
  if (attempt.scenario === scenario && restorable(attempt.snapshot))
    return { status: 'found', attempt, rev: found.rev };
  // Readable but not restorable: set it aside like any unreadable record.
  const moved = setAsideKey(key, 'saved progress that does not fit this scenario');
  return { status: 'unreadable', rev: moved ? 0 : found.rev, kept: !moved };
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
 * Save the attempt unless another tab has written this scenario's progress since revision `seenRev`
 * (then nothing is written and 'stale' comes back). `memoryOnly` keeps an unreadable record in place.
 */
export function saveAttempt(attempt: SavedAttempt, seenRev: number, memoryOnly = false): WriteResult {
  return writeRecord(attemptRecord, keys.attempt(attempt.scenario), attempt, { expect: seenRev, memoryOnly });
}

/** True when `event` is another tab's change to this scenario's attempt. */
export function isOtherTabChange(event: StorageEvent, scenario: string): boolean {
  return event.key === keys.attempt(scenario);
}
