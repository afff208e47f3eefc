import { keys } from './storage-keys.ts';

/**
 * The one storage layer for everything the course keeps in the browser (attempts, results, drills,
 * the learner's details). Its guarantees:
 * - every record is versioned: `{ record, version, rev, data }`; older versions (and the bare
 *   records of the first release) are migrated on read, newer ones are left alone;
 * - every read is validated; data that does not fit is set aside (copied under `mp201:set-aside:`)
 *   and the original is removed only once that copy is safely in the browser's storage;
 * - every write can carry the revision the caller last saw, so a second tab never overwrites newer
 *   data; a record this version cannot read is never overwritten before it has been set aside;
 * - every write returns what really happened (one WriteResult): saved, kept in memory for this visit
 *   only (storage full or blocked), or refused as stale;
 * - nothing touches the browser's storage until the first read or write (no probing at import).
 */

/** What became of a write. `rev` is the record's revision after it (or, when stale, the stored one). */
export type WriteResult =
  | { status: 'saved'; rev: number }
  | { status: 'memory'; rev: number; cause: 'full' | 'blocked' }
  | { status: 'stale'; rev: number };

/** What a read found. `kept` is true when unreadable data could not be set aside and stays in place. */
export type ReadResult<T> =
  | { status: 'none' }
  | { status: 'ok'; value: T; rev: number }
  | { status: 'unreadable'; reason: string; kept: boolean; rev: number }
  | { status: 'newer'; rev: number };

/** One kind of record: its name, current version, validation and migration from older versions. */
export interface RecordKind<T> {
  record: string;
  version: number;
  /** The data if it fits the current version. */
  check(data: unknown): T | undefined;
  /** Data of an older version (0: a bare record from before versioning) brought up to date. */
  migrate?(data: unknown, version: number): T | undefined;
}

interface Envelope {
  record: string;
  version: number;
  rev: number;
  data: unknown;
}

const memory = new Map<string, string>();
let backing: Storage | null | undefined;
let blocked = false;

function browserStorage(): Storage | null {
  if (backing === undefined) {
    try {
      backing = globalThis.localStorage ?? null;
    } catch {
      backing = null; // Private modes and sandboxed frames can throw on access.
    }
    blocked = !backing;
  }
  return backing;
}

/** Forget what this module knows about the browser's storage (tests use a fresh store each time). */
export function resetStorage(): void {
  backing = undefined;
  memory.clear();
}

/** The text stored under a key (what this visit holds in memory comes first). */
export function readText(key: string): string | null {
  if (memory.has(key)) return memory.get(key)!;
  try {
    return browserStorage()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Write text to the browser's storage; failing that, keep it in memory (and say why). */
export function writeText(key: string, text: string, memoryOnly = false): 'saved' | 'full' | 'blocked' {
  try {
    const store = browserStorage();
    if (!store || memoryOnly) throw new DOMException('', memoryOnly ? 'QuotaExceededError' : 'SecurityError');
    store.setItem(key, text);
    memory.delete(key);
    return 'saved';
  } catch (error) {
    memory.set(key, text);
    const full = error instanceof DOMException && error.name === 'QuotaExceededError';
    if (!full) blocked = true;
    return full ? 'full' : 'blocked';
  }
}

/** Remove a key from memory and from the browser's storage. */
export function removeKey(key: string): void {
  memory.delete(key);
  try {
    browserStorage()?.removeItem(key);
  } catch {
    // Nothing more to do: storage went away.
  }
}

/** Every key with the given prefix, from storage and memory, sorted. */
export function keysWith(prefix: string): string[] {
  const found = new Set([...memory.keys()].filter((k) => k.startsWith(prefix)));
  try {
    const store = browserStorage();
    for (let i = 0; i < (store?.length ?? 0); i++) {
      const key = store!.key(i);
      if (key?.startsWith(prefix)) found.add(key);
    }
  } catch {
    // Storage went away; memory is what we have.
  }
  return [...found].sort();
}

/** The browser's storage, or null when this visit holds data only in memory or storage is blocked. */
export function storageInUse(): Storage | null {
  const store = browserStorage();
  return !store || blocked || memory.size > 0 ? null : store;
}

/** The envelope of a stored record, if the value is one. */
export function envelopeOf(value: unknown): Envelope | undefined {
  const e = value as Envelope | null;
  return e && typeof e === 'object' && typeof e.record === 'string' && typeof e.version === 'number' && 'data' in e
    ? { ...e, rev: Number.isSafeInteger(e.rev) && e.rev >= 0 ? e.rev : 0 }
    : undefined;
}

/** Read and validate one record; data that does not fit is set aside (see `setAside`). */
export function readRecord<T>(kind: RecordKind<T>, key: string): ReadResult<T> {
  const text = readText(key);
  if (text === null) return { status: 'none' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const envelope = envelopeOf(parsed);
  const rev = envelope?.rev ?? (Number((parsed as { rev?: unknown } | null)?.rev) || 0);
  if (envelope?.record === kind.record && envelope.version > kind.version) return { status: 'newer', rev };
  const value =
    parsed === undefined
      ? undefined
      : envelope?.record === kind.record
        ? envelope.version === kind.version
          ? kind.check(envelope.data)
          : kind.migrate?.(envelope.data, envelope.version)
        : envelope
          ? undefined
          : kind.migrate?.(parsed, 0);
  if (value !== undefined) return { status: 'ok', value, rev };
  const reason = parsed === undefined ? 'not JSON' : `not a ${kind.record} record this version can read`;
  const kept = !setAside(key, text, reason);
  // Once moved aside, the key is empty: a new record starts from revision 0.
  return { status: 'unreadable', reason, kept, rev: kept ? rev : 0 };
}

/** Options of a write: the revision the caller last saw (`'absent'`: there must be none yet). */
export interface WriteOptions {
  expect?: number | 'absent';
  /** Keep the write in memory only (the stored record must not be replaced). */
  memoryOnly?: boolean;
}

/**
 * Write a record with the next revision. With `expect`, nothing is written when the stored revision
 * differs (another tab moved on): 'stale' comes back. A stored record that this version cannot read
 * is set aside first; if it cannot be, the new data is kept in memory and the original stays.
 */
export function writeRecord<T>(kind: RecordKind<T>, key: string, value: T, options: WriteOptions = {}): WriteResult {
  const current = readText(key);
  let rev = 0;
  let memoryOnly = options.memoryOnly ?? false;
  if (current !== null) {
    const found = readRecord(kind, key);
    rev = found.status === 'none' ? 0 : found.rev;
    if (found.status === 'newer') return { status: 'stale', rev };
    if (found.status === 'unreadable') {
      memoryOnly ||= found.kept;
      if (!found.kept) rev = 0;
    }
    if (options.expect === 'absent' && found.status === 'ok') return { status: 'stale', rev };
  }
  if (typeof options.expect === 'number' && rev !== options.expect) return { status: 'stale', rev };
  const next = rev + 1;
  const text = JSON.stringify({ record: kind.record, version: kind.version, rev: next, data: value });
  const where = writeText(key, text, memoryOnly);
  return where === 'saved' ? { status: 'saved', rev: next } : { status: 'memory', rev: next, cause: where };
}

/** A record that was set aside, as kept for download. */
export interface SetAsideRecord {
  key: string;
  reason: string;
  at: string;
  value: string;
}

/**
 * Move data that could not be read out of the way without losing it: a copy goes under a
 * `mp201:set-aside:` key (listed on My progress, included in its download) and the original is
 * removed only once the copy is in the browser's storage. Returns true when the data was moved.
 */
export function setAside(key: string, value: string, reason: string): boolean {
  const at = new Date().toISOString();
  const copy: SetAsideRecord = { key, reason, at, value };
  const text = JSON.stringify({ record: 'set-aside', version: 1, rev: 1, data: copy });
  const target = keys.setAside(at, key);
  try {
    const store = browserStorage();
    if (!store) return false;
    store.setItem(target, text);
    if (store.getItem(target) !== text) return false;
  } catch {
    return false; // The copy is not safe, so the original stays where it is.
  }
  removeKey(key);
  return true;
}

/** Set aside whatever is stored under `key` (readable but unusable, such as a snapshot that does not restore). */
export function setAsideKey(key: string, reason: string): boolean {
  const text = readText(key);
  return text === null || setAside(key, text, reason);
}

/** Ask the browser to keep the course's data even under storage pressure (best effort). */
export function requestPersistence(): void {
  void globalThis.navigator?.storage?.persist?.().catch(() => undefined);
}
