import type { AttemptRecord, ResultsFile } from '../../src/engine/index.ts';

/** A finished attempt with plausible values; override what a test is about. */
export function makeAttempt(over: Partial<AttemptRecord> = {}): AttemptRecord {
  return {
    id: 'a1',
    scenario: 'mower',
    title: 'The Mower',
    contentHash: 'h1',
    startedAt: '2026-11-01T10:00:00.000Z',
    finishedAt: '2026-11-01T10:10:00.000Z',
    seconds: 600,
    minutes: 10,
    path: ['a', 'b'],
    answers: [{ kind: 'choice', step: 'a', choice: 0 }],
    ending: 'b',
    outcome: 'exemplary',
    percent: 90,
    earned: 9,
    possible: 10,
    passingScore: 80,
    passed: true,
    byDimension: [
      { dimension: 'q.safe', earned: 1, possible: 1 },
      { dimension: 'duty.respect', earned: 2, possible: 4 },
    ],
    ...over,
  };
}

/** A learner's hand-in file for session ACAD-26-3 with the given attempts. */
export function makeResultsFile(name: string, attempts: AttemptRecord[], memberId?: string): ResultsFile {
  return {
    format: 'mp201-results',
    version: 1,
    exportedAt: '2026-11-02T00:00:00.000Z',
    trainee: { name, ...(memberId ? { memberId } : {}), sessionCode: 'ACAD-26-3' },
    attempts,
  };
}
