import { describe, expect, it } from 'vitest';
import { filterFromQuery, lengthBands, matchesFilter } from '../../../src/lib/catalogue-filter.ts';

const card = {
  audiences: ['recruit', 'drill'],
  customers: ['customer.related'],
  clauses: ['q.safe', 'duty.respect'],
  minutes: 11,
};
const any = { audience: '', customer: '', clause: '', length: '' } as const;

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
    [{ audience: 'drill', customer: 'customer.related', clause: 'duty.respect', length: '13-13' }, false],
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
  it('reads the shared address of a filtered list and ignores unknown lengths', () => {
    expect(filterFromQuery(new URLSearchParams('audience=drill&length=forever&x=1'))).toEqual({
      audience: 'drill',
      customer: '',
      clause: '',
      length: '',
    });
    expect(filterFromQuery(new URLSearchParams('length=11-12')).length).toBe('11-12');
  });
});
