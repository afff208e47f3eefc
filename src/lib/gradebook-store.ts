import { createStore, get, set, del } from 'idb-keyval';
import type { Learner } from '../engine/gradebook.ts';
import { GRADEBOOK_DB } from './storage-keys.ts';

/**
 * The gradebook keeps a class in IndexedDB (through idb-keyval): a class of 60 with every attempt
 * can outgrow localStorage's few megabytes. If IndexedDB is unavailable, the class lives in memory.
 */

/** One file the instructor dropped in, with what happened to it. */
export interface FileEntry {
  name: string;
  status: 'imported' | 'skipped';
  detail: string;
  flagged?: string;
}

/** Everything the gradebook keeps. */
export interface ClassBook {
  sessionCode: string;
  classList: string[];
  learners: Learner[];
  files: FileEntry[];
}

export const EMPTY: ClassBook = { sessionCode: '', classList: [], learners: [], files: [] };

const store = (() => {
  try {
    return createStore(GRADEBOOK_DB.database, GRADEBOOK_DB.store);
  } catch {
    return undefined;
  }
})();

let memory: ClassBook | undefined;

/** Load the class; 'memory' when the browser would not keep it. */
export async function loadBook(): Promise<{ book: ClassBook; kept: boolean }> {
  try {
    if (!store) throw new Error('no IndexedDB');
    const book = (await get<ClassBook>('book', store)) ?? EMPTY;
    return { book: { ...EMPTY, ...book }, kept: true };
  } catch {
    return { book: memory ?? EMPTY, kept: false };
  }
}

/** Save the class; false when it is kept in memory only. */
export async function saveBook(book: ClassBook): Promise<boolean> {
  memory = book;
  try {
    if (!store) throw new Error('no IndexedDB');
    await set('book', book, store);
    return true;
  } catch {
    return false;
  }
}

export async function clearBook(): Promise<void> {
  memory = undefined;
  try {
    if (store) await del('book', store);
  } catch {
    // Nothing kept, nothing to clear.
  }
}
