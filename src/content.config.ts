import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { frontmatterSchema, lessonSchema } from './engine/schema.ts';

/** Scenario files; their step graphs are validated by the scenarios integration's Sätteri plugin. */
const scenarios = defineCollection({
  // MP201_SCENARIOS points the build at another folder (the build benchmark uses generated ones).
  loader: glob({ pattern: '*.mdx', base: process.env.MP201_SCENARIOS ?? './scenarios' }),
  schema: frontmatterSchema,
});

/** Lessons: Markdown prose with scored knowledge checks in the front matter. */
const lessons = defineCollection({
  loader: glob({ pattern: '*.md', base: './content/lessons' }),
  schema: lessonSchema,
});

export const collections = { scenarios, lessons };
