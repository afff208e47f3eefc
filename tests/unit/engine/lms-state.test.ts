import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import {
  chooseResume,
  createScenarioMachine,
  currentStep,
  decodeLmsState,
  encodeLmsState,
  type Answer,
} from '../../../src/engine/index.ts';
import { LMS_SCENARIO as scenario, playLms as play } from '../lib/lms-fixture.ts';
import { ALL_YES } from './fixture.ts';

const HASH = 'abcdef0123456789abcdef';
const mixed = { ...ALL_YES, safe: 'no', policy: 'no' } as const;

describe('encodeLmsState', () => {
  it('writes version, hash, one token per answer and the review flag', () => {
    const actor = play([
      { type: 'CHOOSE', index: 1 },
      { type: 'CONTINUE' },
      { type: 'CHOOSE', index: 0 },
      { type: 'CONTINUE' },
      { type: 'DECIDE', answers: mixed, call: 'decline' },
    ]);
    expect(encodeLmsState(actor.getSnapshot(), HASH)).toBe('mp1.abcdef012345.1-0-dyyynyyn.r');
  });

  it('writes an empty answer list for a fresh start', () => {
    expect(encodeLmsState(play([]).getSnapshot(), HASH)).toBe('mp1.abcdef012345..-');
  });
});

describe('decodeLmsState', () => {
  it('replays the answers to the same screen, path and answers, the ending seen and finished included', () => {
    for (const events of [
      [{ type: 'CHOOSE', index: 1 }],
      [{ type: 'CHOOSE', index: 1 }, { type: 'CONTINUE' }, { type: 'CHOOSE', index: 0 }, { type: 'CONTINUE' }],
      [{ type: 'CHOOSE', index: 0 }, { type: 'CONTINUE' }, { type: 'DECIDE', answers: ALL_YES, call: 'ask' }],
      [
        { type: 'CHOOSE', index: 0 },
        { type: 'CONTINUE' },
        { type: 'DECIDE', answers: ALL_YES, call: 'ask' },
        { type: 'CONTINUE' },
        { type: 'SEE' },
      ],
    ] as const) {
      const actor = play([...events]);
      const decoded = decodeLmsState(scenario, HASH, encodeLmsState(actor.getSnapshot(), HASH));
      expect(decoded.status).toBe('found');
      if (decoded.status !== 'found') return;
      expect(decoded.context).toEqual(actor.getSnapshot().context);
      const resumed = createActor(createScenarioMachine(scenario), { snapshot: decoded.snapshot as never }).start();
      expect(currentStep(resumed.getSnapshot())).toBe(currentStep(actor.getSnapshot()));
      expect(resumed.getSnapshot().value).toEqual(actor.getSnapshot().value);
      expect(resumed.getSnapshot().status).toBe(actor.getSnapshot().status);
    }
  });

  it('says empty, changed or unreadable (with the reason) instead of guessing', () => {
    expect(decodeLmsState(scenario, HASH, '')).toEqual({ status: 'empty' });
    expect(decodeLmsState(scenario, 'ffff' + HASH, 'mp1.abcdef012345.0.-')).toEqual({ status: 'changed' });
    expect(decodeLmsState(scenario, HASH, '{"json":1}')).toEqual({
      status: 'unreadable',
      reason: 'expected mp1.<hash>.<answers>.<r|-> but found "{"json":1}"',
    });
    expect(decodeLmsState(scenario, HASH, 'mp1.abcdef012345.7.-')).toEqual({
      status: 'unreadable',
      reason: 'answer 1 ("7") does not fit the scenario',
    });
    expect(decodeLmsState(scenario, HASH, 'mp1.abcdef012345.0-ayyy.-')).toEqual({
      status: 'unreadable',
      reason: 'answer 2 ("ayyy") does not fit the scenario',
    });
  });
});

describe('chooseResume', () => {
  const a: Answer = { kind: 'choice', step: 'a', choice: 1 };
  const b: Answer = { kind: 'choice', step: 'a', choice: 0 };
  it.each([
    ['no local copy', [a], undefined, 'lms'],
    ['the browser carries on from the LMS', [a], [a, b], 'local'],
    ['the browser holds no more than the LMS', [a, b], [a], 'lms'],
    ['the two disagree', [b], [a, b], 'lms'],
  ] as const)('%s -> %s', (_, lms, local, expected) => {
    expect(chooseResume(lms, local)).toBe(expected);
  });
});
