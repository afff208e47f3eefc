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
export function readBook(stored: unknown): { ok: true; book: ClassBook } | { ok: false; reason: string } {
  if (stored === undefined) return { ok: true, book: EMPTY };
  const parsed = classBookSchema.safeParse(stored);
  if (!parsed.success) return { ok: false, reason: describeIssue(parsed.error) };
  const data = parsed.data;
  return {
    ok: true,
    book: {
      ...data,
      revision: data.revision ?? 0,
      learners: data.learners.map((l) => ({ ...l, key: learnerKey(l) })),
    },
  };
}

/** What loading found: the class, or a stored record that could not be read (kept as it is). */
export type BookLoad = { ok: true; book: ClassBook; kept: boolean } | { ok: false; reason: string; raw: unknown };

const store = (() => {
  try {
    return createStore(GRADEBOOK_DB.database, GRADEBOOK_DB.store);
  } catch {
    return undefined;
  }
})();

let memory: ClassBook = EMPTY;

/** Load the class; `kept` is false when the browser would not keep it (memory only). */
export async function loadBook(): Promise<BookLoad> {
  let stored: unknown;
  try {
    if (!store) throw new Error('no IndexedDB');
    stored = await get('book', store);
  } catch {
    return { ok: true, book: memory, kept: false };
  }
  const read = readBook(stored);
  return read.ok ? { ok: true, book: read.book, kept: true } : { ok: false, reason: read.reason, raw: stored };
}

/** What a change did: the class as now stored, whether it is kept, and whether another tab had changed it first. */
export type BookUpdate =
  { ok: true; book: ClassBook; kept: boolean; otherTab: boolean } | { ok: false; reason: string };

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
        if (!read.ok) {
          outcome = { ok: false, reason: read.reason };
          return stored;
        }
        const book = apply(read.book);
        outcome = { ok: true, book, kept: true, otherTab: read.book.revision !== seen };
        return book;
      },
      store,
    );
  } catch {
    // IndexedDB refused (private browsing, blocked storage, quota): keep the class in memory.
    const book = apply(memory);
    outcome = { ok: true, book, kept: false, otherTab: false };
  }
  if (outcome?.ok) memory = outcome.book;
  return outcome ?? { ok: false, reason: 'the browser did not answer' };
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
