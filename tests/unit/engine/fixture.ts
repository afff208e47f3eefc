import {
  QUESTION_KEYS,
  validateScenario,
  type QuestionKey,
  type RawScenario,
  type RawStep,
  type Scenario,
} from '../../../src/engine/index.ts';

let line = 10;
const at = () => ({ line: line++, column: 1 });

/** A scene step as extraction would produce it. */
export function scene(id: string, choices: { to: string; grade?: string; trains?: string; label?: string }[]): RawStep {
  return {
    kind: 'scene',
    at: at(),
    attrs: { id, title: `Scene ${id}` },
    choices: choices.map((c, i) => ({
      at: at(),
      attrs: { to: c.to, grade: c.grade ?? 'best', trains: c.trains ?? 'duty.respect' },
      label: c.label ?? `Choice ${i}`,
      hasFeedback: true,
    })),
    whys: [],
    discuss: 0,
  };
}

/** Seven yes answers: the key of a decision where the member simply acts. */
export const ALL_YES = Object.fromEntries(QUESTION_KEYS.map((key) => [key, 'yes'])) as Record<QuestionKey, 'yes'>;

/** A decision step; `key` overrides the all-yes key. */
export function decision(
  id: string,
  branches: { act: string; ask: string; decline: string },
  key: Record<string, string | undefined> = {},
): RawStep {
  const attrs = { id, title: `Decision ${id}`, action: 'Do the thing', ...ALL_YES, ...key, ...branches };
  return {
    kind: 'decision',
    at: at(),
    attrs,
    choices: [],
    whys: Object.keys(ALL_YES).map((q) => ({ q, at: at() })),
    discuss: 0,
  };
}

/** An ending step. */
export function ending(id: string, outcome = 'exemplary'): RawStep {
  return { kind: 'ending', at: at(), attrs: { id, title: `Ending ${id}`, outcome }, choices: [], whys: [], discuss: 0 };
}

/**
 * A scene whose choices all lead to one decision keyed "safe: no" (so the call is decline), and an
 * ending per call: acting ends poor, asking adequate, declining exemplary. Endings are named by `endings`.
 */
export function sceneThenDecline(
  sceneId: string,
  choices: { grade: string; label: string }[],
  decisionId: string,
  endings: { act: string; ask: string; decline: string },
): RawStep[] {
  return [
    scene(
      sceneId,
      choices.map((c) => ({ ...c, to: decisionId })),
    ),
    decision(decisionId, endings, { safe: 'no' }),
    ending(endings.act, 'poor'),
    ending(endings.ask, 'adequate'),
    ending(endings.decline),
  ];
}

/** A raw scenario around the given steps. */
export function raw(steps: RawStep[], frontmatter: Record<string, unknown> = {}): RawScenario {
  return {
    id: 'fixture',
    file: 'scenarios/fixture.mdx',
    frontmatter: {
      title: 'Fixture',
      summary: 'A scenario for tests.',
      audiences: ['recruit'],
      customers: ['customer.recipient'],
      sop: ['duty.respect'],
      minutes: 5,
      start: steps[0]?.attrs.id ?? 'start',
      ...frontmatter,
    },
    frontmatterLines: { title: 2, summary: 3, audiences: 4, customers: 5, sop: 6, minutes: 7, start: 8 },
    frontmatterAt: { line: 1, column: 1 },
    steps,
    problems: [],
  };
}

/** A validated scenario, failing the test if it has errors. */
export function valid(steps: RawStep[], frontmatter: Record<string, unknown> = {}): Scenario {
  const { scenario, problems } = validateScenario(raw(steps, frontmatter));
  if (!scenario) throw new Error(problems.map((p) => p.message).join('\n'));
  return scenario;
}

/** A scene that can loop on itself or lead to one decision, whose three calls lead to three endings. */
export function loopAndDecision(): Scenario {
  return valid([
    scene('a', [{ to: 'd' }, { to: 'a', grade: 'poor' }]),
    decision('d', { act: 'good', ask: 'asked', decline: 'bad' }),
    ending('good'),
    ending('asked', 'adequate'),
    ending('bad', 'poor'),
  ]);
}

/** Decision `id` keyed act (all yes), each call to its own ending: act to exemplary `good`, ask to adequate `meh`, decline to poor `bad`. */
export function decisionByCall(id: string): RawStep[] {
  return [
    decision(id, { act: 'good', ask: 'meh', decline: 'bad' }),
    ending('good'),
    ending('meh', 'adequate'),
    ending('bad', 'poor'),
  ];
}
