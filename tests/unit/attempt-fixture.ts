import type { AttemptRecord } from '../../src/engine/index.ts';

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
