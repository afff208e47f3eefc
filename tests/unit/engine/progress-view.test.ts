import { describe, expect, it } from 'vitest';
import {
  DIMENSIONS,
  dimensionLabel,
  durationText,
  progressView,
  type LearnerResults,
  type ProgressCatalogue,
} from '../../../src/engine/index.ts';
import { makeAttempt } from '../attempt-fixture.ts';

const catalogue: ProgressCatalogue = {
  scenarios: [
    { id: 'mower', title: 'The Mower', decisive: ['q.level'] },
    { id: 'card', title: 'The Card', decisive: ['q.safe'] },
    { id: 'dog', title: 'A Dog', decisive: ['q.level'] },
  ],
  rule: { required: ['mower', 'card'] },
  labels: Object.fromEntries(DIMENSIONS.map((d) => [d, dimensionLabel(d)])),
};
const learner = (over: Partial<LearnerResults> = {}): LearnerResults => ({
  attempts: [],
  inProgress: new Set(),
  setAside: [],
  newlySetAside: 0,
  ...over,
});
const perfect = [{ dimension: 'q.level', earned: 2, possible: 2 }];

describe('the progress page for a new learner', () => {
  const view = progressView(learner(), catalogue);

  it('says plainly that nothing is finished, with no made-up figures', () => {
    expect(view.summary).toBe('You have not finished a scenario yet.');
    expect(progressView(learner({ inProgress: new Set(['dog']) }), catalogue).summary).toBe(
      'You have not finished a scenario yet; 1 scenario is under way.',
    );
  });

  it('suggests the first scenario as a place to start, and lists every scenario as not started', () => {
    expect(view.tryNext).toEqual({ id: 'mower', title: 'The Mower', why: 'a good place to start.' });
    expect(view.rows.map((r) => [r.title, r.status, r.best, r.attempts, r.time])).toEqual([
      ['The Mower', 'not started', '—', 0, '—'],
      ['The Card', 'not started', '—', 0, '—'],
      ['A Dog', 'not started', '—', 0, '—'],
    ]);
  });

  it('shows every question and responsibility as not yet scored, and the certificate as not earned', () => {
    expect(view.strengths).toHaveLength(12);
    expect(view.strengths.every((s) => s.value === 'not yet scored' && s.width === 0 && s.points === '')).toBe(true);
    expect(view.certificate).toEqual({
      earned: false,
      required: [
        { id: 'mower', title: 'The Mower', passed: false },
        { id: 'card', title: 'The Card', passed: false },
      ],
    });
  });
});

describe('the progress page with some results', () => {
  const attempts = [
    makeAttempt({ id: '1', percent: 60, passed: false, seconds: 300, byDimension: [], scoringVersion: 2 }),
    makeAttempt({
      id: '2',
      percent: 90,
      finishedAt: '2026-11-02T10:00:00.000Z',
      seconds: 540,
      scoringVersion: 2,
      byDimension: [
        { dimension: 'q.level', earned: 1, possible: 2 },
        { dimension: 'duty.respect', earned: 3, possible: 4 },
      ],
    }),
  ];
  const view = progressView(learner({ attempts }), catalogue);

  it('counts passes, attempts and time played', () => {
    expect(view.summary).toBe('You have passed 1 of 3 scenarios, in 2 attempts and 14 min of play.');
    expect(view.rows[0]).toMatchObject({ status: 'passed', best: '90%', latest: '90%', attempts: 2, time: '14 min' });
  });

  it('suggests the open scenario that trains the weakest question, naming it and its score', () => {
    expect(view.tryNext).toEqual({
      id: 'dog',
      title: 'A Dog',
      why: 'it turns on “4 e. Is it on your organizational level?”, your weakest question so far (50%).',
    });
  });

  it('marks a share below the gap threshold as a gap and says the points', () => {
    const level = view.strengths.find((s) => s.dimension === 'q.level');
    expect(level).toMatchObject({ width: 50, gap: true, value: '50% (gap)', points: '1 of 2 points' });
    expect(view.strengths.find((s) => s.dimension === 'duty.respect')).toMatchObject({ gap: false, value: '75%' });
    expect(view.gapBelow).toBe(70);
  });
});

describe('the progress page when nothing is weak or nothing is left', () => {
  it('at 100% on every question suggests the next scenario not passed, without calling anything weak', () => {
    const view = progressView(learner({ attempts: [makeAttempt({ byDimension: perfect })] }), catalogue);
    expect(view.tryNext).toEqual({ id: 'card', title: 'The Card', why: 'you have not passed it yet.' });
  });

  it('suggests nothing once every scenario is passed, and offers the certificate', () => {
    const attempts = catalogue.scenarios.map((s, i) =>
      makeAttempt({ id: s.id, scenario: s.id, seconds: 30, byDimension: i ? [] : perfect }),
    );
    const view = progressView(learner({ attempts }), catalogue);
    expect(view.tryNext).toBeUndefined();
    expect(view.summary).toBe('You have passed 3 of 3 scenarios, in 3 attempts and 2 min of play.');
    expect(view.certificate.earned).toBe(true);
  });
});

describe('set-aside records', () => {
  it('tells how many were set aside now, in one sentence, and lists each with its time', () => {
    const view = progressView(
      learner({ newlySetAside: 2, setAside: [{ at: '2026-11-02T10:11:12.000Z', reason: 'damaged' }] }),
      catalogue,
    );
    expect(view.setAsideNotice).toBe(
      '2 saved results could not be read and were set aside; the download is under “Keep your results”.',
    );
    expect(view.setAside).toEqual(['2026-11-02 10:11: damaged']);
  });
});

describe('durationText', () => {
  it.each([
    [0, '—'],
    [12, 'under a minute'],
    [89, '1 min'],
    [1800, '30 min'],
  ])('%i seconds reads %s', (seconds, text) => expect(durationText(seconds)).toBe(text));
});
