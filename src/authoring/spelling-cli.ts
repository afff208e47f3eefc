/**
 * `npm run lint:spelling [files...]`: check US English spelling in the scenarios, lessons, UI strings
 * and docs (or only the files named). Prints every unknown or British word as
 * `file:line:col  what is wrong  (how to fix it)`, then the count per area.
 * Exit code: 0 clean, 1 when a word needs fixing.
 */
import { readFileSync } from 'node:fs';
import { formatProblem } from './format.ts';
import { SPELLING_AREAS, checkSpelling, projectWords, spellingFiles } from './spelling.ts';

const named = process.argv.slice(2);
const areas = named.length
  ? [['named files', named] as const]
  : (Object.keys(SPELLING_AREAS) as (keyof typeof SPELLING_AREAS)[]).map(
      (area) => [area, spellingFiles(area)] as const,
    );
const words = projectWords();
let total = 0;
const counts: string[] = [];
for (const [area, files] of areas) {
  let count = 0;
  for (const file of files)
    for (const problem of await checkSpelling(file, readFileSync(file, 'utf8'), words)) {
      console.log(formatProblem(file, problem));
      count++;
    }
  counts.push(`${area}: ${count} in ${files.length} file(s)`);
  total += count;
}
console.log(`\nSpelling (US English): ${counts.join('; ')}.`);
process.exit(total > 0 ? 1 : 0);
