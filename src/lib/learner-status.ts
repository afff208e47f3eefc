import { summarizeProgress, type ScenarioProgress } from '../engine/progress.ts';
import { attemptRecord } from './attempt-store.ts';
import { readResults } from './results-store.ts';
import { PREFIXES } from './storage-keys.ts';
import { keysWith, readRecord } from './storage.ts';

/** Scenarios with an attempt under way: a saved attempt whose machine is still running. */
export function scenariosInProgress(): Set<string> {
  return new Set(
    keysWith(PREFIXES.attempt).flatMap((key) => {
      const found = readRecord(attemptRecord, key);
      if (found.status !== 'ok') return [];
      const status = (found.value.snapshot as { status?: unknown }).status;
      return status === 'active' ? [found.value.scenario] : [];
    }),
  );
}

/**
 * Each scenario's status and best attempt, from the results saved in this browser. Results are only
 * looked at here (My progress checks them fully and sets aside what it cannot read).
 */
export function readScenarioProgress(scenarioIds: readonly string[]): ScenarioProgress[] {
  const attempts = readResults().results.map((r) => r.data);
  return summarizeProgress(scenarioIds, attempts, scenariosInProgress());
}
