import { describeIssue, mergeAttempts, type AttemptRecord, type ResultsFile, type Trainee } from '../engine/results.ts';
import { attemptRecordSchema, RESULTS_FORMAT, RESULTS_VERSION } from '../engine/results-schema.ts';
import { SCORING_VERSION } from '../engine/call-credit.ts';
import { MAX_RESULTS_FILE_BYTES, readResultsFile } from './results-file.ts';
import { rawResults, readTrainee, saveResult } from './results-store.ts';
import { keysWith, readItem, removeItem, setAside } from './storage.ts';

/** Data that was set aside because it could not be read: kept for download, never silently deleted. */
export interface SetAsideRecord {
  key: string;
  reason: string;
  at: string;
  value: string;
}

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
  let newlySetAside = 0;
  for (const { key, text } of rawResults()) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    const result = attemptRecordSchema.safeParse(parsed);
    if (result.success) attempts.push(result.data);
    else {
      setAside(
        key,
        text,
        `a saved result could not be read (${parsed === undefined ? 'not JSON' : describeIssue(result.error)})`,
      );
      newlySetAside++;
    }
  }
  const inProgress = new Set(
    keysWith('mp201:attempt:').flatMap((key) => {
      try {
        const saved = JSON.parse(readItem(key) ?? '') as { snapshot?: { status?: string }; scenario?: string };
        return saved.snapshot?.status === 'active' && saved.scenario ? [saved.scenario] : [];
      } catch {
        return [];
      }
    }),
  );
  const setAsideRecords = keysWith('mp201:set-aside:').flatMap((key) => {
    try {
      return [JSON.parse(readItem(key) ?? '') as SetAsideRecord];
    } catch {
      return [];
    }
  });
  return {
    trainee: readTrainee(),
    attempts: attempts.sort((a, b) => a.finishedAt.localeCompare(b.finishedAt)),
    inProgress,
    setAside: setAsideRecords,
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

/** Files larger than this are refused before they are read. */
export const MAX_IMPORT_BYTES = MAX_RESULTS_FILE_BYTES;

/** What an import did, in one sentence. */
export type ImportOutcome = { ok: true; message: string; trainee: Trainee } | { ok: false; message: string };

/**
 * Import a results file: validate it whole, then merge (the same attempt is kept once and newer
 * data is never overwritten). A bad file changes nothing.
 */
export function importResults(name: string, text: string, current: readonly AttemptRecord[]): ImportOutcome {
  const read = readResultsFile(text);
  if (!read.ok)
    return {
      ok: false,
      message: `${name} was not imported: ${read.reason}. Nothing was changed. Choose a file made by “Download results (JSON)”.`,
    };
  const { taken, added, updated } = mergeAttempts(current, read.file.attempts);
  for (const attempt of taken) saveResult(attempt);
  const same = read.file.attempts.length - added - updated;
  return {
    ok: true,
    trainee: read.file.trainee,
    message: `${name}: ${added} attempt${added === 1 ? '' : 's'} added${updated ? `, ${updated} updated` : ''}${same ? `, ${same} already here` : ''}.`,
  };
}

/** Remove every result, attempt in progress, set-aside record and the trainee details. */
export function clearLearnerData(): void {
  for (const key of keysWith('mp201:')) removeItem(key);
}
