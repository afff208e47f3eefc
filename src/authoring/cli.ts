/**
 * `npm run lint:scenarios [--strict] [files...]`: check scenario files without building the site.
 * Uses the same extraction and validation as the build, then checks US English spelling and compares
 * each file with the other scenarios in its folder (names, stock phrases, repeated sentences). Prints every problem as
 * `file:line:col  what is wrong  (how to fix it)`, then a one-line summary per scenario.
 * Exit code: 0 clean, 1 errors (or warnings with --strict), 2 bad usage.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { scenarioFolder } from './compile.ts';
import { formatProblem } from './format.ts';
import { lintFiles, scenarioFiles } from './lint.ts';
import { summarize } from './summary.ts';

const args = process.argv.slice(2);
const strict = args.includes('--strict');
const unknown = args.filter((a) => a.startsWith('-') && a !== '--strict');
if (unknown.length) {
  console.error(`Unknown option ${unknown.join(' ')}. Usage: npm run lint:scenarios -- [--strict] [files...]`);
  process.exit(2);
}
const named = args.filter((a) => !a.startsWith('-'));
// A folder stands for every .mdx file in it.
const files = (named.length ? named : [scenarioFolder()]).flatMap((arg) =>
  statSync(arg, { throwIfNoEntry: false })?.isDirectory() ? scenarioFiles(arg) : [arg],
);
const results = await lintFiles(files, (file) => path.relative(process.cwd(), path.resolve(file)));

let errors = 0;
let warnings = 0;
for (const result of results) {
  for (const problem of result.problems) {
    console.log(formatProblem(result.file, problem));
    if (problem.severity === 'error') errors++;
    else warnings++;
  }
}
console.log('');
for (const result of results) console.log(summarize(result));
console.log(
  `\n${results.length} scenario(s): ${errors} error(s), ${warnings} warning(s)${strict ? ' (strict: warnings count as errors)' : ''}.`,
);
process.exit(errors > 0 || (strict && warnings > 0) ? 1 : 0);
