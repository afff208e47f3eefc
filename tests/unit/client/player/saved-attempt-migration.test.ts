import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import {
  createScenarioMachine,
  describePlayerView,
  type Answer,
  type PlayerEvent,
} from '../../../../src/engine/index.ts';
import { loadAttempt, saveAttempt } from '../../../../src/lib/attempt-store.ts';
import { freshStorage, type FakeStorage } from '../../lib/fake-storage.ts';
import { realScenario } from './real-scenario.ts';

// Records written by storage version 3 in Chromium (tests/fixtures/saved-attempts/README.md).
const fixture = (name: string) => readFileSync(`tests/fixtures/saved-attempts/${name}.json`, 'utf8');
const KEY = 'mp201:attempt:mower-at-115';
const scenario = realScenario();
const machine = createScenarioMachine(scenario);

let store: FakeStorage;
beforeEach(() => {
  store = freshStorage();
});

/** Load a stored record as the player does, and the actor its snapshot restores. */
function resume(text: string) {
  store.setItem(KEY, text);
  const { hash } = JSON.parse(text).data as { hash: string };
  const loaded = loadAttempt('mower-at-115', hash);
  if (loaded.status !== 'found') throw new Error(`expected the record to load but found ${loaded.status}`);
  return { loaded, actor: createActor(machine, { snapshot: loaded.attempt.snapshot as never }).start() };
}

/** The same answers played on the current machine, up to the same screen. */
function replay(answers: Answer[], reviewing: boolean, finished: boolean) {
  const actor = createActor(machine).start();
  for (const [i, answer] of answers.entries()) {
    const event: PlayerEvent =
      answer.kind === 'choice'
        ? { type: 'CHOOSE', index: answer.choice }
        : { type: 'DECIDE', answers: answer.answers, call: answer.call };
    actor.send(event);
    if (i < answers.length - 1 || !reviewing) actor.send({ type: 'CONTINUE' });
  }
  if (finished) actor.send({ type: 'SEE' });
  return actor;
}

describe('saved attempts of storage version 3 (flat steps, a review flag, endings final at once)', () => {
  it.each([
    ['scene-feedback', { phase: 'review', step: { id: 'arrival' }, answer: { choice: 0 } }, true, false],
    ['scene', { phase: 'answer', step: { id: 'cooling' }, draft: {} }, false, false],
    ['decision', { phase: 'answer', step: { id: 'secure-house' }, draft: {} }, false, false],
    ['decision-feedback', { phase: 'review', step: { id: 'secure-house' }, decision: { call: 'act' } }, true, false],
    // Version 3 could not tell whether the ending had been seen: a finished play reopens finished, on its ending.
    ['done', { phase: 'ending', step: { id: 'handed-over' }, score: { percent: 100 } }, false, true],
  ] as const)(
    '%s reopens on the same screen, as if played on the current machine',
    (name, view, reviewing, finished) => {
      const text = fixture(name);
      const { loaded, actor } = resume(text);
      expect(describePlayerView(scenario, actor.getSnapshot())).toMatchObject(view);
      expect(actor.getSnapshot().status).toBe(finished ? 'done' : 'active');
      const played = replay(actor.getSnapshot().context.answers, reviewing, finished);
      expect(actor.getSnapshot().value).toEqual(played.getSnapshot().value);
      expect(actor.getSnapshot().context).toEqual(played.getSnapshot().context);
      // Everything but the snapshot is kept as it was.
      const { snapshot: _old, ...rest } = JSON.parse(text).data as Record<string, unknown>;
      expect(loaded.attempt).toMatchObject(rest);
    },
  );

  it('is saved again as version 4 at the next move, and read back without migrating', () => {
    const { loaded, actor } = resume(fixture('scene'));
    actor.send({ type: 'CHOOSE', index: 0 });
    const saved = saveAttempt({ ...loaded.attempt, snapshot: actor.getPersistedSnapshot() }, loaded.rev);
    expect(saved.status).toBe('saved');
    expect(JSON.parse(store.getItem(KEY)!)).toMatchObject({ record: 'attempt', version: 4 });
    const { actor: again } = resume(store.getItem(KEY)!);
    expect(describePlayerView(scenario, again.getSnapshot())).toMatchObject({
      phase: 'review',
      step: { id: 'cooling' },
    });
  });

  it('sets aside, and does not delete, a version 3 record whose snapshot is not a machine snapshot', () => {
    const record = JSON.parse(fixture('scene'));
    record.data.snapshot = { status: 'active', value: { cooling: 'answer' } };
    store.setItem(KEY, JSON.stringify(record));
    expect(loadAttempt('mower-at-115', record.data.hash)).toMatchObject({ status: 'unreadable' });
    const keys = Array.from({ length: store.length }, (_, i) => store.key(i) ?? '');
    expect(keys.filter((k) => k.startsWith('mp201:set-aside:'))).toHaveLength(1);
  });
});
