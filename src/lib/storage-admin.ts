import { PREFIXES } from './storage-keys.ts';
import {
  envelopeOf,
  keysWith,
  readText,
  removeKey,
  safeParse,
  writeText,
  type SetAsideRecord,
  type WriteResult,
} from './storage.ts';

/**
 * Storage operations of the storage layer that the scenario player never needs (kept apart so the
 * scenario page stays small): removing records, putting text back for Undo, listing set-aside data.
 */

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
