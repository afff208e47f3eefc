/**
 * The names and versions of the files the course writes, apart from their zod schemas so that a page
 * which only writes a file (the scenario player's download) does not load zod.
 */

/** The results file's format name. */
export const RESULTS_FORMAT = 'mp201-results';
/** The results file's version. */
export const RESULTS_VERSION = 1;
