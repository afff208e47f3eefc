import { createActor } from 'xstate';
import { createScenarioMachine, encodeLmsState, type PlayerEvent, type Scenario } from '../engine/index.ts';

/**
 * The events of the longest simple path through a scenario (most answers without revisiting a step),
 * the worst case for the size of saved progress.
 */
export function longestPathEvents(scenario: Scenario): PlayerEvent[] {
  const byId = new Map(scenario.steps.map((s) => [s.id, s]));
  let best: PlayerEvent[] = [];
  const seen = new Set<string>();
  const walk = (id: string, events: PlayerEvent[]) => {
    const step = byId.get(id);
    if (!step || seen.has(id)) return;
    if (events.length > best.length) best = [...events];
    seen.add(id);
    if (step.kind === 'scene')
      step.choices.forEach((c, index) => walk(c.to, [...events, { type: 'CHOOSE', index }, { type: 'CONTINUE' }]));
    if (step.kind === 'decision')
      for (const call of ['act', 'ask', 'decline'] as const) {
        // The key's answers flipped where possible, so stored answers are not all alike.
        const answers = { ...step.key, customer: step.key.customer === 'yes' ? 'no' : 'yes' } as const;
        walk(step.branches[call], [...events, { type: 'DECIDE', answers, call }, { type: 'CONTINUE' }]);
      }
    seen.delete(id);
  };
  walk(scenario.frontmatter.start, []);
  // Seeing the ending finishes the play; a finished snapshot also holds the output (path and answers again).
  return [...best, { type: 'SEE' }];
}

/** Characters of the saved progress record after playing the longest path (what the browser stores). */
export function savedStateSize(scenario: Scenario): number {
  const actor = createActor(createScenarioMachine(scenario)).start();
  for (const event of longestPathEvents(scenario)) actor.send(event);
  // The storage layer's envelope (src/lib/storage.ts) around a saved attempt (src/lib/attempt-store.ts).
  const record = {
    record: 'attempt',
    version: 4,
    rev: 99,
    data: {
      scenario: scenario.id,
      hash: 'x'.repeat(16),
      attemptId: '00000000-0000-4000-8000-000000000000',
      startedAt: new Date(0).toISOString(),
      savedAt: new Date(0).toISOString(),
      seconds: 3599.123,
      snapshot: actor.getPersistedSnapshot(),
    },
  };
  return JSON.stringify(record).length;
}

/** Characters of the LMS's `suspend_data` (the compact encoding) after playing the longest path. */
export function lmsStateSize(scenario: Scenario): number {
  const actor = createActor(createScenarioMachine(scenario)).start();
  for (const event of longestPathEvents(scenario)) actor.send(event);
  return encodeLmsState(actor.getSnapshot(), 'x'.repeat(64)).length;
}
