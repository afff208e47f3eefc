import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeStorage } from './fake-storage.ts';
import { makeAttempt } from '../attempt-fixture.ts';

let store: FakeStorage;
// The modules read localStorage when loaded, so each test loads them fresh against its own store.
const load = async () => {
  vi.resetModules();
  return {
    attempts: await import('../../../src/lib/attempt-store.ts'),
    storage: await import('../../../src/lib/storage.ts'),
    data: await import('../../../src/lib/progress-data.ts'),
  };
};

beforeEach(() => {
  store = new FakeStorage();
  vi.stubGlobal('localStorage', store);
});

const saved = (over: Record<string, unknown> = {}) => ({
  format: 'mp201-attempt',
  version: 2,
  scenario: 'mower',
  hash: 'h1',
  attemptId: 'x',
  rev: 3,
  startedAt: '2026-11-01T10:00:00.000Z',
  savedAt: '2026-11-01T10:05:00.000Z',
  seconds: 300,
  snapshot: { status: 'active', value: 'cooling' },
  ...over,
});

describe('saved attempts', () => {
  it('migrates the first release’s format (version 1) and resumes it', async () => {
    store.setItem(
      'mp201:attempt:mower',
      JSON.stringify({
        format: 'mp201-attempt',
        version: 1,
        scenario: 'mower',
        hash: 'h1',
        startedAt: '2026-11-01T10:00:00.000Z',
        savedAt: '2026-11-01T10:01:00.000Z',
        snapshot: { value: 'cooling' },
      }),
    );
    const { attempts } = await load();
    const loaded = attempts.loadAttempt('mower', 'h1');
    expect(loaded.status).toBe('found');
    expect(loaded.status === 'found' && loaded.attempt).toMatchObject({
      version: 2,
      rev: 0,
      seconds: 0,
      snapshot: { value: 'cooling' },
    });
  });

  it('sets corrupt data aside instead of deleting it, and says so', async () => {
    store.setItem('mp201:attempt:mower', '{"format":"mp201-attempt", truncated');
    const { attempts, storage } = await load();
    expect(attempts.loadAttempt('mower', 'h1')).toEqual({ status: 'unreadable' });
    expect(store.getItem('mp201:attempt:mower')).toBeNull();
    const [key] = storage.keysWith('mp201:set-aside:');
    expect(JSON.parse(store.getItem(key!)!)).toMatchObject({
      key: 'mp201:attempt:mower',
      value: '{"format":"mp201-attempt", truncated',
    });
  });

  it('sets aside another program’s data stored under our key', async () => {
    store.setItem('mp201:attempt:mower', JSON.stringify({ hello: 'world' }));
    const { attempts, storage } = await load();
    expect(attempts.loadAttempt('mower', 'h1').status).toBe('unreadable');
    expect(storage.keysWith('mp201:set-aside:')).toHaveLength(1);
  });

  it('reports a changed scenario so the attempt restarts', async () => {
    store.setItem('mp201:attempt:mower', JSON.stringify(saved()));
    const { attempts } = await load();
    expect(attempts.loadAttempt('mower', 'h2').status).toBe('changed');
  });

  it('does not overwrite progress another tab saved since this tab last saw it', async () => {
    const { attempts } = await load();
    // Tabs A and B both opened the scenario when nothing was saved (revision 0).
    expect(attempts.saveAttempt(saved({ attemptId: 'A' }) as never, 0)).toBe('saved');
    expect(JSON.parse(store.getItem('mp201:attempt:mower')!)).toMatchObject({ attemptId: 'A', rev: 1 });
    expect(attempts.saveAttempt(saved({ attemptId: 'B' }) as never, 0)).toBe('stale');
    expect(JSON.parse(store.getItem('mp201:attempt:mower')!).attemptId).toBe('A');
    // A carries on from the revision it wrote.
    expect(attempts.saveAttempt(saved({ attemptId: 'A' }) as never, 1)).toBe('saved');
    expect(JSON.parse(store.getItem('mp201:attempt:mower')!).rev).toBe(2);
  });

  it('keeps working in memory when storage is full, and says so', async () => {
    const { attempts } = await load();
    store.full = true;
    expect(attempts.saveAttempt(saved() as never, 0)).toBe('memory');
    expect(attempts.loadAttempt('mower', 'h1').status).toBe('found');
  });

  it('counts active time but not long pauses', async () => {
    const { attempts } = await load();
    const t0 = '2026-11-01T10:00:00.000Z';
    expect(attempts.addActiveTime(10, t0, Date.parse(t0) + 30_000)).toBe(40);
    expect(attempts.addActiveTime(10, t0, Date.parse(t0) + 24 * 3600_000)).toBe(310);
  });
});

describe('importing results', () => {
  const record = makeAttempt({ id: 'r1', answers: [], byDimension: [] });
  const file = (attempts: unknown[]) =>
    JSON.stringify({
      format: 'mp201-results',
      version: 1,
      exportedAt: '2026-11-02T00:00:00.000Z',
      trainee: { name: 'Ana Ruiz' },
      attempts,
    });

  it('merges a valid file, counting a repeated attempt once', async () => {
    const { data } = await load();
    expect(data.importResults('a.json', file([record]), [])).toMatchObject({
      ok: true,
      message: 'a.json: 1 attempt added.',
    });
    const current = data.loadLearnerData().attempts;
    expect(data.importResults('a.json', file([record, { ...record, id: 'r2' }]), current)).toMatchObject({
      message: 'a.json: 1 attempt added, 1 already here.',
    });
    expect(data.loadLearnerData().attempts).toHaveLength(2);
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
  ])('rejects %s with the reason and changes nothing', async (_, text, message) => {
    const { data } = await load();
    data.importResults('good.json', file([record]), []);
    const before = JSON.stringify(data.loadLearnerData().attempts);
    expect(data.importResults('a.json', text, data.loadLearnerData().attempts)).toEqual({ ok: false, message });
    expect(JSON.stringify(data.loadLearnerData().attempts)).toBe(before);
  });

  it('sets a damaged stored result aside and keeps the rest', async () => {
    store.setItem('mp201:result:r1', JSON.stringify(record));
    store.setItem('mp201:result:r2', '{"id": "r2", "percent": 12');
    const { data } = await load();
    const loaded = data.loadLearnerData();
    expect(loaded.attempts.map((a) => a.id)).toEqual(['r1']);
    expect(loaded.newlySetAside).toBe(1);
    expect(loaded.setAside[0]).toMatchObject({
      key: 'mp201:result:r2',
      reason: 'a saved result could not be read (not JSON)',
    });
  });
});
