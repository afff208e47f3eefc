import { createActor } from 'xstate';
import { QUESTION_KEYS } from './clauses.ts';
import { createScenarioMachine, type PlayerContext, type PlayerEvent } from './machine.ts';
import { CALLS, type Call, type Scenario } from './model.ts';
import type { Answer } from './score.ts';

/**
 * The compact, versioned encoding of progress that an LMS keeps in `suspend_data`. An LMS gives a
 * course little room (SCORM 1.2: 4,096 characters), so it stores only what cannot be derived: the
 * content hash, the answers in order, and whether the last answer's feedback is still showing.
 * The machine is rebuilt by replaying those answers, so the path and state always agree with the
 * scenario as built. (A decision's answers before it is submitted stay in this browser's copy.)
 *
 * `mp1.<hash>.<answers>.<r|->`, answers joined by `-`: a scene choice is its index (`0`, `1`, …); a
 * decision is the call's first letter (`a`ct, `k` for ask, `d`ecline) and seven `y`/`n` for the
 * questions in the order of QUESTION_KEYS.
 */
export const LMS_STATE_VERSION = 'mp1';
/** SCORM 1.2's `cmi.suspend_data` limit; SCORM 2004 3rd/4th edition allows 64,000. */
export const SUSPEND_DATA_LIMITS = { scorm12: 4096, scorm2004: 64000 } as const;

/** True when a snapshot (or a persisted one) shows the feedback on the last answer. */
const inReview = ({ value }: { value: unknown }) =>
  typeof value === 'object' && !!value && !Object.values(value).includes('answer');

const CALL_LETTERS: Record<Call, string> = { act: 'a', ask: 'k', decline: 'd' };
const HASH_CHARS = 12;

/** Encode a player's snapshot (persisted or not: its answers and whether it is in review) for content `hash`. */
export function encodeLmsState(
  snapshot: { value: unknown; context: Pick<PlayerContext, 'answers'> },
  hash: string,
): string {
  const answers = snapshot.context.answers.map((a) =>
    a.kind === 'choice'
      ? String(a.choice)
      : CALL_LETTERS[a.call] + QUESTION_KEYS.map((k) => (a.answers[k] === 'yes' ? 'y' : 'n')).join(''),
  );
  return [LMS_STATE_VERSION, hash.slice(0, HASH_CHARS), answers.join('-'), inReview(snapshot) ? 'r' : '-'].join('.');
}

/** What decoding found: a persisted snapshot to resume from, or why there is none. */
export type DecodedLmsState =
  | { status: 'found'; snapshot: unknown; context: PlayerContext }
  | { status: 'empty' }
  | { status: 'changed' }
  | { status: 'unreadable'; reason: string };

/**
 * Decode `encodeLmsState`'s text by replaying its answers on the scenario's machine. Text from an
 * older version of the scenario (another hash) is `changed`; text that does not replay is
 * `unreadable`, with the reason.
 */
export function decodeLmsState(scenario: Scenario, hash: string, text: string): DecodedLmsState {
  if (!text) return { status: 'empty' };
  const parts = text.split('.');
  if (parts.length !== 4 || parts[0] !== LMS_STATE_VERSION)
    return {
      status: 'unreadable',
      reason: `expected ${LMS_STATE_VERSION}.<hash>.<answers>.<r|-> but found "${text.slice(0, 20)}"`,
    };
  const [, savedHash, body, flag] = parts as [string, string, string, string];
  if (savedHash !== hash.slice(0, HASH_CHARS)) return { status: 'changed' };
  const actor = createActor(createScenarioMachine(scenario)).start();
  const tokens = body ? body.split('-') : [];
  for (const [i, token] of tokens.entries()) {
    const before = actor.getSnapshot().context.answers.length;
    actor.send(eventFor(token));
    if (actor.getSnapshot().context.answers.length !== before + 1)
      return { status: 'unreadable', reason: `answer ${i + 1} ("${token}") does not fit the scenario` };
    if (i < tokens.length - 1 || flag !== 'r') actor.send({ type: 'CONTINUE' });
  }
  // An ending reached is an ending seen: the player shows it on resume.
  actor.send({ type: 'SEE' });
  const snapshot = actor.getPersistedSnapshot();
  const context = actor.getSnapshot().context;
  actor.stop();
  return { status: 'found', snapshot, context };
}

function eventFor(token: string): PlayerEvent {
  if (/^\d+$/.test(token)) return { type: 'CHOOSE', index: Number(token) };
  const call = CALLS.find((c) => CALL_LETTERS[c] === token[0]);
  const marks = token.slice(1);
  if (!call || !/^[yn]{7}$/.test(marks)) return { type: 'CONTINUE' };
  const answers = Object.fromEntries(QUESTION_KEYS.map((k, i) => [k, marks[i] === 'y' ? 'yes' : 'no'])) as Extract<
    PlayerEvent,
    { type: 'DECIDE' }
  >['answers'];
  return { type: 'DECIDE', answers, call };
}

const sameAnswer = (a: Answer, b: Answer) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Which saved progress to resume from when the LMS and this browser both hold one: the browser's
 * copy when it carries on from the LMS's (the LMS missed the last commits), otherwise the LMS's.
 */
export function chooseResume(lms: readonly Answer[], local: readonly Answer[] | undefined): 'lms' | 'local' {
  if (!local || local.length <= lms.length) return 'lms';
  return lms.every((a, i) => sameAnswer(a, local[i]!)) ? 'local' : 'lms';
}
