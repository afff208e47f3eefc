import { describe, expect, it } from 'vitest';
import {
  certificateView,
  completionStatus,
  scoreAttempt,
  scoringKeyOf,
  summarizeProgress,
  type Answer,
  type AttemptRecord,
  type CertificateCatalogue,
} from '../../../src/engine/index.ts';
import { ALL_YES, decision, ending, scene, valid } from './fixture.ts';
import { makeAttempt } from '../attempt-fixture.ts';

// A scene, then a decision keyed "act" (all yes), then endings by call.
const scenario = valid([
  scene('a', [{ to: 'd', grade: 'best', trains: 'duty.respect' }]),
  decision('d', { act: 'good', ask: 'meh', decline: 'bad' }),
  ending('good'),
  ending('meh', 'adequate'),
  ending('bad', 'poor'),
]);
const catalogue: CertificateCatalogue = {
  scenarios: [
    { id: 'fixture', title: 'The Fixture', minutes: 45 },
    { id: 'other', title: 'Another One', minutes: 20 },
  ],
  rule: { required: ['fixture'] },
  keys: [scoringKeyOf(scenario, 'h1')],
};
const NOW = Date.parse('2026-12-01T09:00:00.000Z');

/** An honest attempt at the fixture with the given call, scored by the engine. */
function played(call: 'act' | 'decline', over: Partial<AttemptRecord> = {}): AttemptRecord {
  const answers: Answer[] = [
    { kind: 'choice', step: 'a', choice: 0 },
    { kind: 'decision', step: 'd', answers: ALL_YES, call },
  ];
  const score = scoreAttempt(scenario, answers, 2);
  const end = call === 'act' ? 'good' : 'bad';
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
    finishedAt: '2026-11-20T23:30:00.000Z',
    byDimension: score.byDimension.map(({ dimension, earned, possible }) => ({ dimension, earned, possible })),
    scoringVersion: 2,
    ...over,
  });
}

describe('completionStatus', () => {
  it('is complete only when every required scenario is passed, and names what is missing', () => {
    const progress = summarizeProgress(['fixture', 'other'], [played('act')]);
    expect(completionStatus({ required: ['fixture', 'other'] }, progress)).toEqual({
      complete: false,
      missing: ['other'],
    });
    expect(completionStatus({ required: ['fixture'] }, progress)).toEqual({ complete: true, missing: [] });
  });
});

describe('certificateView', () => {
  it('lists each required scenario with its best score, the day, the stated minutes and the check', () => {
    const view = certificateView(
      { attempts: [played('act')], trainee: { name: 'Ana Ruiz', memberId: 'E-1' } },
      catalogue,
      NOW,
    );
    expect(view).toEqual({
      earned: true,
      name: 'Ana Ruiz',
      member: 'Member number E-1',
      rows: [
        {
          id: 'fixture',
          title: 'The Fixture',
          best: '100%',
          passedOn: 'November 20, 2026',
          minutes: 45,
          checked: 'Re-scored: matches',
        },
      ],
      time: '45 minutes (0.75 hours)',
      issued: 'December 1, 2026',
    });
  });

  it('counts the stated minutes of the required scenarios once each, however often they were played', () => {
    const rule = { required: ['fixture', 'other'] };
    const other = makeAttempt({ id: 'o', scenario: 'other', passed: true, percent: 90 });
    const view = certificateView(
      { attempts: [played('act'), played('act', { id: 'again' }), other], trainee: { name: 'A' } },
      { ...catalogue, rule },
      NOW,
    );
    expect(view.earned && view.time).toBe('65 minutes (1.08 hours)');
    // "other" has no key here: its pass stands as stated, and the certificate says it was not re-scored.
    expect(view.earned && view.rows[1]?.checked).toBe('Not verified: not in this course');
  });

  it('does not count an attempt that says "passed" when its answers do not earn the pass', () => {
    const claimed = played('decline', { passed: true, percent: 100, earned: 99, possible: 99 });
    expect(certificateView({ attempts: [claimed], trainee: { name: 'A' } }, catalogue, NOW)).toEqual({
      earned: false,
      missing: [{ id: 'fixture', title: 'The Fixture' }],
    });
  });

  it('asks for a name where none was given', () => {
    const view = certificateView({ attempts: [played('act')], trainee: { name: '' } }, catalogue, NOW);
    expect(view.earned && [view.name, view.member]).toEqual(['Add your name on My progress', '']);
  });
});
