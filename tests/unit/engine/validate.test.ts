import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../../src/engine/index.ts';
import { decision, ending, raw, scene } from './fixture.ts';

const messages = (r: ReturnType<typeof validateScenario>) =>
  r.problems.filter((p) => p.severity === 'error').map((p) => `${p.code}: ${p.message}`);

describe('validateScenario', () => {
  it('accepts a well-formed graph and returns the typed scenario', () => {
    const result = validateScenario(
      raw([scene('a', [{ to: 'd' }]), decision('d', { act: 'e', ask: 'e', decline: 'e' }), ending('e')]),
    );
    expect(result.problems).toEqual([]);
    expect(result.scenario?.steps.map((s) => s.kind)).toEqual(['scene', 'decision', 'ending']);
    expect(result.scenario?.frontmatter.passingScore).toBe(80);
  });

  it.each([
    [
      'unknown target',
      [scene('a', [{ to: 'nowhere' }]), ending('e')],
      'unknown-target: <Choice> "Choice 0" leads to "nowhere", but no step has that id',
    ],
    ['duplicate id', [scene('a', [{ to: 'e' }]), ending('e'), ending('e')], 'duplicate-id: step id "e" is used twice'],
    [
      'unreachable step',
      [scene('a', [{ to: 'e' }]), ending('e'), ending('lost')],
      'unreachable: step "lost" cannot be reached from the start ("a")',
    ],
    [
      'dead end',
      [scene('a', [{ to: 'b' }]), scene('b', []), ending('e')],
      'dead-end: scene "b" has no <Choice>, so the trainee is stuck there',
    ],
    [
      'a loop with no way out',
      [scene('a', [{ to: 'b' }, { to: 'e' }]), scene('b', [{ to: 'c' }]), scene('c', [{ to: 'b' }]), ending('e')],
      'no-ending: from step "b" no path ever reaches an <Ending>',
    ],
    [
      'missing decision key',
      [decision('d', { act: 'e', ask: 'e', decline: 'e' }, { safe: undefined }), ending('e')],
      'missing-key: decision "d" has no key for question d (safe)',
    ],
    [
      'key other than yes/no',
      [decision('d', { act: 'e', ask: 'e', decline: 'e' }, { legal: 'maybe' }), ending('e')],
      'bad-key: decision "d": legal must be "yes" or "no" but is "maybe"',
    ],
    [
      'missing branch',
      [decision('d', { act: 'e', ask: 'e', decline: '' }), ending('e')],
      'missing-branch: decision "d" does not say where "decline" leads',
    ],
    [
      'grade outside best/ok/poor',
      [scene('a', [{ to: 'e', grade: 'great' }]), ending('e')],
      'bad-grade: <Choice> "Choice 0": expected grade="best|ok|poor" but found "great"',
    ],
    [
      'unknown clause in trains',
      [scene('a', [{ to: 'e', trains: 'duty.kindness' }]), ending('e')],
      'unknown-clause: <Choice> "Choice 0" trains "duty.kindness", which is not a clause id',
    ],
    [
      'question clause in trains',
      [scene('a', [{ to: 'e', trains: 'q.safe' }]), ending('e')],
      'untrainable-clause: <Choice> "Choice 0" trains "q.safe", but choices are scored only on duty.*, image.* and officer.* clauses',
    ],
  ])('reports %s', (_, steps, expected) => {
    expect(messages(validateScenario(raw(steps)))).toContainEqual(expect.stringContaining(expected));
  });

  it('reports a missing Why for each unexplained question', () => {
    const d = decision('d', { act: 'e', ask: 'e', decline: 'e' });
    d.whys = d.whys.filter((w) => w.q !== 'policy' && w.q !== 'level');
    const found = messages(validateScenario(raw([d, ending('e')])));
    expect(found).toContainEqual('missing-why: decision "d" has no <Why q="level">');
    expect(found).toContainEqual('missing-why: decision "d" has no <Why q="policy">');
  });

  it.each([
    ['unknown field', { minute: 5 }, 'unknown-field: front matter "minute": unknown field "minute"'],
    [
      'wrong type',
      { minutes: 'ten' },
      'bad-field: front matter "minutes": expected a number of minutes but found string "ten"',
    ],
    ['unknown clause id', { sop: ['duty.respect', 'q.nice'] }, 'bad-field: front matter "sop": expected a clause id'],
    ['missing field', { title: undefined }, 'missing-field: front matter has no "title"'],
    ['start that is not a step', { start: 'porch' }, 'unknown-start: front matter "start": "porch" is not a step id'],
  ])('names the front-matter field: %s', (_, frontmatter, expected) => {
    const result = validateScenario(raw([scene('a', [{ to: 'e' }]), ending('e')], frontmatter));
    expect(messages(result)).toContainEqual(expect.stringContaining(expected));
    expect(result.scenario).toBeUndefined();
  });

  it('reports every problem at once, in line order', () => {
    const result = validateScenario(
      raw([scene('a', [{ to: 'x', grade: 'meh' }]), scene('b', []), ending('e', 'great')]),
    );
    expect(result.problems.map((p) => p.code)).toEqual(
      expect.arrayContaining(['bad-grade', 'unknown-target', 'dead-end', 'bad-outcome', 'unreachable']),
    );
    const lines = result.problems.map((p) => p.line);
    expect(lines).toEqual([...lines].sort((x, y) => x - y));
  });
});
