import { describeIssue } from '../engine/issues.ts';
import { mergeAttempts } from '../engine/results-format.ts';
import {
  attemptRecordSchema,
  RESULTS_FORMAT,
  RESULTS_VERSION,
  type AttemptRecord,
  type ResultsFile,
  type Trainee,
} from '../engine/results-schema.ts';
import { SCORING_VERSION } from '../engine/call-credit.ts';
import { readResultsFile, refuseBySize } from './results-file.ts';
import { scenariosInProgress } from './learner-status.ts';
import { readResults, readTrainee, saveResult } from './results-store.ts';
import { STORAGE_PREFIX, type StoredKind } from './storage-keys.ts';
import { keysWith, readText, removeKey, setAside, type SetAsideRecord } from './storage.ts';
import { isLearnerKey, kindOf, readSetAside, restoreText } from './storage-admin.ts';

export type { SetAsideRecord };

/** Everything the progress page shows, read and validated from the browser's storage. */
export interface LearnerData {
  trainee: Trainee;
  attempts: AttemptRecord[];
  /** Scenarios with an attempt under way. */
  inProgress: Set<string>;
  setAside: SetAsideRecord[];
  /** How many records were found unreadable just now (and set aside). */
  newlySetAside: number;
}

/** Read and validate every stored result; anything that fails is set aside with the reason. */
export function loadLearnerData(): LearnerData {
  const attempts: AttemptRecord[] = [];
  const read = readResults();
  let newlySetAside = read.unreadable;
  for (const { key, data } of read.results) {
    const result = attemptRecordSchema.safeParse(data);
    if (result.success) attempts.push(result.data);
    else {
      setAside(key, readText(key) ?? '', `a saved result could not be read (${describeIssue(result.error)})`);
      newlySetAside++;
    }
  }
  const inProgress = scenariosInProgress();
  return {
    trainee: readTrainee(),
    attempts: attempts.sort((a, b) => a.finishedAt.localeCompare(b.finishedAt)),
    inProgress,
    setAside: readSetAside(),
    newlySetAside,
  };
}

/** The learner's results as a results file (the format every export uses). */
export function toResultsFile(trainee: Trainee, attempts: readonly AttemptRecord[]): ResultsFile {
  return {
    format: RESULTS_FORMAT,
    version: RESULTS_VERSION,
    exportedAt: new Date().toISOString(),
    scoringVersion: SCORING_VERSION,
    trainee,
    attempts: [...attempts],
  };
}

/** What an import did, in one sentence (`message`) for either outcome. */
export type ImportOutcome =
  { status: 'imported'; message: string; trainee: Trainee } | { status: 'refused'; message: string };

/** The sentence for a file that was not imported, and why. */
const refused = (name: string, reason: string): ImportOutcome => ({
  status: 'refused',
  message: `${name} was not imported: ${reason}. Nothing was changed. Choose a file made by “Download results (JSON)”.`,
});

/**
 * Import a results file the learner chose: one far too large is refused by its size before it is
 * read (the gradebook's rule, refuseBySize), the rest as importResults.
 */
export async function importResultsFile(
  file: Pick<File, 'name' | 'size' | 'text'>,
  current: readonly AttemptRecord[],
): Promise<ImportOutcome> {
  const tooLarge = refuseBySize(file.size);
  return tooLarge ? refused(file.name, tooLarge) : importResults(file.name, await file.text(), current);
}

/**
 * Import a results file's text: validate it whole, then merge (the same attempt is kept once and
 * newer data is never overwritten). A bad file changes nothing.
 */
export function importResults(name: string, text: string, current: readonly AttemptRecord[]): ImportOutcome {
  const read = readResultsFile(text);
  if (read.status === 'refused') return refused(name, read.reason);
  const { taken, added, updated } = mergeAttempts(current, read.file.attempts);
  const notKept = taken.filter((attempt) => saveResult(attempt).status !== 'saved').length;
  const same = read.file.attempts.length - added - updated;
  const counts = `${added} attempt${added === 1 ? '' : 's'} added${updated ? `, ${updated} updated` : ''}${same ? `, ${same} already here` : ''}`;
  return {
    status: 'imported',
    trainee: read.file.trainee,
    message: notKept
      ? `${name}: ${counts}, but this browser could not keep ${notKept === taken.length ? 'them' : `${notKept} of them`} (its storage is full or blocked): they are shown for this visit only, so keep the file.`
      : `${name}: ${counts}.`,
  };
}

/** What "Delete my results" removed, so that Undo can put it back exactly. */
export interface Deleted {
  entries: { key: string; text: string }[];
  results: number;
  inProgress: number;
  setAside: number;
}

/**
 * Remove the learner's results, attempts in progress, details and set-aside copies of those; drill
 * records (the station's training records) stay. Returns what was removed, for the message and Undo.
 */
export function clearLearnerData(): Deleted {
  const entries = keysWith(STORAGE_PREFIX)
    .filter(isLearnerKey)
    .flatMap((key) => {
      const text = readText(key);
      return text === null ? [] : [{ key, text }];
    });
  for (const { key } of entries) removeKey(key);
  const count = (kind: StoredKind) => entries.filter((e) => kindOf(e.key) === kind).length;
  return {
    entries,
    results: count('result'),
    inProgress: count('attempt'),
    setAside: count('setAside'),
  };
}

/** Put back what clearLearnerData removed; returns how many entries could not be kept in the browser. */
export function restoreLearnerData(deleted: Deleted): number {
  return deleted.entries.filter(({ key, text }) => restoreText(key, text).status !== 'saved').length;
}
