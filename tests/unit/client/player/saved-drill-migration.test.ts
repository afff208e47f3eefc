import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import {
  CALLS,
  createDrillMachine,
  describeDrillStage,
  expectedCall,
  migrateDrillSnapshot,
  type DrillActor,
  type DrillEvent,
} from '../../../../src/engine/index.ts';
import { listLiveDrills, saveLiveDrill, type LiveDrill } from '../../../../src/lib/drill-store.ts';
import { readSetAside } from '../../../../src/lib/storage-admin.ts';
import { freshStorage, type FakeStorage } from '../../lib/fake-storage.ts';
import { realScenario } from './real-scenario.ts';

// Drills in progress as the drill page wrote them before modes became states (live-drill records of
// version 2, their scenario child in the flat shape), with the events that led there
// (tests/fixtures/saved-drills/README.md).
const fixture = (name: string) => readFileSync(`tests/fixtures/saved-drills/${name}.json`, 'utf8');
const eventsOf = (name: string) =>
  JSON.parse(readFileSync(`tests/fixtures/saved-drills/${name}.events.json`, 'utf8')) as DrillEvent[];
const KEY = 'mp201:drill-live:mower-at-115:drill-v3';
const HASH = 'v3-fixture';
const scenario = realScenario();
const machine = createDrillMachine(scenario);

let store: FakeStorage;
beforeEach(() => {
  store = freshStorage();
});

/** True when the snapshot restores a running drill, as the drill page checks before it offers Resume. */
function usable(live: LiveDrill): boolean {
  try {
    const probe = createActor(machine, { input: { hash: HASH }, snapshot: live.snapshot as never }).start();
    const ok = probe.getSnapshot().status === 'active';
    probe.stop();
    return ok;
  } catch {
    return false;
  }
}

/** The drill page's resume list for the stored record, and the drill its Resume button restores. */
function resume(text: string) {
  store.setItem(KEY, text);
  const listed = listLiveDrills('mower-at-115', usable);
  const found = listed.drills[0];
  if (!found) throw new Error(`expected the drill to be offered for resuming but ${listed.setAside} was set aside`);
  return {
    listed,
    found,
    actor: createActor(machine, { input: { hash: HASH }, snapshot: found.live.snapshot as never }).start(),
  };
}

/** The same key presses made on the current drill machine. */
function replay(events: readonly DrillEvent[]) {
  const actor = createActor(machine, { input: { hash: HASH } }).start();
  for (const event of events) actor.send(event);
  return actor;
}

/** What the officer sees on the TV: the stage, the step, the question, the highlight, the crew's answer. */
function screen(actor: DrillActor) {
  const snapshot = actor.getSnapshot();
  const { kind, step, question, revealed, tally, cursor, label } = describeDrillStage(scenario, snapshot);
  return {
    kind,
    step: step.id,
    question,
    revealed,
    tally,
    cursor,
    label,
    stepNumber: new Set(snapshot.context.played.path).size,
  };
}

/** Run the drill to its record along the key: the best choice, the crew answering as the key, the right call. */
function finish(actor: DrillActor) {
  for (let moves = 0; moves < 200 && !actor.getSnapshot().matches('finished'); moves++) {
    const stage = describeDrillStage(scenario, actor.getSnapshot());
    const { step } = stage;
    if (stage.kind === 'choose' && step.kind === 'scene')
      actor.send({ type: 'PICK', index: step.choices.findIndex((c) => c.grade === 'best') });
    else if (stage.kind === 'question' && !stage.revealed && step.kind === 'decision')
      actor.send({ type: 'ANSWER', answer: step.key[stage.question!] });
    else if (stage.kind === 'call' && step.kind === 'decision' && stage.cursor === null)
      actor.send({ type: 'PICK', index: CALLS.indexOf(expectedCall(step.key)) });
    else actor.send({ type: 'NEXT', at: '2026-11-30T14:50:00.000Z' });
  }
  return actor.getSnapshot().context.record;
}

describe('drills in progress saved before modes were states (live-drill records of version 2)', () => {
  it.each([
    ['choose', { kind: 'choose', step: 'arrival', cursor: 0, stepNumber: 1 }],
    ['scene-review', { kind: 'review', step: 'arrival', stepNumber: 1 }],
    ['question', { kind: 'question', step: 'secure-house', question: 'safe', revealed: false, stepNumber: 3 }],
    ['call', { kind: 'call', step: 'secure-house', cursor: 0, stepNumber: 3 }],
    ['decision-review', { kind: 'review', step: 'secure-house', stepNumber: 3 }],
    ['ending-review', { kind: 'review', step: 'better-offer', stepNumber: 6 }],
    ['ending', { kind: 'ending', step: 'handed-over', stepNumber: 7 }],
  ] as const)('%s resumes at the same stage, as if run on the current machine', (name, seen) => {
    const text = fixture(name);
    const { listed, found, actor } = resume(text);
    expect(listed.setAside).toBe(0);
    expect(screen(actor)).toMatchObject(seen);
    const played = replay(eventsOf(name));
    expect(screen(actor)).toEqual(screen(played));
    expect(actor.getSnapshot().value).toEqual(played.getSnapshot().value);
    expect(actor.getSnapshot().context).toEqual(played.getSnapshot().context);
    const child = (a: DrillActor) => a.getSnapshot().children.scenario?.getSnapshot();
    expect(child(actor)?.value).toEqual(child(played)?.value);
    expect(child(actor)?.context).toEqual(child(played)?.context);
    // The crew's show of hands so far, the setup and the start time are kept as they were.
    const old = JSON.parse(text).data as LiveDrill & { snapshot: { context: { tallies: unknown } } };
    expect(actor.getSnapshot().context.tallies).toEqual(old.snapshot.context.tallies);
    expect(found.live).toMatchObject({ id: old.id, hash: old.hash, setup: old.setup, startedAt: old.startedAt });
    // And the drill goes on to the same training record.
    expect(finish(actor)).toEqual(finish(played));
  });

  it('is saved again as version 3 at the next move, and read back without migrating', () => {
    const { found, actor } = resume(fixture('question'));
    actor.send({ type: 'ANSWER', answer: 'yes' });
    const saved = saveLiveDrill(
      'mower-at-115',
      { ...found.live, snapshot: actor.getPersistedSnapshot() },
      found.rev,
      KEY,
    );
    expect(saved.status).toBe('saved');
    expect(JSON.parse(store.getItem(KEY)!)).toMatchObject({ record: 'drill-live', version: 3 });
    expect(resume(store.getItem(KEY)!).found.live.snapshot).toEqual(actor.getPersistedSnapshot());
  });

  it('leaves a snapshot of the current shape as it is', () => {
    const { actor } = resume(fixture('decision-review'));
    const current = actor.getPersistedSnapshot();
    expect(migrateDrillSnapshot(current)).toBe(current);
  });

  it('sets aside a drill whose scenario child has no path or answers, keeping its copy', () => {
    const text = fixture('call').replaceAll('"path":["arrival","cooling","secure-house"],"answers"', '"answers"');
    store.setItem(KEY, text);
    expect(listLiveDrills('mower-at-115', usable)).toMatchObject({ drills: [], setAside: 1 });
    expect(store.getItem(KEY)).toBeNull();
    expect(readSetAside()).toMatchObject([{ key: KEY, value: text }]);
  });
});
