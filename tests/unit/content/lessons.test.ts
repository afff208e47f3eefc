import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { bestIsLongest, lessonSchema } from '../../../src/engine/index.ts';

const dir = 'content/lessons';
const lessons = readdirSync(dir)
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((file) => {
    const source = readFileSync(`${dir}/${file}`, 'utf8');
    const front = /^---\n([\s\S]*?)\n---/.exec(source)?.[1] ?? '';
    return { file, source, lesson: lessonSchema.parse(parse(front)) };
  });

describe('the lessons', () => {
  it.each(lessons.map((l) => [l.file, l] as const))(
    '%s: no knowledge check gives its answer away by length',
    (_, { lesson }) => {
      const giveaways = lesson.checks
        .filter((c) =>
          bestIsLongest(
            c.options,
            c.options.map((_, i) => i === c.answer),
          ),
        )
        .map((c) => c.question);
      expect(giveaways).toEqual([]);
    },
  );

  it('put the right answer in more than one position across the course', () => {
    const positions = new Set(lessons.flatMap((l) => l.lesson.checks.map((c) => c.answer)));
    expect(positions.size).toBeGreaterThan(1);
  });

  it('attribute "Prevent harm, survive, and be nice" to the Phoenix Fire Department, not to the procedure', () => {
    for (const { file, source } of lessons)
      for (const paragraph of source.split(/\n\s*\n/))
        if (/prevent harm, survive/i.test(paragraph)) expect(paragraph, file).toMatch(/Phoenix Fire Department/);
  });
});
