import { describe, expect, it } from 'vitest';
import { cardStatusText, filterFromQuery, lengthBands, matchesFilter } from '../../../src/engine/catalogue-filter.ts';
import { summarizeProgress } from '../../../src/engine/progress.ts';
import type { AttemptRecord } from '../../../src/engine/results-schema.ts';

const card = {
  audiences: ['recruit', 'drill'],
  customers: ['customer.related'],
  clauses: ['q.safe', 'duty.respect'],
  minutes: 11,
  status: 'passed',
};
const any = { audience: '', customer: '', clause: '', length: '', status: '' } as const;

describe('matchesFilter', () => {
  it.each([
    [any, true],
    [{ ...any, audience: 'drill' }, true],
    [{ ...any, audience: 'officer' }, false],
    [{ ...any, customer: 'customer.related' }, true],
    [{ ...any, customer: 'customer.members' }, false],
    [{ ...any, clause: 'q.safe' }, true],
    [{ ...any, clause: 'q.level' }, false],
    [{ ...any, length: '11-12' }, true],
    [{ ...any, length: '8-10' }, false],
    [{ ...any, status: 'passed' }, true],
    [{ ...any, status: 'not started' }, false],
    [{ audience: 'drill', customer: 'customer.related', clause: 'duty.respect', length: '13-13', status: '' }, false],
  ] as const)('%o -> %s', (filter, expected) => {
    expect(matchesFilter(card, filter)).toBe(expected);
  });
});

describe('lengthBands', () => {
  it.each([
    [
      [8, 8, 9, 9, 10, 10, 10, 11, 12, 12, 13, 13],
      ['Up to 9 minutes', '10 to 11 minutes', '12 minutes or more'],
    ],
    [
      [8, 8, 8, 8, 8, 15],
      ['8 minutes', '15 minutes'],
    ],
    [[10, 10, 10], ['10 minutes']],
    [[], []],
  ])('%o -> %o', (minutes, labels) => {
    expect(lengthBands(minutes).map((b) => b.label)).toEqual(labels);
  });

  it('never offers a band that no scenario falls in, and puts every scenario in one band', () => {
    const minutes = [8, 8, 8, 8, 9, 9, 9, 9, 9, 10, 10, 10, 10, 10, 10, 10, 11, 11, 11, 11, 11, 12, 12, 12, 13, 13, 13];
    const bands = lengthBands(minutes);
    for (const band of bands) {
      expect(minutes.filter((m) => matchesFilter({ ...card, minutes: m }, { ...any, length: band.value }))).not.toEqual(
        [],
      );
    }
    for (const m of minutes) {
      expect(bands.filter((b) => matchesFilter({ ...card, minutes: m }, { ...any, length: b.value }))).toHaveLength(1);
    }
  });
});

describe('filterFromQuery', () => {
  it('reads the shared address of a filtered list and ignores unknown lengths and statuses', () => {
    expect(filterFromQuery(new URLSearchParams('audience=drill&length=forever&status=done&x=1'))).toEqual({
      audience: 'drill',
      customer: '',
      clause: '',
      length: '',
      status: '',
    });
    expect(filterFromQuery(new URLSearchParams('length=11-12')).length).toBe('11-12');
    expect(filterFromQuery(new URLSearchParams('status=not+passed')).status).toBe('not passed');
  });
});

describe('cardStatusText', () => {
  const attempt = (percent: number, passed: boolean, finishedAt: string) =>
    ({ scenario: 's', percent, passed, passingScore: 80, finishedAt, seconds: 60 }) as AttemptRecord;
  it.each([
    ['nothing played', [], new Set<string>(), 'Not started'],
    ['an attempt under way', [], new Set(['s']), 'In progress'],
    [
      'played below the pass mark',
      [attempt(60, false, '2026-01-01')],
      new Set<string>(),
      'Not passed yet · best score 60%',
    ],
    [
      'passed once, then a worse attempt',
      [attempt(90, true, '2026-01-01'), attempt(50, false, '2026-01-02')],
      new Set<string>(),
      'Passed · best score 90%',
    ],
  ])('%s: %s', (_, attempts, inProgress, text) => {
    expect(cardStatusText(summarizeProgress(['s'], attempts, inProgress)[0]!)).toBe(text);
  });
});
