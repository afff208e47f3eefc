import { describe, expect, it } from 'vitest';
import { isLearnerKey, kindOf, setAsideOriginal } from '../../../src/lib/storage-admin.ts';
import { drillKeys } from '../../../src/lib/drill-store.ts';
import { keys, PREFIXES, STORAGE_PREFIX, TRAINEE_KEY } from '../../../src/lib/storage-keys.ts';

const at = '2026-11-01T10:00:00.000Z';

describe('storage keys', () => {
  it('gives every kind its own prefix under mp201:, none the start of another', () => {
    const prefixes = Object.values(PREFIXES);
    for (const prefix of prefixes) {
      expect(prefix.startsWith(STORAGE_PREFIX)).toBe(true);
      expect(prefixes.filter((other) => other.startsWith(prefix))).toEqual([prefix]);
    }
  });

  it('reads each key back as the kind that wrote it', () => {
    expect(kindOf(keys.attempt('mower'))).toBe('attempt');
    expect(kindOf(keys.result('r1'))).toBe('result');
    expect(kindOf(drillKeys.drill('d1'))).toBe('drill');
    expect(kindOf(drillKeys.liveDrill('mower', 'd1'))).toBe('liveDrill');
    expect(kindOf(drillKeys.legacyLiveDrill('mower'))).toBe('liveDrill');
    expect(kindOf(keys.setAside(at, keys.result('r1')))).toBe('setAside');
    expect(kindOf('mp201:probe')).toBeUndefined();
    expect(setAsideOriginal(keys.setAside(at, drillKeys.drill('d2')))).toBe('mp201:drill:d2');
    expect(setAsideOriginal(drillKeys.drill('d2'))).toBeUndefined();
  });

  it('"Delete my results" covers the learner’s data and never a drill record, live drill or their set-aside copies', () => {
    const learner = [keys.attempt('mower'), keys.result('r1'), TRAINEE_KEY, keys.setAside(at, keys.result('r9'))];
    const station = [
      drillKeys.drill('d1'),
      drillKeys.liveDrill('mower', 'd1'),
      drillKeys.legacyLiveDrill('mower'),
      keys.setAside(at, drillKeys.drill('d2')),
      keys.setAside(at, drillKeys.liveDrill('mower', 'x')),
      'mp201:probe',
      'someone-else:result:r1',
    ];
    expect(learner.filter(isLearnerKey)).toEqual(learner);
    expect(station.filter(isLearnerKey)).toEqual([]);
  });
});
