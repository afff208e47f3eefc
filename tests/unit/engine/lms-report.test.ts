import { describe, expect, it } from 'vitest';
import { answerInteractions, lmsScore, scoreAttempt, type Answer } from '../../../src/engine/index.ts';
import { ALL_YES, decision, ending, scene, valid } from './fixture.ts';

const scenario = valid([
  scene('a', [{ to: 'd', grade: 'ok' }, { to: 'd' }, { to: 'a', grade: 'poor' }]),
  decision('d', { act: 'good', ask: 'asked', decline: 'bad' }),
  ending('good'),
  ending('asked', 'adequate'),
  ending('bad', 'poor'),
]);

describe('answerInteractions', () => {
  it.each([
    [0, 'neutral'],
    [1, 'correct'],
    [2, 'incorrect'],
  ] as const)('scene choice %s is %s, with the best choice as the correct response', (choice, result) => {
    expect(answerInteractions(scenario, { kind: 'choice', step: 'a', choice })).toEqual([
      { id: 'a.choice', response: `c${choice}`, correct: ['c1'], result, description: `Scene a: Choice ${choice}` },
    ]);
  });

  it('gives a decision one interaction per question and one for the call, marked against the key', () => {
    const answer: Answer = { kind: 'decision', step: 'd', answers: { ...ALL_YES, safe: 'no' }, call: 'decline' };
    const lines = answerInteractions(scenario, answer);
    expect(lines.map((l) => `${l.id}=${l.response}:${l.result}`)).toEqual([
      'd.customer=yes:correct',
      'd.department=yes:correct',
      'd.legal=yes:correct',
      'd.safe=no:incorrect',
      'd.level=yes:correct',
      'd.accountable=yes:correct',
      'd.policy=yes:correct',
      'd.call=decline:incorrect',
    ]);
    expect(lines.at(-1)!.correct).toEqual(['act']);
  });

  it('has nothing for an answer to a step the scenario does not have', () => {
    expect(answerInteractions(scenario, { kind: 'choice', step: 'gone', choice: 0 })).toEqual([]);
  });
});

describe('lmsScore', () => {
  it('is the engine’s percent on 0–100, scaled to 0–1, with its pass', () => {
    const answers: Answer[] = [
      { kind: 'choice', step: 'a', choice: 0 },
      { kind: 'decision', step: 'd', answers: ALL_YES, call: 'act' },
    ];
    const score = scoreAttempt(scenario, answers);
    expect(lmsScore(scenario, answers)).toEqual({
      raw: score.percent,
      min: 0,
      max: 100,
      scaled: score.percent / 100,
      passed: score.passed,
    });
  });
});
