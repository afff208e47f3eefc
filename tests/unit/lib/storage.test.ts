import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeStorage } from './fake-storage.ts';
import { makeAttempt } from '../attempt-fixture.ts';
import * as attempts from '../../../src/lib/attempt-store.ts';
import * as data from '../../../src/lib/progress-data.ts';
import * as results from '../../../src/lib/results-store.ts';
import * as storage from '../../../src/lib/storage.ts';
import { storageUnavailable } from '../../../src/lib/storage-admin.ts';
import * as drills from '../../../src/lib/drill-store.ts';

let store: FakeStorage;

beforeEach(() => {
  store = new FakeStorage();
  vi.stubGlobal('localStorage', store);
  storage.resetStorage();
});

const attempt = (over: Record<string, unknown> = {}) => ({
  scenario: 'mower',
  hash: 'h1',
  attemptId: 'x',
  startedAt: '2026-11-01T10:00:00.000Z',
  savedAt: '2026-11-01T10:05:00.000Z',
  seconds: 300,
  snapshot: { status: 'active', value: 'cooling' },
  ...over,
});
/** A machine snapshot as the releases before modes were states kept it: flat steps, a review flag. */
const oldSnapshot = {
  status: 'active',
  value: 'cooling',
  context: {
    path: ['arrival', 'cooling'],
    answers: [{ kind: 'choice', step: 'arrival', choice: 0 }],
    reviewing: false,
  },
};
const stored = (key: string) => JSON.parse(store.getItem(key)!);
const setAsideKeys = () => storage.keysWith('mp201:set-aside:');

describe('saved attempts', () => {
  it('migrates the first release’s format (version 1) and resumes it', () => {
    store.setItem(
      'mp201:attempt:mower',
      JSON.stringify({
        format: 'mp201-attempt',
        version: 1,
        scenario: 'mower',
        hash: 'h1',
        startedAt: '2026-11-01T10:00:00.000Z',
        savedAt: '2026-11-01T10:01:00.000Z',
        snapshot: oldSnapshot,
      }),
    );
    const loaded = attempts.loadAttempt('mower', 'h1');
    expect(loaded).toMatchObject({
      status: 'found',
      rev: 0,
      attempt: { seconds: 0, snapshot: { value: { cooling: 'answer' } } },
    });
  });

  it('resumes the second release’s bare format at its revision', () => {
    store.setItem(
      'mp201:attempt:mower',
      JSON.stringify({ format: 'mp201-attempt', version: 2, rev: 7, ...attempt({ snapshot: oldSnapshot }) }),
    );
    expect(attempts.loadAttempt('mower', 'h1')).toMatchObject({
      status: 'found',
      rev: 7,
      attempt: { snapshot: { value: { cooling: 'answer' } } },
    });
  });

  it('sets corrupt data aside instead of deleting it, and says so', () => {
    store.setItem('mp201:attempt:mower', '{"format":"mp201-attempt", truncated');
    expect(attempts.loadAttempt('mower', 'h1')).toMatchObject({ status: 'unreadable', kept: false });
    expect(store.getItem('mp201:attempt:mower')).toBeNull();
    expect(stored(setAsideKeys()[0]!).data).toMatchObject({
      key: 'mp201:attempt:mower',
      value: '{"format":"mp201-attempt", truncated',
    });
  });

  it('sets aside another program’s data stored under our key', () => {
    store.setItem('mp201:attempt:mower', JSON.stringify({ hello: 'world' }));
    expect(attempts.loadAttempt('mower', 'h1').status).toBe('unreadable');
    expect(setAsideKeys()).toHaveLength(1);
  });

  it('sets aside a saved snapshot that does not restore into the scenario', () => {
    attempts.saveAttempt(attempt(), 0);
    expect(attempts.loadAttempt('mower', 'h1', () => false)).toMatchObject({ status: 'unreadable', rev: 0 });
    expect(store.getItem('mp201:attempt:mower')).toBeNull();
    expect(setAsideKeys()).toHaveLength(1);
  });

  it('reports a changed scenario with the stored revision, so the new attempt can replace it', () => {
    attempts.saveAttempt(attempt(), 0);
    attempts.saveAttempt(attempt(), 1);
    const loaded = attempts.loadAttempt('mower', 'h2');
    expect(loaded).toMatchObject({ status: 'changed', rev: 2 });
    expect(attempts.saveAttempt(attempt({ hash: 'h2', attemptId: 'y' }), loaded.rev).status).toBe('saved');
  });

  it('does not overwrite progress another tab saved since this tab last saw it', () => {
    // Tabs A and B both opened the scenario when nothing was saved (revision 0).
    expect(attempts.saveAttempt(attempt({ attemptId: 'A' }), 0)).toEqual({ status: 'saved', rev: 1 });
    expect(attempts.saveAttempt(attempt({ attemptId: 'B' }), 0)).toEqual({ status: 'stale', rev: 1 });
    expect(stored('mp201:attempt:mower').data.attemptId).toBe('A');
    // A carries on from the revision it wrote.
    expect(attempts.saveAttempt(attempt({ attemptId: 'A' }), 1)).toEqual({ status: 'saved', rev: 2 });
  });

  it('keeps working in memory when storage is full, and says why', () => {
    store.full = true;
    expect(attempts.saveAttempt(attempt(), 0)).toEqual({ status: 'memory', rev: 1, cause: 'full' });
    expect(attempts.loadAttempt('mower', 'h1').status).toBe('found');
    expect(storageUnavailable()).toBe(true);
  });

  it('counts active time but not long pauses', () => {
    const t0 = '2026-11-01T10:00:00.000Z';
    expect(attempts.addActiveTime(10, t0, Date.parse(t0) + 30_000)).toBe(40);
    expect(attempts.addActiveTime(10, t0, Date.parse(t0) + 24 * 3600_000)).toBe(310);
  });
});

describe('the storage layer', () => {
  it('does not touch the browser’s storage when it is loaded', async () => {
    const touched = vi.fn();
    vi.stubGlobal('localStorage', new Proxy(store, { get: (t, p) => (touched(p), Reflect.get(t, p)) }));
    vi.resetModules();
    await import('../../../src/lib/storage.ts');
    await import('../../../src/lib/attempt-store.ts');
    await import('../../../src/lib/results-store.ts');
    expect(touched).not.toHaveBeenCalled();
  });

  it('keeps the original when the set-aside copy cannot be written (storage full)', () => {
    store.setItem('mp201:attempt:mower', 'not json');
    store.full = true;
    expect(attempts.loadAttempt('mower', 'h1')).toMatchObject({ status: 'unreadable', kept: true });
    expect(store.getItem('mp201:attempt:mower')).toBe('not json');
    // A new attempt does not replace it: its saves stay in memory for this visit.
    expect(attempts.saveAttempt(attempt(), 0, true)).toMatchObject({ status: 'memory' });
    expect(store.getItem('mp201:attempt:mower')).toBe('not json');
    // Once there is room, the copy is written first and only then is the original moved.
    store.full = false;
    storage.resetStorage();
    expect(attempts.loadAttempt('mower', 'h1')).toMatchObject({ status: 'unreadable', kept: false });
    expect(stored(setAsideKeys()[0]!).data.value).toBe('not json');
  });

  it('sets an unreadable record aside before a write replaces it', () => {
    store.setItem('mp201:result:r1', '{oops');
    expect(results.saveResult(makeAttempt({ id: 'r1' })).status).toBe('saved');
    expect(stored(setAsideKeys()[0]!).data.value).toBe('{oops');
  });

  it('never overwrites a record written by a newer version of the course', () => {
    store.setItem('mp201:attempt:mower', JSON.stringify({ record: 'attempt', version: 9, rev: 4, data: {} }));
    expect(attempts.loadAttempt('mower', 'h1')).toEqual({ status: 'newer', rev: 4 });
    expect(attempts.saveAttempt(attempt(), 4).status).toBe('stale');
    expect(stored('mp201:attempt:mower').version).toBe(9);
  });

  it('tells full storage from blocked storage', () => {
    vi.stubGlobal('localStorage', {
      ...store,
      getItem: () => null,
      setItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    storage.resetStorage();
    expect(results.saveTrainee({ name: 'Ana' })).toMatchObject({ status: 'memory', cause: 'blocked' });
    expect(results.readTrainee().name).toBe('Ana');
  });

  it('lists a corrupt set-aside record with its raw text instead of failing', () => {
    store.setItem('mp201:set-aside:2026-11-01T10:00:00.000Z:mp201:result:r1', 'null');
    store.setItem('mp201:set-aside:2026-11-01T10:00:01.000Z:mp201:result:r2', '{"key": 5}');
    const loaded = data.loadLearnerData();
    expect(loaded.setAside).toHaveLength(2);
    expect(loaded.setAside[0]).toMatchObject({ reason: 'set-aside data that could not itself be read', value: 'null' });
  });
});

describe('importing results', () => {
  const record = makeAttempt({ id: 'r1', answers: [], byDimension: [] });
  const file = (list: unknown[]) =>
    JSON.stringify({
      format: 'mp201-results',
      version: 1,
      exportedAt: '2026-11-02T00:00:00.000Z',
      trainee: { name: 'Ana Ruiz' },
      attempts: list,
    });

  it('merges a valid file, counting a repeated attempt once', () => {
    expect(data.importResults('a.json', file([record]), [])).toMatchObject({
      status: 'imported',
      message: 'a.json: 1 attempt added.',
    });
    const current = data.loadLearnerData().attempts;
    expect(data.importResults('a.json', file([record, { ...record, id: 'r2' }]), current)).toMatchObject({
      message: 'a.json: 1 attempt added, 1 already here.',
    });
    expect(data.loadLearnerData().attempts).toHaveLength(2);
  });

  it('says so when full storage could not keep the imported attempts', () => {
    store.full = true;
    const list = [record, { ...record, id: 'r2' }, { ...record, id: 'r3' }];
    expect(data.importResults('a.json', file(list), [])).toMatchObject({
      status: 'imported',
      message:
        'a.json: 3 attempts added, but this browser could not keep them (its storage is full or blocked): they are shown for this visit only, so keep the file.',
    });
  });

  it.each([
    [
      'not JSON',
      '{"format": "mp201-res',
      'a.json was not imported: it is cut off or damaged (not complete JSON). Nothing was changed. Choose a file made by “Download results (JSON)”.',
    ],
    [
      'a file from a newer version',
      file([]).replace('"version":1', '"version":2'),
      'a.json was not imported: version: expected 1. Nothing was changed. Choose a file made by “Download results (JSON)”.',
    ],
    [
      'a score over 100',
      file([{ ...record, percent: 140 }]),
      'a.json was not imported: attempts.0.percent: expected at most 100. Nothing was changed. Choose a file made by “Download results (JSON)”.',
    ],
    [
      'another program’s file',
      JSON.stringify({ name: 'x' }),
      'a.json was not imported: it is not a results file from this course. Nothing was changed. Choose a file made by “Download results (JSON)”.',
    ],
    [
      'a bad field',
      file([{ ...record, percent: 'ninety' }]),
      'a.json was not imported: attempts.0.percent: expected a number. Nothing was changed. Choose a file made by “Download results (JSON)”.',
    ],
  ])('rejects %s with the reason and changes nothing', (_, text, message) => {
    data.importResults('good.json', file([record]), []);
    const before = JSON.stringify(data.loadLearnerData().attempts);
    expect(data.importResults('a.json', text, data.loadLearnerData().attempts)).toEqual({ status: 'refused', message });
    expect(JSON.stringify(data.loadLearnerData().attempts)).toBe(before);
  });

  it('refuses a file far too large by its size, without reading it, and changes nothing', async () => {
    const text = vi.fn(async () => file([record]));
    expect(await data.importResultsFile({ name: 'huge.json', size: 50 * 1024 * 1024, text }, [])).toEqual({
      status: 'refused',
      message:
        'huge.json was not imported: it is 50.0 MB; a results file is far smaller, so it was not read. Nothing was changed. Choose a file made by “Download results (JSON)”.',
    });
    expect(text).not.toHaveBeenCalled();
    expect(data.loadLearnerData().attempts).toEqual([]);
    expect(await data.importResultsFile({ name: 'a.json', size: 2048, text }, [])).toMatchObject({
      status: 'imported',
    });
  });

  it('sets a damaged stored result aside and keeps the rest', () => {
    store.setItem('mp201:result:r1', JSON.stringify(record));
    store.setItem('mp201:result:r2', '{"id": "r2", "percent": 12');
    const loaded = data.loadLearnerData();
    expect(loaded.attempts.map((a) => a.id)).toEqual(['r1']);
    expect(loaded.newlySetAside).toBe(1);
    expect(loaded.setAside[0]).toMatchObject({ key: 'mp201:result:r2', reason: 'not JSON' });
  });
});

describe('deleting my results', () => {
  const drill = { id: 'd1', startedAt: '2026-11-01T10:00:00.000Z' };

  it('removes the learner’s results, progress and details, keeps drill records, and says what it removed', () => {
    results.saveResult(makeAttempt({ id: 'r1' }));
    results.saveResult(makeAttempt({ id: 'r2' }));
    results.saveTrainee({ name: 'Ana' });
    attempts.saveAttempt(attempt(), 0);
    store.setItem('mp201:drill:d1', JSON.stringify(drill));
    store.setItem('mp201:drill-live:mower:x', '{}');
    store.setItem('mp201:set-aside:2026-11-01T10:00:00.000Z:mp201:drill:d2', '{}');
    store.setItem('mp201:set-aside:2026-11-01T10:00:00.000Z:mp201:result:r9', '{}');
    const deleted = data.clearLearnerData();
    expect(deleted).toMatchObject({ results: 2, inProgress: 1, setAside: 1 });
    expect(storage.keysWith('mp201:').sort()).toEqual([
      'mp201:drill-live:mower:x',
      'mp201:drill:d1',
      'mp201:set-aside:2026-11-01T10:00:00.000Z:mp201:drill:d2',
    ]);
    expect(data.restoreLearnerData(deleted)).toBe(0);
    expect(data.loadLearnerData().attempts).toHaveLength(2);
    expect(results.readTrainee().name).toBe('Ana');
  });
});

describe('drills in progress', () => {
  const live = (over: Partial<drills.LiveDrill> = {}): drills.LiveDrill => ({
    id: 'd1',
    hash: 'h1',
    setup: { unit: 'E12', shift: 'A', date: '2026-11-01', officer: 'Ruiz', members: [] },
    startedAt: '2026-11-01T10:00:00.000Z',
    snapshot: { status: 'active' },
    ...over,
  });

  it('keeps two drills of the same scenario in two slots', () => {
    drills.saveLiveDrill('mower', live({ id: 'd1' }), 0);
    drills.saveLiveDrill('mower', live({ id: 'd2', startedAt: '2026-11-01T11:00:00.000Z' }), 0);
    const found = drills.listLiveDrills('mower', () => true);
    expect(found.drills.map((d) => d.live.id)).toEqual(['d2', 'd1']);
  });

  it('sets a corrupt drill in progress aside and lists the others', () => {
    drills.saveLiveDrill('mower', live(), 0);
    store.setItem(
      'mp201:drill-live:mower:bad',
      JSON.stringify({ record: 'drill-live', version: 2, rev: 1, data: null }),
    );
    store.setItem('mp201:drill-live:mower:odd', JSON.stringify({ ...live(), startedAt: 'yesterday' }));
    const found = drills.listLiveDrills('mower', () => true);
    expect(found.drills).toHaveLength(1);
    expect(found.setAside).toBe(2);
    expect(setAsideKeys()).toHaveLength(2);
  });

  it('keeps a drill from the first release’s single slot, set aside: its loose page state cannot resume the drill machine', () => {
    const { id: _, ...old } = live();
    const text = JSON.stringify({ format: 'mp201-drill-live', version: 1, ...old, stage: 3, tallies: [], asked: [] });
    store.setItem('mp201:drill-live:mower', text);
    const found = drills.listLiveDrills('mower', () => true);
    expect(found).toMatchObject({ drills: [], setAside: 1 });
    expect(setAsideKeys()).toHaveLength(1);
  });
});
