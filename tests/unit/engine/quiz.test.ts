import { describe, expect, it } from 'vitest';
import { lessonSchema, scoreChecks } from '../../../src/engine/index.ts';

describe('scoreChecks', () => {
  it('counts right answers; an unanswered question is wrong', () => {
    const result = scoreChecks([{ answer: 0 }, { answer: 2 }, { answer: 1 }], [0, 1, undefined]);
    expect(result).toMatchObject({ correct: 1, total: 3, percent: 33 });
    expect(result.results.map((r) => r.correct)).toEqual([true, false, false]);
  });
});

describe('lessonSchema', () => {
  const lesson = {
    title: 'T',
    summary: 'S',
    order: 1,
    minutes: 4,
    sop: ['customer'],
    checks: [{ question: 'Q?', options: ['a', 'b'], answer: 1, explanation: 'E' }],
  };
  it('accepts a lesson', () => expect(lessonSchema.safeParse(lesson).success).toBe(true));
  it('rejects an answer that points past the options, naming the field', () => {
    const result = lessonSchema.safeParse({ ...lesson, checks: [{ ...lesson.checks[0], answer: 2 }] });
    expect(result.error?.issues[0]).toMatchObject({
      path: ['checks', 0, 'answer'],
      message: 'expected answer to be the index of one of the options (0 for the first)',
    });
  });
});
