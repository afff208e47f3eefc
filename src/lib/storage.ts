/**
 * The browser's localStorage, made safe: if it is missing, blocked or full, values are kept in memory
 * for this visit and the caller is told, so the course keeps working and can offer a download.
 */

const memory = new Map<string, string>();
let backing: Storage | undefined;
try {
  backing = globalThis.localStorage;
  backing?.setItem('mp201:probe', '1');
  backing?.removeItem('mp201:probe');
} catch {
  backing = undefined; // Private modes and sandboxed frames can throw on access or on write.
}

/** Where data is going: to the browser's storage, or only into memory for this visit. */
export type SaveOutcome = 'saved' | 'memory';

export function readItem(key: string): string | null {
  if (memory.has(key)) return memory.get(key)!;
  try {
    return backing?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function writeItem(key: string, value: string): SaveOutcome {
  try {
    if (!backing) throw new Error('no storage');
    backing.setItem(key, value);
    memory.delete(key);
    return 'saved';
  } catch {
    memory.set(key, value);
    return 'memory';
  }
}

export function removeItem(key: string): void {
  memory.delete(key);
  try {
    backing?.removeItem(key);
  } catch {
    // Nothing more to do.
  }
}

/** Every key with the given prefix, from storage and memory. */
export function keysWith(prefix: string): string[] {
  const keys = new Set([...memory.keys()].filter((k) => k.startsWith(prefix)));
  try {
    for (let i = 0; i < (backing?.length ?? 0); i++) {
      const key = backing!.key(i);
      if (key?.startsWith(prefix)) keys.add(key);
    }
  } catch {
    // Storage went away; memory is what we have.
  }
  return [...keys].sort();
}

/** True when nothing can be kept beyond this visit. */
export function storageUnavailable(): boolean {
  return !backing;
}

/**
 * Move data that could not be read out of the way without deleting it: it is kept under a
 * `mp201:set-aside:` key, listed on the progress page and included in downloads.
 */
export function setAside(key: string, value: string, reason: string): void {
  const at = new Date().toISOString();
  writeItem(`mp201:set-aside:${at}:${key}`, JSON.stringify({ key, reason, at, value }));
  removeItem(key);
}

/** Ask the browser to keep the course's data even under storage pressure (best effort). */
export function requestPersistence(): void {
  void navigator.storage?.persist?.().catch(() => undefined);
}
