import { describe, expect, it } from 'vitest';
import { COURSE_TARGETS, courseCoverage } from '../../../src/authoring/coverage.ts';
import { lintFiles, scenarioFiles } from '../../../src/authoring/lint.ts';
import { formatProblem } from '../../../src/authoring/format.ts';
import { COVERED_CLAUSES, type Scenario } from '../../../src/engine/index.ts';

// Everything the strict lint checks, spelling and the course-wide checks included.
const results = await lintFiles(scenarioFiles('scenarios'));
const scenarios = results.flatMap((r) => (r.scenario ? [r.scenario] : [])) as Scenario[];
const coverage = courseCoverage(scenarios);

describe('the real scenarios', () => {
  it('all pass the strict lint (no errors, no warnings)', () => {
    expect(results.flatMap((r) => r.problems.map((p) => formatProblem(r.file, p)))).toEqual([]);
  });

  it(`number at least ${COURSE_TARGETS.scenarios}, each 5–15 minutes`, () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(COURSE_TARGETS.scenarios);
    for (const s of scenarios) expect(s.frontmatter.minutes, s.id).toBeGreaterThanOrEqual(5);
    for (const s of scenarios) expect(s.frontmatter.minutes, s.id).toBeLessThanOrEqual(15);
  });

  it.each(COVERED_CLAUSES)(
    `train %s in at least ${COURSE_TARGETS.scenariosPerClause} scenarios`,
    (clause) => {
      expect((coverage.byClause.get(clause) ?? []).length).toBeGreaterThanOrEqual(COURSE_TARGETS.scenariosPerClause);
    },
  );

  // Each question must be a real "no" often; it need not ever be the only "no" (that invites bent keys).
  it.each(coverage.questions.map((q) => [q.key, q] as const))(
    `key %s "no" in at least ${COURSE_TARGETS.noPerQuestion} decisions`,
    (_, q) => {
      expect(q.no).toBeGreaterThanOrEqual(COURSE_TARGETS.noPerQuestion);
    },
  );

  it(`make ask the right call in at least ${COURSE_TARGETS.askShare * 100}% of decisions, and act and decline in some`, () => {
    expect(coverage.calls.ask / coverage.decisions).toBeGreaterThanOrEqual(COURSE_TARGETS.askShare);
    expect(coverage.calls.act).toBeGreaterThan(0);
    expect(coverage.calls.decline).toBeGreaterThan(0);
  });

  it.each(Object.entries(COURSE_TARGETS.perAudience))('serve the %s audience with at least %i scenarios', (audience, least) => {
    expect(coverage.audiences[audience]).toBeGreaterThanOrEqual(least);
  });

  it(`vary their shape: at least ${COURSE_TARGETS.notTwoDecisions} scenarios with one, three or more decisions`, () => {
    expect(coverage.notTwoDecisions).toBeGreaterThanOrEqual(COURSE_TARGETS.notTwoDecisions);
  });

  it(`do not give the answer away by length: the best choice is the longest label in under ${COURSE_TARGETS.bestIsLongestShare * 100}% of scenes with choices`, () => {
    const { count, bestIsLongest } = coverage.choiceScenes;
    expect(bestIsLongest / count).toBeLessThan(COURSE_TARGETS.bestIsLongestShare);
  });

  it.each(scenarios.map((s) => [s.id, s] as const))('%s: a decision, two kinds of ending, feedback everywhere, discussion prompts', (_, s) => {
    const decisions = s.steps.filter((step) => step.kind === 'decision');
    const outcomes = new Set(s.steps.flatMap((step) => (step.kind === 'ending' ? [step.outcome] : [])));
    expect(decisions.length).toBeGreaterThanOrEqual(1);
    expect(outcomes.size).toBeGreaterThanOrEqual(2);
    expect(s.steps.every((step) => step.kind !== 'scene' || step.choices.every((c) => c.hasFeedback))).toBe(true);
    expect(s.steps.reduce((n, step) => n + step.discuss, 0)).toBeGreaterThanOrEqual(1);
  });

  it('declare the local policies they rest on: a "no" on policy that is not also a "no" on the law', () => {
    for (const s of scenarios)
      for (const step of s.steps)
        if (step.kind === 'decision' && step.key.policy === 'no' && step.key.legal === 'yes')
          expect(s.frontmatter.assumes ?? [], `${s.id}: decision "${step.id}"`).not.toEqual([]);
  });
});

describe('saved progress', () => {
  it.each(scenarios.map((s) => [s.id, s] as const))('%s: fits in 4,096 characters (SCORM 1.2 suspend_data) on its longest path', async (_, s) => {
    const { savedStateSize } = await import('../../../src/authoring/saved-state.ts');
    expect(savedStateSize(s)).toBeLessThan(4096);
  });
});

describe('progress kept by an LMS', () => {
  it('fits SCORM 1.2 suspend_data (4,096 characters) on every scenario’s longest path, with room to spare', async () => {
    const { lmsStateSize } = await import('../../../src/authoring/saved-state.ts');
    const { SUSPEND_DATA_LIMITS } = await import('../../../src/engine/index.ts');
    const sizes = scenarios.map((s) => ({ id: s.id, size: lmsStateSize(s) }));
    const largest = sizes.reduce((a, b) => (b.size > a.size ? b : a));
    console.log(`largest suspend_data: ${largest.size} characters (${largest.id})`);
    expect(largest.size).toBeLessThan(SUSPEND_DATA_LIMITS.scorm12 / 4);
  });
});
