import { describe, expect, it } from 'vitest';
import { decisiveQuestions, expectedCall, scoreAttempt, type Answer } from '../../../src/engine/index.ts';
import { decision, ending, scene, valid, ALL_YES } from './fixture.ts';

const yes = ALL_YES;

describe('expectedCall', () => {
  it.each([
    [{}, 'act'],
    [{ level: 'no' }, 'ask'],
    [{ safe: 'no' }, 'decline'],
    [{ level: 'no', policy: 'no' }, 'decline'],
    [{ customer: 'no' }, 'decline'],
  ] as const)('key %o calls for %s', (overrides, call) => {
    expect(expectedCall({ ...yes, ...overrides })).toBe(call);
  });
});

describe('decisiveQuestions', () => {
  it('lists the questions that are "no" in some decision', () => {
    const s = valid([decision('d', { act: 'e', ask: 'e', decline: 'e' }, { safe: 'no', policy: 'no' }), ending('e')]);
    expect(decisiveQuestions(s)).toEqual(['q.safe', 'q.policy']);
  });
});

describe('scoreAttempt', () => {
  const scenario = valid([
    scene('a', [
      { to: 'd', grade: 'best', trains: 'duty.respect duty.urgency' },
      { to: 'd', grade: 'ok', trains: 'duty.respect image.educate' },
      { to: 'a', grade: 'poor', trains: 'duty.respect' },
    ]),
    decision('d', { act: 'e', ask: 'e', decline: 'e' }, { safe: 'no' }),
    ending('e'),
  ]);

  it('gives 2 points per trained duty for best, 1 for ok, 0 for poor', () => {
    expect(scoreAttempt(scenario, [{ kind: 'choice', step: 'a', choice: 0 }])).toMatchObject({
      earned: 4,
      possible: 4,
      percent: 100,
    });
    const ok = scoreAttempt(scenario, [{ kind: 'choice', step: 'a', choice: 1 }]);
    expect(ok).toMatchObject({ earned: 2, possible: 4, percent: 50 });
    expect(ok.byDimension).toEqual([
      { dimension: 'duty.respect', earned: 1, possible: 2, percent: 50 },
      { dimension: 'duty.image', earned: 1, possible: 2, percent: 50 },
    ]);
  });

  it('gives a decision one point per question that matches the key plus three for the right call', () => {
    const right: Answer = { kind: 'decision', step: 'd', answers: { ...yes, safe: 'no' }, call: 'decline' };
    const wrong: Answer = { kind: 'decision', step: 'd', answers: { ...yes }, call: 'act' };
    expect(scoreAttempt(scenario, [right])).toMatchObject({ earned: 10, possible: 10, percent: 100, passed: true });
    const score = scoreAttempt(scenario, [wrong]);
    expect(score).toMatchObject({ earned: 6, possible: 10, percent: 60, passed: false });
    expect(score.byDimension.find((d) => d.dimension === 'q.safe')).toEqual({
      dimension: 'q.safe',
      earned: 0,
      possible: 1,
      percent: 0,
    });
    expect(score.byDimension.find((d) => d.dimension === 'call')).toEqual({
      dimension: 'call',
      earned: 0,
      possible: 3,
      percent: 0,
    });
  });

  it('counts a revisited step each time it is answered, over the steps actually visited', () => {
    const answers: Answer[] = [
      { kind: 'choice', step: 'a', choice: 2 },
      { kind: 'choice', step: 'a', choice: 0 },
      { kind: 'decision', step: 'd', answers: { ...yes, safe: 'no' }, call: 'decline' },
    ];
    // poor (0/2) + best (4/4) + decision (10/10) = 14 of 16
    expect(scoreAttempt(scenario, answers)).toMatchObject({ earned: 14, possible: 16, percent: 88, passed: true });
  });

  it('passes against the scenario’s own passing score', () => {
    const strict = valid([scene('a', [{ to: 'e', grade: 'ok' }]), ending('e')], { passingScore: 50 });
    expect(scoreAttempt(strict, [{ kind: 'choice', step: 'a', choice: 0 }]).passed).toBe(true);
  });
});
