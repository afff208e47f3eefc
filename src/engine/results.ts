/**
 * Results by concept now live in their own modules; this file re-exports them for code that still
 * imports `results.ts` (the gradebook, edited on another branch). Import from the concept module instead.
 */
export type { AttemptRecord, ResultsFile, Trainee } from './results-schema.ts';
export * from './results-format.ts';
export * from './progress.ts';
export * from './certificate.ts';
export * from './csv.ts';
export * from './drill-csv.ts';
