import type { LintResult } from './lint.ts';

/** One line per scenario: steps, decisions, endings and minutes, or why it could not be read. */
export function summarize(result: LintResult): string {
  const s = result.scenario;
  if (!s) return `${result.file}: not valid (${result.problems.filter((p) => p.severity === 'error').length} error(s))`;
  const count = (kind: string) => s.steps.filter((step) => step.kind === kind).length;
  return `${result.file}: ${s.steps.length} steps, ${count('decision')} decisions, ${count('ending')} endings, ${s.frontmatter.minutes} min`;
}
