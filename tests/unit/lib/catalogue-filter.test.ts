import { describe, expect, it } from 'vitest';
import { filterFromQuery, matchesFilter } from '../../../src/lib/catalogue-filter.ts';

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
    [{ ...any, length: 'medium' }, true],
    [{ ...any, length: 'short' }, false],
    [{ audience: 'drill', customer: 'customer.related', clause: 'duty.respect', length: 'long' }, false],
  ] as const)('%o -> %s', (filter, expected) => {
    expect(matchesFilter(card, filter)).toBe(expected);
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
  });
});
