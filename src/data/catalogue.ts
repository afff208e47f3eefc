import { getCollection, render, type CollectionEntry } from 'astro:content';
import { compileScenario } from '../authoring/compile.ts';
import {
  AUDIENCES,
  AUDIENCE_NAMES,
  COVERED_CLAUSES,
  CUSTOMER_IDS,
  CUSTOMER_NAMES,
  catalogueCards,
  clauseLabel,
  drillScenarios,
  instructorList,
  type CatalogueCard,
  type PathAnalysis,
  type Scenario,
} from '../engine/index.ts';
import { lengthBands, STATUS_NAMES, type CatalogueFilter } from '../engine/catalogue-filter.ts';
import { clausesTrained } from '../authoring/coverage.ts';
import { loadCompletionRule } from './completion.ts';

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

/** One of the catalogue's filters: a select named `name`, whose empty option reads `any`. */
export interface FilterField {
  name: keyof CatalogueFilter;
  label: string;
  any: string;
  options: { value: string; label: string }[];
}

/**
 * The catalogue's filters, each option taken from the scenarios themselves (audiences, customers and
 * clauses some scenario has, clauses by the procedure's own numbering; length bands from their
 * lengths), so no option can show nothing; and the learner's status, filled in by the page's script.
 */
export function filterFields(scenarios: readonly LoadedScenario[]): FilterField[] {
  const offered = <T extends string>(all: readonly T[], used: (s: LoadedScenario) => readonly string[]) =>
    all.filter((value) => scenarios.some((s) => used(s).includes(value)));
  const named = <T extends string>(values: readonly T[], name: (value: T) => string) =>
    values.map((value) => ({ value, label: name(value) }));
  const audiences = offered(AUDIENCES, (s) => s.scenario.frontmatter.audiences);
  const customers = offered(CUSTOMER_IDS, (s) => s.scenario.frontmatter.customers);
  // Customer kinds have their own filter.
  const clauses = offered(
    COVERED_CLAUSES.filter((id) => !(CUSTOMER_IDS as readonly string[]).includes(id)),
    (s) => s.clauses,
  );
  const lengths = lengthBands(scenarios.map((s) => s.scenario.frontmatter.minutes));
  return [
    { name: 'audience', label: 'Audience', any: 'Any audience', options: named(audiences, (a) => AUDIENCE_NAMES[a]) },
    { name: 'customer', label: 'Customer', any: 'Any customer', options: named(customers, (c) => CUSTOMER_NAMES[c]) },
    { name: 'clause', label: 'Part of the procedure', any: 'Any clause', options: named(clauses, clauseLabel) },
    { name: 'length', label: 'Length', any: 'Any length', options: lengths },
    {
      name: 'status',
      label: 'Your status',
      any: 'Any status',
      options: Object.entries(STATUS_NAMES).map(([value, label]) => ({ value, label })),
    },
  ];
}

/** The catalogue page: its filters, and a card per scenario (marked where the certificate needs it). */
export async function loadCatalogue(): Promise<{ filters: FilterField[]; cards: CatalogueCard[] }> {
  const scenarios = await loadScenarios();
  const { required } = loadCompletionRule(scenarios.map(({ scenario }) => scenario.id));
  return { filters: filterFields(scenarios), cards: catalogueCards(scenarios, required) };
}

/** The scenarios that can be run as a company drill (the drill pages and their facilitator guides). */
export async function loadDrillScenarios(): Promise<LoadedScenario[]> {
  return drillScenarios(await loadScenarios());
}

/** The instructors' list: every scenario, and whether it runs as a drill. */
export async function loadInstructorList(): Promise<ReturnType<typeof instructorList>> {
  return instructorList((await loadScenarios()).map(({ scenario }) => scenario));
}
