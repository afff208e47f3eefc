import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../../src/authoring/compile.ts';
import { formatErrors } from '../../../src/authoring/lint.ts';

const fixture = (name: string) => `tests/fixtures/scenarios/${name}.mdx`;
const lint = (name: string) => compileScenario(fixture(name));

describe('extraction from MDX', () => {
  it('reads steps, choices, feedback, keys, whys and discussion prompts from a valid file', () => {
    const { scenario, problems } = lint('valid/minimal');
    expect(problems).toEqual([]);
    expect(scenario?.id).toBe('minimal');
    expect(scenario?.steps.map((s) => `${s.kind}:${s.id}`)).toEqual(['scene:door', 'decision:check', 'ending:done']);
    const door = scenario!.steps[0]!;
    expect(door.kind === 'scene' && door.choices.map((c) => [c.label, c.to, c.grade, c.hasFeedback])).toEqual([
      ['Introduce yourself.', 'check', 'best', true],
      ['Walk straight in.', 'done', 'poor', true],
    ]);
    expect(scenario!.steps[1]).toMatchObject({
      kind: 'decision',
      discuss: 1,
      branches: { act: 'done', ask: 'done', decline: 'done' },
    });
    expect(door.at).toEqual({ line: 11, column: 1 });
  });

  it('reports components outside their parent, and unknown components, with their lines', () => {
    const file = fixture('broken/misplaced');
    const lines = formatErrors([lint('broken/misplaced')]);
    expect(lines).toContain(
      `${file}:13:1  <Why> is inside <Scene>  (move the <Why> inside the <Decision> whose key it explains)`,
    );
    expect(lines).toContain(
      `${file}:21:1  <Choice> is inside <Decision>  (move the <Choice> inside a <Scene>; a <Decision> branches with act=, ask= and decline=, and an <Ending> has no way out)`,
    );
    expect(lines).toContain(
      `${file}:27:1  <Gizmo> is not a scenario component  (use one of <Scene>, <Choice>, <Feedback>, <Decision>, <Why>, <Ending>, <Discuss>; scenario files import nothing)`,
    );
    expect(lines.filter((l) => l.includes('has no <Why'))).toHaveLength(7);
  });

  it('turns an MDX syntax error into a located problem', () => {
    const [problem] = lint('broken/syntax').problems;
    expect(problem).toMatchObject({ code: 'syntax', line: 16, column: 1 });
    expect(problem?.message).toBe(
      'MDX syntax: Unexpected closing tag `</Scene>`, expected corresponding closing tag for `<Choice>` (13:1)',
    );
  });

  it('reports five problems in one file as five located lines', () => {
    const lines = formatErrors([lint('broken/five-problems')]);
    const file = fixture('broken/five-problems');
    expect(lines).toEqual([
      `${file}:4:1  front matter "audiences": expected an audience (recruit, ce, drill, officer) but found "firefighters"  (list any of recruit, ce, drill, officer, e.g. audiences: [recruit, drill])`,
      `${file}:13:1  <Choice> "Go to the kitchen." leads to "kitchen", but no step has that id  (add a step with id="kitchen" or point to one of: door, check, end)`,
      `${file}:15:1  <Choice> "Think it over.": expected grade="best|ok|poor" but found "excellent"  (grade the choice best, ok or poor)`,
      `${file}:19:1  decision "check": safe must be "yes" or "no" but is "perhaps"  (write safe="yes" or safe="no")`,
      `${file}:31:1  ending "end": expected outcome="exemplary|adequate|poor" but found "great"  (set outcome to exemplary, adequate or poor)`,
    ]);
  });
});
