import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { frontmatterSchema } from './engine/schema.ts';

/** Scenario files; their step graphs are validated by the scenarios integration's Sätteri plugin. */
const scenarios = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './scenarios' }),
  schema: frontmatterSchema,
});

export const collections = { scenarios };
