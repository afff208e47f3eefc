import type { AttemptRecord, Trainee } from '../engine/results-schema.ts';
import { keys, PREFIXES, TRAINEE_KEY } from './storage-keys.ts';
import { keysWith, readRecord, writeRecord, type RecordKind, type WriteResult } from './storage.ts';

/**
 * Finished attempts, one record per attempt id, so saving never rewrites (or risks) earlier results;
 * and the learner's details. The full check of a result (the engine's zod schema) is made by the
 * pages that show results, so the player stays small; here a result only has to look like one.
 */

const looksLikeResult = (data: unknown): AttemptRecord | undefined => {
  const r = data as Partial<AttemptRecord> | null;
  return r && typeof r === 'object' && typeof r.id === 'string' && typeof r.scenario === 'string'
    ? (r as AttemptRecord)
    : undefined;
};

/** Finished attempts, version 1 (version 0: the bare records of the first release). */
export const resultRecord: RecordKind<AttemptRecord> = {
  record: 'result',
  version: 1,
  check: looksLikeResult,
  migrate: (data, version) => (version === 0 ? looksLikeResult(data) : undefined),
};

const checkTrainee = (data: unknown): Trainee | undefined => {
  const t = data as Partial<Trainee> | null;
  if (!t || typeof t !== 'object') return undefined;
  return {
    name: typeof t.name === 'string' ? t.name : '',
    ...(typeof t.memberId === 'string' && t.memberId ? { memberId: t.memberId } : {}),
    ...(typeof t.sessionCode === 'string' && t.sessionCode ? { sessionCode: t.sessionCode } : {}),
  };
};

/** The learner's details, version 1 (version 0: the bare object of the first release). */
export const traineeRecord: RecordKind<Trainee> = {
  record: 'trainee',
  version: 1,
  check: checkTrainee,
  migrate: (data, version) => (version === 0 ? checkTrainee(data) : undefined),
};

/**
 * Keep a finished attempt. `onlyNew` refuses to replace one already kept (status 'stale'), so a
 * second tab or a second click never records the same attempt twice.
 */
export function saveResult(record: AttemptRecord, onlyNew = false): WriteResult {
  return writeRecord(resultRecord, keys.result(record.id), record, onlyNew ? { expect: 'absent' } : {});
}

/** Every stored result that looks like one, with its key; anything else is set aside and counted. */
export function readResults(): { results: { key: string; data: AttemptRecord }[]; unreadable: number } {
  const results: { key: string; data: AttemptRecord }[] = [];
  let unreadable = 0;
  for (const key of keysWith(PREFIXES.result)) {
    const found = readRecord(resultRecord, key);
    if (found.status === 'ok') results.push({ key, data: found.value });
    else if (found.status !== 'none') unreadable++;
  }
  return { results, unreadable };
}

/** The learner's name, member number and session code, as they last entered them. */
export function readTrainee(): Trainee {
  const found = readRecord(traineeRecord, TRAINEE_KEY);
  return found.status === 'ok' ? found.value : { name: '' };
}

/** Keep the learner's details. */
export function saveTrainee(trainee: Trainee): WriteResult {
  return writeRecord(traineeRecord, TRAINEE_KEY, trainee);
}
