import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import {
  analyzePaths,
  teachingWarnings,
  validateScenario,
  type PathAnalysis,
  type Problem,
  type Scenario,
} from '../engine/index.ts';
import { formatProblem } from './format.ts';
import { extractScenario } from './parse.ts';
import { readingGrade } from './readability.ts';

/** The outcome of checking one scenario file. */
export interface LintResult {
  file: string;
  scenario: Scenario | undefined;
  problems: Problem[];
  /** Path analysis, when the scenario is valid. */
  analysis?: PathAnalysis;
  /** Flesch–Kincaid grade of the prose a trainee reads. */
  readingGrade?: number;
}

/** Scenario files in a folder, sorted. */
export function scenarioFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .map((name) => path.join(dir, name));
}

/** Read, extract and validate one file; `shown` is the path printed in messages. */
export function lintFile(file: string, shown = file): LintResult {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return {
      file: shown,
      scenario: undefined,
      problems: [
        {
          severity: 'error',
          code: 'unreadable',
          line: 1,
          column: 1,
          message: `cannot read the file: ${reason}`,
          fix: 'check the path',
        },
      ],
    };
  }
  const { raw, prose } = extractScenario(source, shown);
  const { scenario, problems } = validateScenario(raw);
  if (!scenario) return { file: shown, scenario, problems };
  const analysis = analyzePaths(scenario);
  const warnings = teachingWarnings(scenario, analysis, raw.frontmatterLines);
  return {
    file: shown,
    scenario,
    analysis,
    readingGrade: readingGrade(prose.join('\n')),
    problems: [...problems, ...warnings].sort((a, b) => a.line - b.line),
  };
}

/** Every error of every result, formatted one per line. */
export function formatErrors(results: readonly LintResult[]): string[] {
  return results.flatMap((r) => r.problems.filter((p) => p.severity === 'error').map((p) => formatProblem(r.file, p)));
}
