import { getCollection, render, type CollectionEntry } from 'astro:content';
import { lintFile } from '../authoring/lint.ts';
import { CLAUSE_IDS, CUSTOMER_IDS, type PathAnalysis, type Scenario } from '../engine/index.ts';
import { lengthBands } from '../lib/catalogue-filter.ts';
import { clausesTrained } from '../authoring/coverage.ts';

/** A scenario ready for a page: its validated graph, rendered content, content hash and catalogue data. */
export interface LoadedScenario {
  entry: CollectionEntry<'scenarios'>;
  scenario: Scenario;
  hash: string;
  Content: Awaited<ReturnType<typeof render>>['Content'];
  analysis: PathAnalysis;
  /** Flesch–Kincaid grade of the prose. */
  readingGrade: number;
  /** Every clause the scenario trains (see clausesTrained). */
  clauses: string[];
}

let cache: Promise<LoadedScenario[]> | undefined;

/** Every scenario, sorted by title, with the graph the build plugin validated. Computed once per build. */
export function loadScenarios(): Promise<LoadedScenario[]> {
  cache ??= (async () => {
    const entries = await getCollection('scenarios');
    const loaded = await Promise.all(
      entries.map(async (entry) => {
        const { Content, remarkPluginFrontmatter } = await render(entry);
        const scenario = remarkPluginFrontmatter.scenario as Scenario;
        const lint = lintFile(entry.filePath ?? scenario.file);
        return {
          entry,
          scenario,
          hash: String(entry.digest ?? ''),
          Content,
          analysis: lint.analysis!,
          readingGrade: lint.readingGrade ?? 0,
          clauses: [...clausesTrained(scenario)].sort(),
        };
      }),
    );
    return loaded.sort((a, b) => a.scenario.frontmatter.title.localeCompare(b.scenario.frontmatter.title));
  })();
  return cache;
}

/** Audience names as the catalogue shows them. */
export const AUDIENCE_NAMES: Record<string, string> = {
  recruit: 'Recruit academy',
  ce: 'Continuing education',
  drill: 'Company drill',
  officer: 'Officers',
};

/** Customer kinds as the catalogue shows them. */
export const CUSTOMER_NAMES: Record<string, string> = {
  'customer.recipient': 'The person we serve',
  'customer.related': 'Family, friends, neighbors',
  'customer.encountered': 'People we meet on the job',
  'customer.members': 'Our own members',
};

/**
 * The catalogue filter's options, each taken from the scenarios themselves (audiences, customers and
 * clauses some scenario has; length bands from their lengths), so no option can show nothing.
 */
export function filterOptions(scenarios: readonly LoadedScenario[]) {
  const offered = <T extends string>(all: readonly T[], used: (s: LoadedScenario) => readonly string[]) =>
    all.filter((value) => scenarios.some((s) => used(s).includes(value)));
  return {
    audiences: offered(Object.keys(AUDIENCE_NAMES), (s) => s.scenario.frontmatter.audiences),
    customers: offered(CUSTOMER_IDS, (s) => s.scenario.frontmatter.customers),
    clauses: offered(
      CLAUSE_IDS.filter((id) => /^(duty|image|officer|q)\./.test(id)),
      (s) => s.clauses,
    ),
    lengths: lengthBands(scenarios.map((s) => s.scenario.frontmatter.minutes)),
  };
}
