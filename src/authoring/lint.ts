import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { compileScenario, type CompiledScenario } from './compile.ts';
import { courseProblems } from './course-checks.ts';
import { formatProblem } from './format.ts';
import { checkSpelling, projectWords } from './spelling.ts';

/** The outcome of checking one scenario file (a compile, plus the checks across files that `lintFiles` adds). */
export type LintResult = CompiledScenario;

/** Scenario files in a folder, sorted. */
export function scenarioFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .map((name) => path.join(dir, name));
}

/** Every error of every result, formatted one per line. */
export function formatErrors(results: readonly LintResult[]): string[] {
  return results.flatMap((r) => r.problems.filter((p) => p.severity === 'error').map((p) => formatProblem(r.file, p)));
}

/**
 * Everything `compileScenario` checks, plus the checks that need more than one file or a dictionary: US
 * English spelling of each file, and the course-wide checks (a full name in two scenarios, stock
 * phrases, sentences repeated word for word). Each named file is compared with every scenario in
 * its own folder. `shown` maps a file to the path printed in messages.
 */
export async function lintFiles(
  files: readonly string[],
  shown: (file: string) => string = (f) => f,
): Promise<LintResult[]> {
  // Copies: the course-wide problems are added to these, never to the remembered compiles.
  const results = files.map((file) => ({ ...compileScenario(file, shown(file)) }));
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
