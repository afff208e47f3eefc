import { describeIssue } from '../engine/issues.ts';
import { jsonDepthExceeds } from '../engine/results-format.ts';
import { resultsFileSchema, RESULTS_FORMAT, type ResultsFile } from '../engine/results-schema.ts';

/** A results file is a few hundred kilobytes at most; anything over this is refused before it is read. */
export const MAX_RESULTS_FILE_BYTES = 4 * 1024 * 1024;
/** Results files nest about six levels deep. */
const MAX_DEPTH = 24;

/** What reading one results file found (a learner's import or an instructor's hand-in). */
export type ResultsFileReading = { status: 'read'; file: ResultsFile } | { status: 'refused'; reason: string };

/** The reason a file is refused by its size alone, or undefined when it may be read. */
export function refuseBySize(bytes: number): string | undefined {
  return bytes > MAX_RESULTS_FILE_BYTES
    ? `it is ${(bytes / 1024 / 1024).toFixed(1)} MB; a results file is far smaller, so it was not read`
    : undefined;
}

/** Check a results file's text: not too deep, valid JSON, and a results file in the current format. */
export function readResultsFile(text: string): ResultsFileReading {
  if (jsonDepthExceeds(text, MAX_DEPTH))
    return { status: 'refused', reason: 'it is nested far deeper than a results file, so it was not read' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return {
      status: 'refused',
      reason: text.trim().startsWith('{')
        ? 'it is cut off or damaged (not complete JSON)'
        : 'it is not a results file (not JSON)',
    };
  }
  const parsed = resultsFileSchema.safeParse(data);
  if (parsed.success) return { status: 'read', file: parsed.data };
  const format = (data as { format?: unknown } | null)?.format;
  return {
    status: 'refused',
    reason: format !== RESULTS_FORMAT ? 'it is not a results file from this course' : describeIssue(parsed.error),
  };
}
