import type { AttemptRecord, Trainee } from '../engine/results-schema.ts';
import { keysWith, readItem, writeItem, type SaveOutcome } from './storage.ts';

/** Finished attempts are stored one per key, so saving never rewrites (or risks) earlier results. */
const RESULT_PREFIX = 'mp201:result:';
const TRAINEE_KEY = 'mp201:trainee';

/** Keep a finished attempt. */
export function saveResult(record: AttemptRecord): SaveOutcome {
  return writeItem(`${RESULT_PREFIX}${record.id}`, JSON.stringify(record));
}

/** True when this attempt is already among the results. */
export function hasResult(id: string): boolean {
  return readItem(`${RESULT_PREFIX}${id}`) !== null;
}

/** Every stored result as raw text with its key, for the progress page to validate. */
export function rawResults(): { key: string; text: string }[] {
  return keysWith(RESULT_PREFIX).flatMap((key) => {
    const text = readItem(key);
    return text === null ? [] : [{ key, text }];
  });
}

/** The learner's name, member number and session code, as they last entered them. */
export function readTrainee(): Trainee {
  try {
    const data = JSON.parse(readItem(TRAINEE_KEY) ?? '{}') as Partial<Trainee>;
    return {
      name: typeof data.name === 'string' ? data.name : '',
      ...(typeof data.memberId === 'string' && data.memberId ? { memberId: data.memberId } : {}),
      ...(typeof data.sessionCode === 'string' && data.sessionCode ? { sessionCode: data.sessionCode } : {}),
    };
  } catch {
    return { name: '' };
  }
}

export function saveTrainee(trainee: Trainee): SaveOutcome {
  return writeItem(TRAINEE_KEY, JSON.stringify(trainee));
}
