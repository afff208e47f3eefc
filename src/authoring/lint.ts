import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import {
  analyzePaths,
  teachingWarnings,
  validateScenario,
  type PathAnalysis,
  type Problem,
  type Scenario,
} from '../engine/index.ts';
import { courseProblems } from './course-checks.ts';
import { formatProblem } from './format.ts';
import { extractScenario } from './parse.ts';
import { readingGrade } from './readability.ts';
import { checkSpelling, projectWords } from './spelling.ts';

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

/**
 * Everything `lintFile` checks, plus the checks that need more than one file or a dictionary: US
 * English spelling of each file, and the course-wide checks (a full name in two scenarios, stock
 * phrases, sentences repeated word for word). Each named file is compared with every scenario in
 * its own folder. `shown` maps a file to the path printed in messages.
 */
export async function lintFiles(
  files: readonly string[],
  shown: (file: string) => string = (f) => f,
): Promise<LintResult[]> {
  const results = files.map((file) => lintFile(file, shown(file)));
  const words = existsSync('project-words.txt') ? projectWords() : [];
  const procedure = existsSync('content/sop/mp-201-00.md') ? readFileSync('content/sop/mp-201-00.md', 'utf8') : '';
  const read = (file: string) => {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  };
  const key = (file: string) => path.resolve(file);
  const folders = [...new Set(files.map((f) => path.dirname(f)))];
  const set = new Map<string, { file: string; source: string }>();
  for (const file of [...files, ...folders.flatMap((dir) => (existsSync(dir) ? scenarioFiles(dir) : []))]) {
    const source = read(file);
    if (source !== undefined && !set.has(key(file))) set.set(key(file), { file: key(file), source });
  }
  const course = courseProblems([...set.values()], procedure);
  for (const [i, file] of files.entries()) {
    const source = set.get(key(file))?.source;
    if (source === undefined) continue;
    const result = results[i]!;
    const spelling = await checkSpelling(file, source, words);
    result.problems = [...result.problems, ...spelling, ...(course.get(key(file)) ?? [])].sort(
      (a, b) => a.line - b.line || a.column - b.column,
    );
  }
  return results;
}
