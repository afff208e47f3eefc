import { getCollection, render, type CollectionEntry } from 'astro:content';
import type { Scenario } from '../engine/index.ts';

/** A scenario ready for a page: its validated graph, its rendered content and a content hash. */
export interface LoadedScenario {
  entry: CollectionEntry<'scenarios'>;
  scenario: Scenario;
  hash: string;
  Content: Awaited<ReturnType<typeof render>>['Content'];
}

/** Every scenario, sorted by title, with the graph the build plugin validated. */
export async function loadScenarios(): Promise<LoadedScenario[]> {
  const entries = await getCollection('scenarios');
  const loaded = await Promise.all(
    entries.map(async (entry) => {
      const { Content, remarkPluginFrontmatter } = await render(entry);
      const scenario = remarkPluginFrontmatter.scenario as Scenario;
      return { entry, scenario, hash: String(entry.digest ?? ''), Content };
    }),
  );
  return loaded.sort((a, b) => a.scenario.frontmatter.title.localeCompare(b.scenario.frontmatter.title));
}

/** Audience names as the catalogue shows them. */
export const AUDIENCE_NAMES: Record<string, string> = {
  recruit: 'Recruit academy',
  ce: 'Continuing education',
  drill: 'Company drill',
  officer: 'Officers',
};
