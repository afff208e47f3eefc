import { getCollection, render, type CollectionEntry } from 'astro:content';
import { compileScenario } from '../authoring/compile.ts';
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

/**
 * A scenario file's compile (the one the pre-build check and the build plugin made), for a page. The
 * build has stopped on any invalid file before pages are rendered, so one here is a bug, said as such.
 */
export function compiledScenario(file: string): Pick<LoadedScenario, 'scenario' | 'analysis' | 'readingGrade'> {
  const { scenario, analysis, readingGrade, problems } = compileScenario(file);
  if (!scenario || !analysis || readingGrade === undefined)
    throw new Error(`${file} reached a page without passing the scenario check: ${problems[0]?.message ?? 'no graph'}`);
  return { scenario, analysis, readingGrade };
}

/** Every scenario, sorted by title, with its compiled graph. Computed once per build. */
export function loadScenarios(): Promise<LoadedScenario[]> {
  cache ??= (async () => {
    const entries = await getCollection('scenarios');
    const loaded = await Promise.all(
      entries.map(async (entry) => {
        const { Content } = await render(entry);
        const { scenario, analysis, readingGrade } = compiledScenario(entry.filePath ?? entry.id);
        return {
          entry,
          scenario,
          hash: String(entry.digest ?? ''),
          Content,
          analysis,
          readingGrade,
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
