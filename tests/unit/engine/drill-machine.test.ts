import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import {
  createDrillMachine,
  drillEventForKey,
  describeDrillStage,
  type DrillEvent,
  type DrillSnapshot,
} from '../../../src/engine/index.ts';
import { sceneThenDecline, valid } from './fixture.ts';

/** A scene with three choices, a decision keyed "safe: no" (so: decline), and three endings. */
const scenario = valid(
  sceneThenDecline(
    'start',
    [
      { grade: 'best', label: 'Kneel and talk' },
      { grade: 'ok', label: 'Talk from the porch' },
      { grade: 'poor', label: 'Wait in the truck' },
    ],
    'd',
    { act: 'acted', ask: 'asked', decline: 'declined' },
  ),
);

const SETUP = { unit: 'Engine 21', shift: 'B', date: '2026-12-01', officer: 'Capt. Doe', members: [{ name: 'Ruiz' }] };

function start() {
  const actor = createActor(createDrillMachine(scenario), { input: { hash: 'abc123' } }).start();
  actor.send({ type: 'START', setup: SETUP, id: 'drill-1', at: '2026-12-01T10:00:00.000Z' });
  return actor;
}

const stage = (snapshot: DrillSnapshot) => describeDrillStage(scenario, snapshot);

/** Walk to the decision's first question. */
function toQuestions(actor: ReturnType<typeof start>) {
  actor.send({ type: 'NEXT' }); // narrative -> choose
  actor.send({ type: 'PICK', index: 0 });
  actor.send({ type: 'NEXT' }); // review -> decision narrative
  actor.send({ type: 'NEXT' }); // -> action
  actor.send({ type: 'NEXT' }); // -> question a
}

/** Answer all seven questions with the given answer, revealing each key. */
function answerAll(actor: ReturnType<typeof start>, answers: ('yes' | 'no')[]) {
  for (const answer of answers) {
    actor.send({ type: 'ANSWER', answer });
    actor.send({ type: 'NEXT' }); // reveal
    actor.send({ type: 'NEXT' }); // next question (or the call after g)
  }
}

const KEYED = ['yes', 'yes', 'yes', 'no', 'yes', 'yes', 'yes'] as const;

describe('the drill machine', () => {
  it('will not start until the setup names a unit, an officer, a date and a member', () => {
    const actor = createActor(createDrillMachine(scenario), { input: { hash: 'h' } }).start();
    actor.send({ type: 'START', setup: { ...SETUP, members: [] }, id: 'x', at: '2026-12-01T10:00:00.000Z' });
    expect(actor.getSnapshot().value).toBe('setup');
  });

  it('walks a scene: the narrative, then the choice by number, then what happened', () => {
    const actor = start();
    expect(stage(actor.getSnapshot()).kind).toBe('narrative');
    actor.send({ type: 'NEXT' });
    expect(stage(actor.getSnapshot()).kind).toBe('choose');
    actor.send({ type: 'NEXT' }); // nothing highlighted: Next does not choose for the crew
    expect(stage(actor.getSnapshot()).kind).toBe('choose');
    actor.send({ type: 'PICK', index: 2 });
    const review = stage(actor.getSnapshot());
    expect(review.kind).toBe('review');
    expect(actor.getSnapshot().context.played.answers).toEqual([{ kind: 'choice', step: 'start', choice: 2 }]);
  });

  it('lets a clicker pick by cycling the highlight, then Next confirms it', () => {
    const actor = start();
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'CYCLE', by: 1 });
    actor.send({ type: 'CYCLE', by: 1 });
    expect(actor.getSnapshot().context.cursor).toBe(1);
    actor.send({ type: 'CYCLE', by: -1 });
    actor.send({ type: 'CYCLE', by: -1 }); // wraps round to the last choice
    expect(actor.getSnapshot().context.cursor).toBe(2);
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().context.played.answers.at(-1)).toMatchObject({ choice: 2 });
  });

  it('ignores a choice number the scene does not have', () => {
    const actor = start();
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'PICK', index: 5 });
    expect(stage(actor.getSnapshot()).kind).toBe('choose');
  });

  it('needs the crew’s answer before it reveals a key, and a tie is no answer', () => {
    const actor = start();
    toQuestions(actor);
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().matches({ running: { question: 'asking' } })).toBe(true);
    actor.send({ type: 'TALLY', yes: 2, no: 2 });
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().matches({ running: { question: 'asking' } })).toBe(true);
    actor.send({ type: 'TALLY', yes: 3, no: 1 });
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().matches({ running: { question: 'revealed' } })).toBe(true);
  });

  it('locks an answer once its key is shown: Y, N, numbers and tallies change nothing after', () => {
    const actor = start();
    toQuestions(actor);
    actor.send({ type: 'TALLY', yes: 1, no: 4 });
    actor.send({ type: 'NEXT' }); // reveal a
    for (const event of [
      { type: 'ANSWER', answer: 'yes' },
      { type: 'PICK', index: 0 },
      { type: 'CYCLE', by: 1 },
      { type: 'TALLY', yes: 5, no: 0 },
    ] as DrillEvent[])
      actor.send(event);
    expect(actor.getSnapshot().context.tallies).toEqual([
      { step: 'd', question: 'customer', yes: 1, no: 4, consensus: undefined, locked: true },
    ]);
    // Going back to a revealed question shows it again, still locked.
    actor.send({ type: 'NEXT' }); // question b, asking
    actor.send({ type: 'BACK' });
    expect(actor.getSnapshot().matches({ running: { question: 'revealed' } })).toBe(true);
    expect(actor.getSnapshot().context.question).toBe(0);
    actor.send({ type: 'ANSWER', answer: 'yes' });
    expect(actor.getSnapshot().context.tallies[0]).toMatchObject({ no: 4, locked: true });
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().matches({ running: { question: 'asking' } })).toBe(true);
    expect(actor.getSnapshot().context.question).toBe(1);
  });

  it.each([
    [0, 'act', 'acted'],
    [1, 'ask', 'asked'],
    [2, 'decline', 'declined'],
  ] as const)('records call %i (%s) and follows its branch', (index, call, endingId) => {
    const actor = start();
    toQuestions(actor);
    answerAll(actor, [...KEYED]);
    expect(stage(actor.getSnapshot()).kind).toBe('call');
    actor.send({ type: 'NEXT' }); // no call yet
    expect(stage(actor.getSnapshot()).kind).toBe('call');
    actor.send({ type: 'PICK', index });
    actor.send({ type: 'NEXT' });
    const answer = actor.getSnapshot().context.played.answers.at(-1);
    expect(answer).toMatchObject({ kind: 'decision', call });
    expect(stage(actor.getSnapshot()).kind).toBe('review');
    actor.send({ type: 'NEXT' });
    expect(stage(actor.getSnapshot())).toMatchObject({ kind: 'ending' });
    expect(actor.getSnapshot().context.step).toBe(endingId);
  });

  it('ends with a record that says what the crew did, saved notes included', () => {
    const actor = start();
    toQuestions(actor);
    answerAll(actor, ['yes', 'yes', 'yes', 'yes', 'no', 'yes', 'yes']);
    actor.send({ type: 'PICK', index: 2 });
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'NEXT', at: '2026-12-01T10:25:30.000Z' });
    const { value, context } = actor.getSnapshot();
    expect(value).toBe('finished');
    const record = context.record!;
    expect(record).toMatchObject({
      id: 'drill-1',
      contentHash: 'abc123',
      durationSeconds: 1530,
      ending: 'declined',
      path: ['start', 'd', 'declined'],
    });
    expect(record.steps).toEqual([
      expect.objectContaining({ step: 'start', choice: { number: 1, label: 'Kneel and talk', grade: 'best' } }),
      expect.objectContaining({ step: 'd', call: 'decline', expectedCall: 'decline' }),
    ]);
    expect(record.steps![1]!.questions!.filter((q) => q.answer !== q.key).map((q) => q.question)).toEqual([
      'safe',
      'level',
    ]);
    expect(record.tallies.map((t) => `${t.question}=${t.answer}`).join(' ')).toBe(
      'customer=yes department=yes legal=yes safe=yes level=no accountable=yes policy=yes',
    );
    actor.send({ type: 'NOTES', notes: 'Good talk about heat.' });
    expect(actor.getSnapshot().context.record!.notes).toBe('Good talk about heat.');
  });

  it('restores any stage from one persisted snapshot, the scenario’s play included', () => {
    const actor = start();
    toQuestions(actor);
    actor.send({ type: 'ANSWER', answer: 'no' });
    actor.send({ type: 'NEXT' });
    const saved = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
    const restored = createActor(createDrillMachine(scenario), { snapshot: saved, input: { hash: 'abc123' } }).start();
    const snapshot = restored.getSnapshot();
    expect(snapshot.matches({ running: { question: 'revealed' } })).toBe(true);
    expect(snapshot.context.step).toBe('d');
    expect(snapshot.context.played.answers).toHaveLength(1);
    // The restored drill goes on to the end.
    restored.send({ type: 'NEXT' });
    answerAll(restored, ['yes', 'yes', 'yes', 'no', 'yes', 'yes']);
    restored.send({ type: 'PICK', index: 0 });
    restored.send({ type: 'NEXT' });
    // The call's feedback shows on the decision; the scenario moves on when the drill does.
    expect(stage(restored.getSnapshot())).toMatchObject({ kind: 'review', step: { id: 'd' } });
    const atReview = JSON.parse(JSON.stringify(restored.getPersistedSnapshot()));
    restored.send({ type: 'NEXT' });
    const again = createActor(createDrillMachine(scenario), { snapshot: atReview, input: { hash: 'abc123' } }).start();
    expect(stage(again.getSnapshot())).toMatchObject({ kind: 'review', step: { id: 'd' } });
    again.send({ type: 'NEXT' });
    expect(stage(again.getSnapshot())).toMatchObject({ kind: 'ending', step: { id: 'acted' } });
    again.send({ type: 'NEXT', at: '2026-12-01T10:30:00.000Z' });
    expect(again.getSnapshot().context.record?.path).toEqual(['start', 'd', 'acted']);
  });

  it('never changes a revealed answer and always records the crew’s answers, whatever keys are pressed', () => {
    // A seeded random walk over every kind of event, many times: a property of the machine, not of one script.
    let seed = 20261201;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const events: DrillEvent[] = [
      { type: 'NEXT' },
      { type: 'NEXT' },
      { type: 'NEXT' },
      { type: 'BACK' },
      { type: 'CYCLE', by: 1 },
      { type: 'CYCLE', by: -1 },
      { type: 'PICK', index: 0 },
      { type: 'PICK', index: 1 },
      { type: 'PICK', index: 2 },
      { type: 'PICK', index: 7 },
      { type: 'ANSWER', answer: 'yes' },
      { type: 'ANSWER', answer: 'no' },
      { type: 'TALLY', yes: 3, no: 1 },
      { type: 'TALLY', yes: 1, no: 3 },
      { type: 'TALLY', yes: 2, no: 2 },
    ];
    const endings = new Set<string>();
    for (let run = 0; run < 60; run++) {
      const actor = start();
      const locked = new Map<string, string>();
      for (let i = 0; i < 250 && !actor.getSnapshot().matches('finished'); i++) {
        actor.send({ ...events[Math.floor(random() * events.length)]!, at: '2026-12-01T10:20:00.000Z' } as DrillEvent);
        for (const t of actor.getSnapshot().context.tallies.filter((x) => x.locked)) {
          const key = `${t.step}.${t.question}`;
          const seen = `${t.yes}/${t.no}/${t.consensus}`;
          expect(locked.get(key) ?? seen).toBe(seen);
          locked.set(key, seen);
        }
      }
      const record = actor.getSnapshot().context.record;
      if (!record) continue;
      endings.add(record.ending);
      const decided = record.answers.find((a) => a.kind === 'decision');
      if (decided?.kind === 'decision')
        for (const t of record.tallies) expect(decided.answers[t.question]).toBe(t.answer);
    }
    expect(endings).toEqual(new Set(['acted', 'asked', 'declined']));
  }, 60_000);
});

describe('presenter keys', () => {
  it.each([
    ['PageDown', 'choose', { type: 'NEXT' }],
    ['ArrowRight', 'narrative', { type: 'NEXT' }],
    [' ', 'question', { type: 'NEXT' }],
    ['PageUp', 'question', { type: 'BACK' }],
    ['ArrowLeft', 'call', { type: 'BACK' }],
    ['ArrowDown', 'choose', { type: 'CYCLE', by: 1 }],
    ['b', 'call', { type: 'CYCLE', by: 1 }],
    ['.', 'question', { type: 'CYCLE', by: 1 }],
    ['ArrowUp', 'call', { type: 'CYCLE', by: -1 }],
    ['3', 'choose', { type: 'PICK', index: 2 }],
    ['2', 'call', { type: 'PICK', index: 1 }],
    ['1', 'question', { type: 'PICK', index: 0 }],
    ['y', 'question', { type: 'ANSWER', answer: 'yes' }],
    ['N', 'question', { type: 'ANSWER', answer: 'no' }],
    ['y', 'narrative', undefined],
    ['4', 'narrative', undefined],
    ['x', 'choose', undefined],
  ] as const)('%j at the %s stage', (key, kind, event) => {
    expect(drillEventForKey(key, kind)).toEqual(event);
  });
});
