/** Public surface of the engine: pure TypeScript, no DOM, no Astro, no Svelte. */
export * from './clauses.ts';
export * from './model.ts';
export * from './schema.ts';
export * from './validate.ts';
export * from './call-credit.ts';
export * from './score.ts';
export * from './machine.ts';
export * from './player-view.ts';
export * from './paths.ts';
export * from './teaching.ts';
export * from './rules.ts';
export * from './quiz.ts';
export * from './results.ts';
export * from './results-schema.ts';
export * from './drill.ts';
export * from './attempt-record.ts';
export * from './gradebook.ts';
