import { describe, expect, it } from 'vitest';
import { createActor, type Actor } from 'xstate';
import { getShortestPaths, getSimplePaths } from 'xstate/graph';
import {
  createScenarioMachine,
  currentStep,
  describePlayerView,
  screenEvents,
  scoreAttempt,
  type PlayerEvent,
  type ScenarioMachine,
} from '../../../src/engine/index.ts';
import { loopAndDecision, ALL_YES } from './fixture.ts';

const yes = ALL_YES;
const scenario = loopAndDecision();
const machine = createScenarioMachine(scenario);

/** Play `events` on a new actor. */
function play(...events: PlayerEvent[]): Actor<ScenarioMachine> {
  const actor = createActor(machine).start();
  for (const event of events) actor.send(event);
  return actor;
}

/** Persist the actor's snapshot as the browser stores it (JSON), and start a new actor from it. */
function reload(actor: Actor<ScenarioMachine>): Actor<ScenarioMachine> {
  const saved: unknown = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
  return createActor(machine, { snapshot: saved as never }).start();
}

const view = (actor: Actor<ScenarioMachine>) => describePlayerView(scenario, actor.getSnapshot());

describe('createScenarioMachine', () => {
  it('starts at the start step, waiting for an answer', () => {
    expect(view(play())).toMatchObject({ phase: 'answer', step: { id: 'a' } });
  });

  it('shows the feedback on a choice (a state tagged review) until the trainee continues', () => {
    const actor = play({ type: 'CHOOSE', index: 0 });
    expect(actor.getSnapshot().hasTag('review')).toBe(true);
    expect(view(actor)).toMatchObject({ phase: 'review', step: { id: 'a' }, answer: { choice: 0 } });
    actor.send({ type: 'CONTINUE' });
    expect(actor.getSnapshot().hasTag('review')).toBe(false);
    expect(view(actor)).toMatchObject({ phase: 'answer', step: { id: 'd' } });
    expect(actor.getSnapshot().context.path).toEqual(['a', 'd']);
  });

  it('ignores a decision with unanswered questions, a choice that does not exist, and a second answer', () => {
    const actor = play({ type: 'CHOOSE', index: 7 });
    expect(view(actor)).toMatchObject({ phase: 'answer', step: { id: 'a' } });
    actor.send({ type: 'CHOOSE', index: 0 });
    actor.send({ type: 'CHOOSE', index: 1 });
    actor.send({ type: 'CONTINUE' });
    actor.send({ type: 'DECIDE', answers: { ...yes, safe: undefined } as never, call: 'act' });
    expect(view(actor)).toMatchObject({ phase: 'answer', step: { id: 'd' } });
    expect(actor.getSnapshot().context.answers).toHaveLength(1);
  });

  it('records a revisit of the same step', () => {
    const actor = play({ type: 'CHOOSE', index: 1 }, { type: 'CONTINUE' }, { type: 'CHOOSE', index: 0 });
    expect(actor.getSnapshot().context.path).toEqual(['a', 'a']);
    actor.send({ type: 'CONTINUE' });
    expect(actor.getSnapshot().context.path).toEqual(['a', 'a', 'd']);
  });

  it('keeps a half-filled decision through a reload and forgets it once the decision is submitted', () => {
    const actor = play({ type: 'CHOOSE', index: 0 }, { type: 'CONTINUE' });
    actor.send({ type: 'DRAFT', draft: { customer: 'yes', safe: 'no', call: 'ask' } });
    const back = reload(actor);
    expect(view(back)).toEqual({
      phase: 'answer',
      step: expect.objectContaining({ id: 'd' }),
      draft: { customer: 'yes', safe: 'no', call: 'ask' },
    });
    back.send({ type: 'DECIDE', answers: yes, call: 'ask' });
    expect(back.getSnapshot().context.draft).toEqual({});
  });

  it('is finished only once the ending has been seen', () => {
    const actor = play(
      { type: 'CHOOSE', index: 0 },
      { type: 'CONTINUE' },
      { type: 'DECIDE', answers: yes, call: 'ask' },
    );
    expect(view(actor)).toMatchObject({ phase: 'review', step: { id: 'd' } });
    actor.send({ type: 'CONTINUE' });
    expect(actor.getSnapshot().status).toBe('active');
    expect(view(actor)).toMatchObject({ phase: 'ending', step: { id: 'asked' } });
    actor.send({ type: 'SEE' });
    expect(actor.getSnapshot().status).toBe('done');
    expect(view(actor)).toMatchObject({ phase: 'ending', step: { id: 'asked' } });
    expect(actor.getSnapshot().context.path).toEqual(['a', 'd', 'asked']);
  });

  it('resumes from a persisted snapshot and plays on to the same score', () => {
    const first = play({ type: 'CHOOSE', index: 1 }, { type: 'CONTINUE' }, { type: 'CHOOSE', index: 0 });
    const resumed = reload(first);
    expect(resumed.getSnapshot().context).toEqual(first.getSnapshot().context);
    for (const actor of [first, resumed]) {
      actor.send({ type: 'CONTINUE' });
      actor.send({ type: 'DECIDE', answers: yes, call: 'act' });
    }
    expect(scoreAttempt(scenario, resumed.getSnapshot().context.answers)).toEqual(
      scoreAttempt(scenario, first.getSnapshot().context.answers),
    );
  });
});

// Generated from the machine with xstate/graph, as XState's own tests do: every screen, and every way through.
const traversal = {
  events: screenEvents(scenario),
  serializeState: (s: { value: unknown }) => JSON.stringify(s.value),
};

describe('every screen of the machine, reached by its shortest path', () => {
  const paths = getShortestPaths(machine, traversal);

  it('covers deciding, feedback on a choice and on a call, each ending and the finished state', () => {
    const screens = paths.map((p) => JSON.stringify(p.state.value));
    expect(screens).toEqual(
      expect.arrayContaining([
        '{"a":"answer"}',
        '{"a":"choice-0"}',
        '{"a":"choice-1"}',
        '{"d":"answer"}',
        '{"d":"call-act"}',
        '{"d":"call-ask"}',
        '{"d":"call-decline"}',
        '"good"',
        '"asked"',
        '"bad"',
        '"finished"',
      ]),
    );
  });

  it.each(paths.map((p) => [JSON.stringify(p.state.value), p] as const))(
    '%s: its persisted snapshot alone restores the same view',
    (_, path) => {
      const actor = play(...path.steps.map((s) => s.event));
      const back = reload(actor);
      expect(back.getSnapshot().value).toEqual(path.state.value);
      expect(view(back)).toEqual(view(actor));
      expect(currentStep(back.getSnapshot())).toBe(currentStep(actor.getSnapshot()));
    },
  );
});

describe('every simple path to the finished state', () => {
  const finished = getSimplePaths(machine, traversal).filter((p) => p.state.status === 'done');

  it('reaches each ending, seen before the play is finished', () => {
    const endings = finished.map((p) => currentStep(p.state));
    expect(new Set(endings)).toEqual(new Set(['good', 'asked', 'bad']));
    for (const path of finished) {
      const seen = path.steps.at(-2)!.state;
      expect(seen.status).toBe('active');
      expect(describePlayerView(scenario, seen)).toMatchObject({
        phase: 'ending',
        step: { id: currentStep(path.state) },
      });
    }
  });

  it('keeps the path taken, ending last, and one answer per choice or call', () => {
    for (const path of finished) {
      const { context } = path.state;
      expect(context.path.at(-1)).toBe(currentStep(path.state));
      expect(context.answers).toHaveLength(path.steps.filter((s) => /CHOOSE|DECIDE/.test(s.event.type)).length);
    }
  });
});
