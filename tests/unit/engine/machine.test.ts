import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { createScenarioMachine, currentStep, describePlayerView, scoreAttempt } from '../../../src/engine/index.ts';
import { decision, ending, scene, valid, ALL_YES } from './fixture.ts';

const yes = ALL_YES;
const scenario = valid([
  scene('a', [{ to: 'd' }, { to: 'a', grade: 'poor' }]),
  decision('d', { act: 'good', ask: 'asked', decline: 'bad' }),
  ending('good'),
  ending('asked', 'adequate'),
  ending('bad', 'poor'),
]);

describe('createScenarioMachine', () => {
  it('starts at the start step and follows the chosen branch', () => {
    const actor = createActor(createScenarioMachine(scenario)).start();
    expect(currentStep(actor.getSnapshot())).toBe('a');
    actor.send({ type: 'CHOOSE', index: 0 });
    expect(currentStep(actor.getSnapshot())).toBe('d');
    actor.send({ type: 'DECIDE', answers: yes, call: 'ask' });
    expect(currentStep(actor.getSnapshot())).toBe('asked');
    expect(actor.getSnapshot().status).toBe('done');
    expect(actor.getSnapshot().context.path).toEqual(['a', 'd', 'asked']);
  });

  it('ignores a decision with unanswered questions and a choice that does not exist', () => {
    const actor = createActor(createScenarioMachine(scenario)).start();
    actor.send({ type: 'CHOOSE', index: 7 });
    expect(currentStep(actor.getSnapshot())).toBe('a');
    actor.send({ type: 'CHOOSE', index: 0 });
    actor.send({ type: 'DECIDE', answers: { ...yes, safe: undefined } as never, call: 'act' });
    expect(currentStep(actor.getSnapshot())).toBe('d');
    expect(actor.getSnapshot().context.answers).toHaveLength(1);
  });

  it('records a revisit of the same step', () => {
    const actor = createActor(createScenarioMachine(scenario)).start();
    actor.send({ type: 'CHOOSE', index: 1 });
    actor.send({ type: 'CHOOSE', index: 0 });
    expect(actor.getSnapshot().context.path).toEqual(['a', 'a', 'd']);
  });

  it('holds the answer under review until the trainee continues', () => {
    const actor = createActor(createScenarioMachine(scenario)).start();
    actor.send({ type: 'CHOOSE', index: 0 });
    let view = describePlayerView(scenario, actor.getSnapshot().context, currentStep(actor.getSnapshot()), false);
    expect(view).toMatchObject({ phase: 'review', step: { id: 'a' } });
    actor.send({ type: 'CONTINUE' });
    view = describePlayerView(scenario, actor.getSnapshot().context, currentStep(actor.getSnapshot()), false);
    expect(view).toMatchObject({ phase: 'answer', step: { id: 'd' } });
  });

  it('resumes from a persisted snapshot at the same step with the same score', () => {
    const machine = createScenarioMachine(scenario);
    const first = createActor(machine).start();
    first.send({ type: 'CHOOSE', index: 1 });
    first.send({ type: 'CONTINUE' });
    first.send({ type: 'CHOOSE', index: 0 });
    const saved = JSON.parse(JSON.stringify(first.getPersistedSnapshot()));
    const resumed = createActor(machine, { snapshot: saved }).start();
    expect(currentStep(resumed.getSnapshot())).toBe('d');
    expect(resumed.getSnapshot().context).toEqual(first.getSnapshot().context);
    resumed.send({ type: 'DECIDE', answers: yes, call: 'act' });
    first.send({ type: 'DECIDE', answers: yes, call: 'act' });
    expect(scoreAttempt(scenario, resumed.getSnapshot().context.answers)).toEqual(
      scoreAttempt(scenario, first.getSnapshot().context.answers),
    );
  });
});
