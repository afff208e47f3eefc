import { beforeEach, describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { createScenarioMachine, type PlayerEvent } from '../../../../src/engine/machine.ts';
import { AttemptSession } from '../../../../src/client/player/attempt-session.ts';
import { loadAttempt } from '../../../../src/lib/attempt-store.ts';
import { loadLearnerData } from '../../../../src/lib/progress-data.ts';
import { freshStorage, type FakeStorage } from '../../lib/fake-storage.ts';
import { ending, scene, valid } from '../../engine/fixture.ts';

const scenario = valid([scene('start', [{ to: 'middle' }]), scene('middle', [{ to: 'end' }]), ending('end')]);
const machine = createScenarioMachine(scenario);
let store: FakeStorage;

beforeEach(() => {
  store = freshStorage();
});

/** A tab on the scenario: loads what is stored, then plays `moves` choices (saving after each event). */
function tab(hash = 'h1') {
  const loaded = loadAttempt(scenario.id, hash);
  let session = new AttemptSession(scenario, hash, loaded);
  let actor = createActor(machine, loaded.status === 'found' ? { snapshot: loaded.attempt.snapshot as never } : {});
  actor.start();
  const notices: string[] = [AttemptSession.noticeFor(loaded)];
  const send = (event: PlayerEvent) => {
    actor.send(event);
    notices.push(session.save(actor.getPersistedSnapshot()).notice);
    if (actor.getSnapshot().status === 'done') notices.push(session.finish(actor.getSnapshot().context).notice);
  };
  const play = (moves: number) => {
    for (let i = 0; i < moves; i++) {
      send({ type: 'CHOOSE', index: 0 });
      send({ type: 'CONTINUE' });
      // The player shows the ending, and the play is finished.
      if (actor.getSnapshot().can({ type: 'SEE' })) send({ type: 'SEE' });
    }
  };
  const startOver = () => {
    session = session.restart();
    actor = createActor(machine).start();
  };
  return { play, startOver, notices };
}

describe('an attempt in play', () => {
  it('after a content update, the new attempt saves, and its finished result is kept', () => {
    const before = tab('h1');
    before.play(1);
    before.play(0);
    const after = tab('h2');
    expect(after.notices[0]).toBe('changed');
    after.play(2);
    expect(after.notices.filter(Boolean)).toEqual(['changed']);
    const data = loadLearnerData();
    expect(data.attempts).toHaveLength(1);
    expect(data.attempts[0]!.percent).toBe(100);
    expect(data.inProgress.size).toBe(0);
    // A reload after that resumes the new attempt instead of looping on "updated".
    expect(tab('h2').notices[0]).toBe('resumed');
  });

  it('“Start over” in a stale second tab does not replace the first tab’s attempt', () => {
    const a = tab();
    const b = tab();
    a.play(1);
    b.startOver();
    b.play(1);
    expect(b.notices.at(-1)).toBe('otherTab');
    const stored = loadAttempt(scenario.id, 'h1');
    expect(stored.status === 'found' && (stored.attempt.snapshot as { value: unknown }).value).toEqual({
      middle: 'answer',
    });
  });

  it('a tab overtaken by another still keeps the result it finished', () => {
    const a = tab();
    const b = tab();
    a.play(1);
    b.play(2);
    expect(b.notices.at(-1)).toBe('otherTabFinished');
    a.play(1);
    expect(loadLearnerData().attempts).toHaveLength(2);
  });

  it('with full storage, says so and offers the download', () => {
    store.full = true;
    const session = new AttemptSession(scenario, 'h1');
    const actor = createActor(machine).start();
    actor.send({ type: 'CHOOSE', index: 0 });
    expect(session.save(actor.getPersistedSnapshot())).toEqual({ notice: 'memory', offerDownload: true });
  });
});
