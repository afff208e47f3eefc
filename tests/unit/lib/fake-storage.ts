import { vi } from 'vitest';
import { resetStorage } from '../../../src/lib/storage.ts';

/** An in-memory Storage for unit tests; `full` makes every write throw like a full quota. */
export class FakeStorage implements Storage {
  private data = new Map<string, string>();
  full = false;
  get length() {
    return this.data.size;
  }
  key(i: number) {
    return [...this.data.keys()][i] ?? null;
  }
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.data.set(key, String(value));
  }
  removeItem(key: string) {
    this.data.delete(key);
  }
  clear() {
    this.data.clear();
  }
}

/** Put a fresh FakeStorage in place of localStorage (and reset the storage module's probe); returns it. */
export function freshStorage(): FakeStorage {
  const store = new FakeStorage();
  vi.stubGlobal('localStorage', store);
  resetStorage();
  return store;
}
