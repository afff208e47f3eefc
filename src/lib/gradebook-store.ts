import { createStore, get, update, del } from 'idb-keyval';
import * as z from 'zod/mini';
import { learnerKey, type Learner } from '../engine/gradebook.ts';
import type { FileEntry } from '../engine/gradebook-view.ts';
import { describeIssue } from '../engine/issues.ts';
import { attemptRecordSchema } from '../engine/results-schema.ts';

export type { FileEntry };

/**
 * The gradebook keeps a class in IndexedDB (through idb-keyval): a class of 60 with every attempt
 * can outgrow localStorage's few megabytes. If IndexedDB is unavailable, the class lives in memory.
 *
 * Every change is applied to the class as stored at that moment, inside one IndexedDB transaction,
 * so two gradebook tabs add to each other's imports instead of overwriting them. What is read back
 * is validated; a damaged record is reported and never overwritten until the instructor clears it.
 */

/** The IndexedDB database and object store that hold the gradebook's class (its one home). */
export const GRADEBOOK_DB = { database: 'mp201-gradebook', store: 'class' } as const;

/** Everything the gradebook keeps. `revision` counts saved changes (from any tab). */
export interface ClassBook {
  sessionCode: string;
  classList: string[];
  learners: Learner[];
  files: FileEntry[];
  revision: number;
}

export const EMPTY: ClassBook = { sessionCode: '', classList: [], learners: [], files: [], revision: 0 };

const learnerSchema = z.object({
  key: z.string(),
  name: z.string(),
  memberId: z.optional(z.string()),
  sessionCodes: z.array(z.string()),
  attempts: z.array(attemptRecordSchema),
  files: z.array(z.string()),
});
const classBookSchema = z.object({
  sessionCode: z.string(),
  classList: z.array(z.string()),
  learners: z.array(learnerSchema),
  files: z.array(
    z.object({
      name: z.string(),
      status: z.enum(['imported', 'skipped']),
      detail: z.string(),
      flagged: z.optional(z.string()),
    }),
  ),
  revision: z.optional(z.number()),
});

/** A stored class, validated; learners re-keyed (keys once used the member number alone). */
export function readBook(stored: unknown): { status: 'read'; book: ClassBook } | { status: 'damaged'; reason: string } {
  if (stored === undefined) return { status: 'read', book: EMPTY };
  const parsed = classBookSchema.safeParse(stored);
  if (!parsed.success) return { status: 'damaged', reason: describeIssue(parsed.error) };
  const data = parsed.data;
  return {
    status: 'read',
    book: {
      ...data,
      revision: data.revision ?? 0,
      learners: data.learners.map((l) => ({ ...l, key: learnerKey(l) })),
    },
  };
}

/**
 * What loading found: the class as stored, the class this page holds in memory (the browser keeps
 * nothing), or a stored record that could not be read (kept as it is).
 */
export type BookLoad =
  { status: 'stored' | 'memory'; book: ClassBook } | { status: 'damaged'; reason: string; raw: unknown };

const store = (() => {
  try {
    return createStore(GRADEBOOK_DB.database, GRADEBOOK_DB.store);
  } catch {
    return undefined;
  }
})();

let memory: ClassBook = EMPTY;

/** Load the class. */
export async function loadBook(): Promise<BookLoad> {
  let stored: unknown;
  try {
    if (!store) throw new Error('no IndexedDB');
    stored = await get('book', store);
  } catch {
    return { status: 'memory', book: memory };
  }
  const read = readBook(stored);
  return read.status === 'read'
    ? { status: 'stored', book: read.book }
    : { status: 'damaged', reason: read.reason, raw: stored };
}

/**
 * What a change did: the class as now saved (or, when the browser keeps nothing, held in memory) and
 * whether another tab had changed it first; or why nothing was saved (a damaged stored class, or no answer).
 */
export type BookUpdate =
  { status: 'saved' | 'memory'; book: ClassBook; otherTab: boolean } | { status: 'damaged' | 'failed'; reason: string };

/**
 * Apply `change` to the class as stored now (another tab's imports included) and save it, in one
 * transaction. `seen` is the revision the page last showed: when the stored one differs, another tab
 * changed the class in between, and `otherTab` says so. A damaged stored class is left untouched.
 */
export async function updateBook(seen: number, change: (book: ClassBook) => ClassBook): Promise<BookUpdate> {
  const apply = (book: ClassBook): ClassBook => ({ ...change(book), revision: book.revision + 1 });
  let outcome: BookUpdate | undefined;
  try {
    if (!store) throw new Error('no IndexedDB');
    await update(
      'book',
      (stored: unknown) => {
        const read = readBook(stored);
        if (read.status === 'damaged') {
          outcome = { status: 'damaged', reason: read.reason };
          return stored;
        }
        const book = apply(read.book);
        outcome = { status: 'saved', book, otherTab: read.book.revision !== seen };
        return book;
      },
      store,
    );
  } catch {
    // IndexedDB refused (private browsing, blocked storage, quota): keep the class in memory.
    const book = apply(memory);
    outcome = { status: 'memory', book, otherTab: false };
  }
  if (outcome && 'book' in outcome) memory = outcome.book;
  return outcome ?? { status: 'failed', reason: 'the browser did not answer' };
}

/** Remove the class (and a damaged record) from this browser. */
export async function clearBook(): Promise<void> {
  memory = EMPTY;
  try {
    if (store) await del('book', store);
  } catch {
    // Nothing kept, nothing to clear.
  }
}
