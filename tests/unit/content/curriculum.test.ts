import { describe, expect, it } from 'vitest';
import { courseCoverage } from '../../../src/authoring/coverage.ts';
import { lintFile, scenarioFiles } from '../../../src/authoring/lint.ts';
import { formatProblem } from '../../../src/authoring/format.ts';
import { CLAUSE_IDS, type Scenario } from '../../../src/engine/index.ts';

const results = scenarioFiles('scenarios').map((file) => lintFile(file));
const scenarios = results.flatMap((r) => (r.scenario ? [r.scenario] : [])) as Scenario[];
const coverage = courseCoverage(scenarios);

describe('the real scenarios', () => {
  it('all pass the strict lint (no errors, no warnings)', () => {
    expect(results.flatMap((r) => r.problems.map((p) => formatProblem(r.file, p)))).toEqual([]);
  });

  it('number at least 24, each 5–15 minutes', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(24);
    for (const s of scenarios) expect(s.frontmatter.minutes, s.id).toBeGreaterThanOrEqual(5);
    for (const s of scenarios) expect(s.frontmatter.minutes, s.id).toBeLessThanOrEqual(15);
  });

  it.each(CLAUSE_IDS.filter((id) => /^(customer|duty|q|image|officer)\./.test(id)))('train %s in at least two scenarios', (clause) => {
    expect((coverage.byClause.get(clause) ?? []).length).toBeGreaterThanOrEqual(2);
  });

  it('make every question decisive somewhere: "no" in two decisions, the only "no" in one', () => {
    for (const q of coverage.questions) {
      expect(q.no, q.key).toBeGreaterThanOrEqual(2);
      expect(q.onlyNo, q.key).toBeGreaterThanOrEqual(1);
    }
  });

  it('have at least four act (all yes) and three ask (only level no) decisions', () => {
    expect(coverage.calls.act).toBeGreaterThanOrEqual(4);
    expect(coverage.calls.ask).toBeGreaterThanOrEqual(3);
  });

  it('serve every audience: 8 recruit, 8 continuing education, 8 drill, 5 officer', () => {
    expect(coverage.audiences.recruit).toBeGreaterThanOrEqual(8);
    expect(coverage.audiences.ce).toBeGreaterThanOrEqual(8);
    expect(coverage.audiences.drill).toBeGreaterThanOrEqual(8);
    expect(coverage.audiences.officer).toBeGreaterThanOrEqual(5);
  });

  it.each(scenarios.map((s) => [s.id, s] as const))('%s: two decisions, two kinds of ending, feedback everywhere, discussion prompts', (_, s) => {
    const decisions = s.steps.filter((step) => step.kind === 'decision');
    const outcomes = new Set(s.steps.flatMap((step) => (step.kind === 'ending' ? [step.outcome] : [])));
    expect(decisions.length).toBeGreaterThanOrEqual(2);
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
