import { PREFIXES, PROBE_KEY, TRAINEE_KEY, type StoredKind } from './storage-keys.ts';
import {
  envelopeOf,
  keysWith,
  readText,
  removeKey,
  storageInUse,
  writeText,
  type SetAsideRecord,
  type WriteResult,
} from './storage.ts';

/**
 * Storage operations of the storage layer that the scenario player never needs (kept apart so the
 * scenario page stays small): removing records, putting text back for Undo, listing set-aside data,
 * and reading a key for deletion (its kind, the original of a set-aside copy, whether it is the learner's).
 */

/** JSON.parse that answers undefined instead of throwing. */
function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * True when this visit holds data only in memory, or the browser refuses to keep anything (asked
 * when a page needs to know: a tiny write that is removed at once).
 */
export function storageUnavailable(): boolean {
  const store = storageInUse();
  if (!store) return true;
  try {
    store.setItem(PROBE_KEY, '1');
    store.removeItem(PROBE_KEY);
    return false;
  } catch {
    return true;
  }
}

/** Remove a record unless another tab wrote it since the caller saw revision `expect`. */
export function removeRecord(key: string, expect?: number): WriteResult {
  const text = readText(key);
  const rev = text === null ? 0 : (envelopeOf(safeParse(text))?.rev ?? 0);
  if (expect !== undefined && text !== null && rev !== expect) return { status: 'stale', rev };
  removeKey(key);
  return { status: 'saved', rev: 0 };
}

/** Put text back exactly as it was (undo); returns how it was kept. */
export function restoreText(key: string, text: string): WriteResult {
  const where = writeText(key, text);
  return where === 'saved' ? { status: 'saved', rev: 0 } : { status: 'memory', rev: 0, cause: where };
}

/** Every set-aside record; one that cannot itself be read is listed with its raw text. */
export function readSetAside(): SetAsideRecord[] {
  return keysWith(PREFIXES.setAside).map((key) => {
    const text = readText(key) ?? '';
    const parsed = safeParse(text);
    const data = (envelopeOf(parsed)?.data ?? parsed) as Partial<SetAsideRecord> | null;
    return data &&
      typeof data === 'object' &&
      typeof data.key === 'string' &&
      typeof data.reason === 'string' &&
      typeof data.at === 'string' &&
      typeof data.value === 'string'
      ? (data as SetAsideRecord)
      : { key, reason: 'set-aside data that could not itself be read', at: '', value: text };
  });
}

/** The kinds that are the learner's own data: what "Delete my results" removes (with TRAINEE_KEY). */
export const LEARNER_KINDS: readonly StoredKind[] = ['attempt', 'result'];

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
