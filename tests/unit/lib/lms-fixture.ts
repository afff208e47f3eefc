import { createActor } from 'xstate';
import { createScenarioMachine, type PlayerEvent } from '../../../src/engine/index.ts';
import { ALL_YES, loopAndDecision } from '../engine/fixture.ts';

/** The small scenario the LMS tests play: a scene, a decision with three endings. */
export const LMS_SCENARIO = loopAndDecision();

/** A running actor of LMS_SCENARIO after `events`. */
export function playLms(events: PlayerEvent[]) {
  const actor = createActor(createScenarioMachine(LMS_SCENARIO)).start();
  for (const e of events) actor.send(e);
  return actor;
}

/** Events to the decision, and to the best ending, seen: the play is finished. */
export const TO_DECISION: PlayerEvent[] = [{ type: 'CHOOSE', index: 0 }, { type: 'CONTINUE' }];
export const TO_END: PlayerEvent[] = [
  ...TO_DECISION,
  { type: 'DECIDE', answers: ALL_YES, call: 'act' },
  { type: 'CONTINUE' },
  { type: 'SEE' },
];
