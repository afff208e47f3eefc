import { scoreAttempt, scoringKeyOf, type Answer, type AttemptRecord } from '../../../src/engine/index.ts';
import { makeAttempt } from '../attempt-fixture.ts';
import { ALL_YES, decision, ending, scene, valid } from './fixture.ts';

/** A class's scenario: a scene, then a decision keyed "act" (all yes), then endings by call. */
export const classScenario = valid([
  scene('a', [
    { to: 'd', grade: 'best', trains: 'duty.respect' },
    { to: 'd', grade: 'poor', trains: 'duty.respect' },
  ]),
  decision('d', { act: 'good', ask: 'meh', decline: 'bad' }),
  ending('good'),
  ending('meh', 'adequate'),
  ending('bad', 'poor'),
]);
export const classKey = scoringKeyOf(classScenario, 'h1');
/** The moment the class is checked: after every fixture attempt. */
export const CLASS_NOW = Date.parse('2026-11-02T00:00:00.000Z');

/** An honest attempt at the class scenario: the given call, scored by the engine under `version`. */
export function played(
  call: 'act' | 'ask' | 'decline',
  over: Partial<AttemptRecord> = {},
  version: 1 | 2 = 2,
): AttemptRecord {
  const answers: Answer[] = [
    { kind: 'choice', step: 'a', choice: 0 },
    { kind: 'decision', step: 'd', answers: ALL_YES, call },
  ];
  const score = scoreAttempt(classScenario, answers, version);
  const end = { act: 'good', ask: 'meh', decline: 'bad' }[call];
  return makeAttempt({
    id: `x-${call}`,
    scenario: 'fixture',
    contentHash: 'h1',
    path: ['a', 'd', end],
    answers,
    ending: end,
    percent: score.percent,
    earned: score.earned,
    possible: score.possible,
    passed: score.passed,
    passingScore: 80,
    byDimension: score.byDimension.map(({ dimension, earned, possible }) => ({ dimension, earned, possible })),
    sessionCode: 'ACAD-26-3',
    ...(version === 2 ? { scoringVersion: 2 } : {}),
    ...over,
  });
}
