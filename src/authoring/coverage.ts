import {
  AUDIENCES,
  AUDIENCE_NAMES,
  COVERED_CLAUSES,
  QUESTIONS,
  clauseLabel,
  bestIsLongestLabel,
  decisiveQuestions,
  dimensionOf,
  expectedCall,
  type Scenario,
} from '../engine/index.ts';

/**
 * What the course as a whole must reach (checked by the content test, tests/unit/content/curriculum.test.ts).
 */
export const COURSE_TARGETS = {
  /** Scenarios in the catalogue. */
  scenarios: 32,
  /** Scenarios that train each customer, duty, question, image and officer clause. */
  scenariosPerClause: 2,
  /** Decisions in which each of the seven questions is keyed "no". */
  noPerQuestion: 3,
  /** Share of decisions whose right call is ask. */
  askShare: 0.15,
  /** Scenarios per audience. */
  perAudience: { recruit: 10, ce: 10, drill: 10, officer: 8 },
  /** Scenarios with one, three or more decisions (not two). */
  notTwoDecisions: 6,
  /** Largest share of multi-choice scenes whose best choice is the longest label. */
  bestIsLongestShare: 0.4,
} as const;

/** Clauses a scenario trains: its customers, what its choices train, its decisive questions, and its sop list. */
export function clausesTrained(scenario: Scenario): Set<string> {
  const set = new Set<string>([...scenario.frontmatter.sop, ...scenario.frontmatter.customers]);
  for (const step of scenario.steps) {
    // Training an image.* item trains its parent responsibility, duty.image, too.
    if (step.kind === 'scene') for (const c of step.choices) for (const t of c.trains) set.add(t).add(dimensionOf(t));
  }
  for (const clause of decisiveQuestions(scenario)) set.add(clause);
  return set;
}

/** Course-wide coverage figures for instructors (the coverage page) and for the content test. */
export function courseCoverage(scenarios: readonly Scenario[]) {
  const decisions = scenarios.flatMap((s) =>
    s.steps.flatMap((step) => (step.kind === 'decision' ? [{ scenario: s.id, step }] : [])),
  );
  const byClause = new Map<string, string[]>();
  for (const s of scenarios)
    for (const clause of clausesTrained(s)) byClause.set(clause, [...(byClause.get(clause) ?? []), s.id]);
  const questions = QUESTIONS.map((q) => {
    const noIn = decisions.filter((d) => d.step.key[q.key] === 'no');
    const onlyNoIn = noIn.filter((d) =>
      QUESTIONS.every((other) => other.key === q.key || d.step.key[other.key] === 'yes'),
    );
    return { key: q.key, clause: q.clause, no: noIn.length, onlyNo: onlyNoIn.length };
  });
  const calls = { act: 0, ask: 0, decline: 0 };
  for (const d of decisions) calls[expectedCall(d.step.key)]++;
  const audiences: Record<string, number> = Object.fromEntries(AUDIENCES.map((a) => [a, 0]));
  for (const s of scenarios) for (const a of s.frontmatter.audiences) audiences[a] = (audiences[a] ?? 0) + 1;
  const scenes = scenarios.flatMap((s) =>
    s.steps.flatMap((step) => (step.kind === 'scene' && step.choices.length > 1 ? [step] : [])),
  );
  const bestIsLongest = scenes.filter((scene) =>
    bestIsLongestLabel(
      scene.choices.map((c) => c.label),
      scene.choices.map((c) => c.grade === 'best'),
    ),
  ).length;
  const notTwoDecisions = scenarios.filter(
    (s) => s.steps.filter((step) => step.kind === 'decision').length !== 2,
  ).length;
  return {
    byClause,
    questions,
    calls,
    audiences,
    decisions: decisions.length,
    /** Scenes with two or more choices, and how many of them have the best choice as the longest label. */
    choiceScenes: { count: scenes.length, bestIsLongest },
    notTwoDecisions,
  };
}

/** A scenario with every clause it trains (clausesTrained, measured once per build). */
export interface CoverageSource {
  scenario: Scenario;
  clauses: readonly string[];
}

/**
 * Everything the coverage page shows: the course's figures, then one row per covered clause (customer
 * kinds, duties, questions, image and officer items) with a cell per scenario, numbered in the given
 * order, and the decisive questions.
 */
export function coverageTable(sources: readonly CoverageSource[]) {
  const scenarios = sources.map((s) => s.scenario);
  const coverage = courseCoverage(scenarios);
  return {
    scenarios: scenarios.length,
    decisions: coverage.decisions,
    calls: coverage.calls,
    audiences: AUDIENCES.map((a) => ({ name: AUDIENCE_NAMES[a], count: coverage.audiences[a] ?? 0 })),
    columns: scenarios.map((s, i) => ({ id: s.id, number: i + 1, title: s.frontmatter.title })),
    rows: COVERED_CLAUSES.map((clause) => {
      const label = clauseLabel(clause);
      // Each cell's dot, as a screen reader hears it ("X trains Y"), where the scenario trains the clause.
      const cells = sources.map(({ scenario, clauses }) =>
        clauses.includes(clause)
          ? { trainedLabel: `${scenario.frontmatter.title} trains ${label}` }
          : { trainedLabel: undefined },
      );
      return { clause, label, cells, total: cells.filter((c) => c.trainedLabel).length };
    }),
    questions: coverage.questions.map((q) => ({ ...q, label: clauseLabel(q.clause) })),
  };
}
