import type { DrillRecord } from '../engine/drill.ts';
import { keysWith, readItem, setAside, writeItem, type SaveOutcome } from './storage.ts';

/** Drill records are kept one per key, like results, so a save never rewrites another record. */
const PREFIX = 'mp201:drill:';

export function saveDrill(record: DrillRecord): SaveOutcome {
  return writeItem(`${PREFIX}${record.id}`, JSON.stringify(record));
}

/**
 * Every drill record that reads as one; anything else is set aside (kept, not deleted) and counted.
 * `check` is the schema test (kept out of this module so pages that only save stay small).
 */
export function loadDrills(check: (data: unknown) => data is DrillRecord): { drills: DrillRecord[]; setAside: number } {
  const drills: DrillRecord[] = [];
  let count = 0;
  for (const key of keysWith(PREFIX)) {
    const text = readItem(key) ?? '';
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
    if (check(data)) drills.push(data);
    else {
      setAside(key, text, 'a saved drill record could not be read');
      count++;
    }
  }
  return { drills: drills.sort((a, b) => b.startedAt.localeCompare(a.startedAt)), setAside: count };
}
