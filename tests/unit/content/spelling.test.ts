import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/authoring/format.ts';
import { checkSpelling, projectWords, spellingFiles } from '../../../src/authoring/spelling.ts';

// Scenarios are checked with the rest of the strict lint in curriculum.test.ts.
const words = projectWords();

describe('the course is written in US English', () => {
  it.each(['lessons', 'ui', 'docs'] as const)('%s: every word is in the dictionary or the project word list', async (area) => {
    const found: string[] = [];
    for (const file of spellingFiles(area))
      for (const problem of await checkSpelling(file, readFileSync(file, 'utf8'), words))
        found.push(formatProblem(file, problem));
    expect(found).toEqual([]);
  }, 120_000);
});
