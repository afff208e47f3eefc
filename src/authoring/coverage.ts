import { QUESTIONS, decisiveQuestions, dimensionOf, expectedCall, type Scenario } from '../engine/index.ts';

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
  const audiences: Record<string, number> = { recruit: 0, ce: 0, drill: 0, officer: 0 };
  for (const s of scenarios) for (const a of s.frontmatter.audiences) audiences[a] = (audiences[a] ?? 0) + 1;
  return { byClause, questions, calls, audiences, decisions: decisions.length };
}
