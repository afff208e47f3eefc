import type { DrillRecord, DrillSetup } from '../engine/drill.ts';
import { migrateDrillSnapshot } from '../engine/saved-drill.ts';
import { PREFIXES } from './storage-keys.ts';
import { keysWith, readRecord, setAsideKey, writeRecord, type RecordKind, type WriteResult } from './storage.ts';
import { removeRecord } from './storage-admin.ts';

/** The keys of drill records (apart from storage-keys.ts, so the scenario page does not load them). */
export const drillKeys = {
  drill: (id: string) => `${PREFIXES.drill}${id}`,
  /** A drill in progress; `liveDrillsOf(scenario)` lists every drill of one scenario. */
  liveDrill: (scenario: string, id: string) => `${PREFIXES.liveDrill}${scenario}:${id}`,
  liveDrillsOf: (scenario: string) => `${PREFIXES.liveDrill}${scenario}:`,
  /** The single live-drill slot of the first release (read so that a drill in progress is not lost). */
  legacyLiveDrill: (scenario: string) => `${PREFIXES.liveDrill}${scenario}`,
};

/** Drill records are kept one per drill id, like results, so a save never rewrites another record. */

const looksLikeDrill = (data: unknown): DrillRecord | undefined =>
  data && typeof data === 'object' && typeof (data as DrillRecord).id === 'string' ? (data as DrillRecord) : undefined;

/** Saved drill records, version 1 (version 0: the bare records of the first release). */
const drillRecord = (check: (data: unknown) => data is DrillRecord): RecordKind<DrillRecord> => ({
  record: 'drill',
  version: 1,
  check: (data) => (check(data) ? data : undefined),
  migrate: (data, version) => (version === 0 && check(data) ? data : undefined),
});

/** Keep a drill record (a later save of the same drill, with notes, replaces it). */
export function saveDrill(record: DrillRecord): WriteResult {
  return writeRecord(
    drillRecord((d): d is DrillRecord => !!looksLikeDrill(d)),
    drillKeys.drill(record.id),
    record,
  );
}

/**
 * Every drill record that reads as one; anything else is set aside (kept, not deleted) and counted.
 * `check` is the schema test (kept out of this module so pages that only save stay small).
 */
export function loadDrills(check: (data: unknown) => data is DrillRecord): { drills: DrillRecord[]; setAside: number } {
  const drills: DrillRecord[] = [];
  let count = 0;
  for (const key of keysWith(PREFIXES.drill)) {
    const found = readRecord(drillRecord(check), key);
    if (found.status === 'ok') drills.push(found.value);
    else if (found.status !== 'none') count++;
  }
  return { drills: drills.sort((a, b) => b.startedAt.localeCompare(a.startedAt)), setAside: count };
}

/**
 * A drill in progress as saved in the browser: the drill machine's persisted snapshot (which holds the
 * scenario machine's snapshot as its child), plus what the resume list shows without restoring it.
 */
export interface LiveDrill {
  id: string;
  hash: string;
  setup: DrillSetup;
  startedAt: string;
  snapshot: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object';

function checkLive(data: unknown): LiveDrill | undefined {
  if (!isObject(data)) return undefined;
  const d = data as Partial<LiveDrill>;
  const ok =
    typeof d.id === 'string' &&
    typeof d.hash === 'string' &&
    isObject(d.setup) &&
    typeof d.setup.unit === 'string' &&
    Array.isArray(d.setup.members) &&
    typeof d.startedAt === 'string' &&
    !Number.isNaN(Date.parse(d.startedAt)) &&
    isObject(d.snapshot);
  return ok ? (d as LiveDrill) : undefined;
}

/**
 * Drills in progress, version 3: the drill machine's snapshot. Version 2 held the same record, but until
 * modes became states its scenario child had the flat steps of saved attempts' version 3; such a drill is
 * migrated (migrateDrillSnapshot) and resumes at the same stage. The first release kept loose page
 * variables in one slot per scenario, outside any versioned record; those are set aside (kept and
 * downloadable from My progress), never deleted.
 */
const liveDrillRecord: RecordKind<LiveDrill> = {
  record: 'drill-live',
  version: 3,
  check: checkLive,
  migrate(data, version) {
    const live = version === 2 ? checkLive(data) : undefined;
    const snapshot = live && migrateDrillSnapshot(live.snapshot);
    return live && isObject(snapshot) ? { ...live, snapshot } : undefined;
  },
};

/** A drill in progress found in storage, with the key and revision to save it under. */
export interface FoundLiveDrill {
  key: string;
  rev: number;
  live: LiveDrill;
}

/**
 * Every drill of this scenario in progress, newest first. One that cannot be read, or that `usable`
 * rejects (another content version, a snapshot that does not restore), is set aside and counted.
 */
export function listLiveDrills(
  scenario: string,
  usable: (live: LiveDrill) => boolean,
): { drills: FoundLiveDrill[]; setAside: number } {
  const legacy = drillKeys.legacyLiveDrill(scenario);
  const found: FoundLiveDrill[] = [];
  let count = 0;
  for (const key of [...keysWith(drillKeys.liveDrillsOf(scenario)), ...keysWith(legacy).filter((k) => k === legacy)]) {
    const read = readRecord(liveDrillRecord, key);
    if (read.status === 'ok' && usable(read.value)) found.push({ key, rev: read.rev, live: read.value });
    else if (read.status === 'ok') {
      setAsideKey(key, 'a drill in progress that does not fit this scenario');
      count++;
    } else if (read.status === 'unreadable') count++;
  }
  return { drills: found.sort((a, b) => b.live.startedAt.localeCompare(a.live.startedAt)), setAside: count };
}

/** Save a drill in progress unless another tab moved it on since revision `seenRev`. */
export function saveLiveDrill(scenario: string, live: LiveDrill, seenRev: number, key?: string): WriteResult {
  return writeRecord(liveDrillRecord, key ?? drillKeys.liveDrill(scenario, live.id), live, { expect: seenRev });
}

/** Forget a drill in progress (finished and saved, or discarded by the officer). */
export function removeLiveDrill(key: string): WriteResult {
  return removeRecord(key);
}
