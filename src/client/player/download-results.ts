import { RESULTS_FORMAT, RESULTS_VERSION } from '../../engine/file-formats.ts';
import { download, fileSafe } from '../../lib/download.ts';
import { readResults, readTrainee } from '../../lib/results-store.ts';

/**
 * Download every result this browser holds, in its storage or (when it refuses) in this page's
 * memory, as a results file. Loaded only when the player offers it (storage full or blocked).
 */
export function downloadResults(): void {
  const trainee = readTrainee();
  const file = {
    format: RESULTS_FORMAT,
    version: RESULTS_VERSION,
    exportedAt: new Date().toISOString(),
    trainee,
    attempts: readResults().results.map((r) => r.data),
  };
  download(
    `mp201-results-${fileSafe(trainee.name)}-${file.exportedAt.slice(0, 10)}.json`,
    JSON.stringify(file, null, 2),
    'application/json',
  );
}
