import type { Problem } from '../engine/index.ts';

/** One problem as `file:line:col  what is wrong  (how to fix it)`, the form editors and terminals link. */
export function formatProblem(file: string, problem: Problem): string {
  const tag = problem.severity === 'warning' ? 'warning: ' : '';
  return `${file}:${problem.line}:${problem.column}  ${tag}${problem.message}  (${problem.fix})`;
}
