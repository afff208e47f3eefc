import type { LintResult } from './lint.ts';

/** One line per scenario: steps, decisions, endings and minutes, or why it could not be read. */
export function summarize(result: LintResult): string {
  const s = result.scenario;
  if (!s) return `${result.file}: not valid (${result.problems.filter((p) => p.severity === 'error').length} error(s))`;
  const count = (kind: string) => plural(s.steps.filter((step) => step.kind === kind).length, kind);
  const a = result.analysis;
  const paths = a
    ? `${plural(a.pathCount, 'path')}${a.capped ? ' (counting stopped)' : ''}, best path ${a.bestPaths[0]?.length ?? 0} steps (scores ${a.scoreRange.min}–${a.scoreRange.max}%), `
    : '';
  return `${result.file}: ${s.steps.length} steps, ${count('decision')}, ${count('ending')}, ${paths}${s.frontmatter.minutes} min`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
