import { describe, expect, it } from 'vitest';
import {
  CALL_POINTS,
  choiceGradeLine,
  describeChoiceGrade,
  describeQuestionResult,
  firstDecisions,
  howScoringWorks,
  reviewAnchor,
  scoreSources,
} from '../../../src/engine/index.ts';
import { decision, ending, scene, valid } from './fixture.ts';

describe('describeChoiceGrade', () => {
  it.each([
    ['best', ['duty.respect'], 'Best choice: 2 of 2 points for the part of the procedure it practices (1. Respect).'],
    [
      'ok',
      ['duty.urgency'],
      'Acceptable choice: 1 of 2 points for the part of the procedure it practices (2. Urgency).',
    ],
    [
      'poor',
      ['duty.respect', 'image.educate'],
      'Poor choice: 0 of 2 points for each part of the procedure it practices (1. Respect; 5 d. Educate the customer), 0 of 4 in all.',
    ],
    [
      'best',
      ['duty.respect', 'duty.urgency'],
      'Best choice: 2 of 2 points for each part of the procedure it practices (1. Respect; 2. Urgency), 4 of 4 in all.',
    ],
    ['ok', [], 'Acceptable choice. This choice is not scored.'],
  ] as const)('%s on %o reads "%s"', (grade, trains, words) => {
    expect(describeChoiceGrade(grade, trains)).toBe(words);
  });
});

describe('choiceGradeLine', () => {
  it.each([
    ['best', 'duty.respect', 'Best choice: 2 of 2 points for the part of the procedure it practices (1. Respect).'],
    [
      'ok',
      'duty.urgency not.a-clause',
      'Acceptable choice: 1 of 2 points for the part of the procedure it practices (2. Urgency).',
    ],
    ['poor', undefined, 'Poor choice. This choice is not scored.'],
    ['great', 'duty.respect', undefined],
    [undefined, 'duty.respect', undefined],
  ])('grade %s training %s opens the feedback with %s', (grade, trains, line) => {
    expect(choiceGradeLine(grade, trains)).toBe(line);
  });
});

describe('describeQuestionResult', () => {
  it('says a match earns the point and a miss names the key’s answer, and what was said in each case', () => {
    expect(describeQuestionResult('no')).toEqual({
      right: 'Matches the key: 1 of 1 point',
      wrong: 'The key says no: 0 of 1 point',
      saidRight: 'No',
      saidWrong: 'Yes',
    });
  });
});

describe('howScoringWorks', () => {
  const items = howScoringWorks(80);
  it('gives each question’s point, the call’s points with every partial-credit cell, and the pass mark', () => {
    expect(items[0]).toBe(
      'At a decision, each of the 7 questions is worth 1 point. You earn it when your yes or no matches the key.',
    );
    expect(items[1]).toBe(
      `Your call (act, ask your officer, or decline) is worth ${CALL_POINTS} points. The best call earns all ${CALL_POINTS}. Some calls earn part of them: asking your officer earns 1 when the best call was to act; declining earns 1 when the best call was to ask; asking your officer earns 2 when the best call was to decline. Any other call earns 0.`,
    );
    expect(items[2]).toContain('earns 2 points if it is the best choice, 1 if it is acceptable and 0 if it is poor');
    expect(items.at(-1)).toMatch(/You pass at 80%\.$/);
  });
});

describe('firstDecisions', () => {
  it('finds the decisions some path meets before any other decision', () => {
    // a -> d1 -> d2 ; a -> s -> d2 ; d3 only after d2
    const scenario = valid([
      scene('a', [
        { to: 'd1', grade: 'best' },
        { to: 's', grade: 'poor' },
      ]),
      scene('s', [{ to: 'd2' }]),
      decision('d1', { act: 'd2', ask: 'e', decline: 'e' }),
      decision('d2', { act: 'd3', ask: 'e', decline: 'e' }),
      decision('d3', { act: 'e', ask: 'e', decline: 'e' }),
      ending('e'),
    ]);
    expect(firstDecisions(scenario)).toEqual(['d1', 'd2']);
  });
});

describe('scoreSources', () => {
  it('names, per dimension, the steps that can score it and the review anchor for each', () => {
    const scenario = valid([
      scene('a', [
        { to: 'd', trains: 'duty.respect image.educate' },
        { to: 'd', trains: 'image.attention' },
      ]),
      decision('d', { act: 'e', ask: 'e', decline: 'e' }),
      ending('e'),
    ]);
    const sources = scoreSources(scenario);
    expect(sources['duty.image']).toEqual([{ step: 'a', title: 'Scene a', anchor: 'a-title' }]);
    expect(sources['duty.respect']).toEqual([{ step: 'a', title: 'Scene a', anchor: 'a-title' }]);
    expect(sources['q.safe']).toEqual([{ step: 'd', title: 'Decision d', anchor: 'd-review-safe' }]);
    expect(sources.call).toEqual([{ step: 'd', title: 'Decision d', anchor: reviewAnchor('d', 'call') }]);
    expect(sources['duty.urgency']).toEqual([]);
  });
});
