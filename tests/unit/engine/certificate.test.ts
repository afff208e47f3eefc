import { describe, expect, it } from 'vitest';
import {
  certificateView,
  completionStatus,
  summarizeProgress,
  type AttemptRecord,
  type CertificateCatalogue,
} from '../../../src/engine/index.ts';
import { classKey as key, played as honest } from './class-fixture.ts';
import { makeAttempt } from '../attempt-fixture.ts';

const catalogue: CertificateCatalogue = {
  scenarios: [
    { id: 'fixture', title: 'The Fixture', minutes: 45 },
    { id: 'other', title: 'Another One', minutes: 20 },
  ],
  rule: { required: ['fixture'] },
  keys: [key],
};
const NOW = Date.parse('2026-12-01T09:00:00.000Z');

/** An honest attempt at the fixture, played on November 20. */
const played = (call: 'act' | 'decline', over: Partial<AttemptRecord> = {}) =>
  honest(call, { finishedAt: '2026-11-20T23:30:00.000Z', ...over });

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
