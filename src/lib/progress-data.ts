import { describeIssue, mergeAttempts, type AttemptRecord, type ResultsFile, type Trainee } from '../engine/results.ts';
import { attemptRecordSchema, resultsFileSchema, RESULTS_FORMAT, RESULTS_VERSION } from '../engine/results-schema.ts';
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
    trainee,
    attempts: [...attempts],
  };
}

/** Files larger than this are refused before they are read. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** What an import did, in one sentence. */
export type ImportOutcome = { ok: true; message: string; trainee: Trainee } | { ok: false; message: string };

/**
 * Import a results file: validate it whole, then merge (the same attempt is kept once and newer
 * data is never overwritten). A bad file changes nothing.
 */
export function importResults(name: string, text: string, current: readonly AttemptRecord[]): ImportOutcome {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return {
      ok: false,
      message: `${name} was not imported: it is not a results file (it is not valid JSON). Nothing was changed.`,
    };
  }
  const parsed = resultsFileSchema.safeParse(data);
  if (!parsed.success) {
    const format = (data as { format?: unknown })?.format;
    const reason =
      format !== RESULTS_FORMAT ? 'it is not a results file from this course' : describeIssue(parsed.error);
    return { ok: false, message: `${name} was not imported: ${reason}. Nothing was changed.` };
  }
  const { taken, added, updated } = mergeAttempts(current, parsed.data.attempts);
  for (const attempt of taken) saveResult(attempt);
  const same = parsed.data.attempts.length - added - updated;
  return {
    ok: true,
    trainee: parsed.data.trainee,
    message: `${name}: ${added} attempt${added === 1 ? '' : 's'} added${updated ? `, ${updated} updated` : ''}${same ? `, ${same} already here` : ''}.`,
  };
}

/** Remove every result, attempt in progress, set-aside record and the trainee details. */
export function clearLearnerData(): void {
  for (const key of keysWith('mp201:')) removeItem(key);
}
