import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { scenarioFolder } from './authoring/compile.ts';
import { lessonSchema } from './engine/schema.ts';

/**
 * Scenario files, from the one scenario folder setting. No schema here: the front matter is validated
 * once, with the rest of the file, by the scenario compile (src/authoring/compile.ts), and pages read
 * it from the compiled scenario.
 */
const scenarios = defineCollection({
  loader: glob({ pattern: '*.mdx', base: scenarioFolder() }),
});

/** Lessons: Markdown prose with scored knowledge checks in the front matter. */
const lessons = defineCollection({
  loader: glob({ pattern: '*.md', base: './content/lessons' }),
  schema: lessonSchema,
});

export const collections = { scenarios, lessons };
