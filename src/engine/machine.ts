import { assign, createMachine, type SnapshotFrom } from 'xstate';
import { QUESTION_KEYS, type QuestionKey } from './clauses.ts';
import type { Answer } from './score.ts';
import { REVIEW, reviewState } from './saved-snapshot.ts';
import { CALLS, FINISHED, type Call, type Scenario, type YesNo } from './model.ts';

/** What a decision's form holds before it is submitted: the questions answered so far and the call, if made. */
export type DecisionDraft = Partial<Record<QuestionKey, YesNo>> & { call?: Call };

/** What the machine remembers: the steps visited, every answer, and the decision in play as answered so far. */
export interface PlayerContext {
  path: string[];
  answers: Answer[];
  /** The open decision's answers so far (empty elsewhere), so a reload keeps a half-filled form. */
  draft: DecisionDraft;
}

/** Events the player sends. */
export type PlayerEvent =
  | { type: 'CHOOSE'; index: number }
  | { type: 'DECIDE'; answers: Record<QuestionKey, YesNo>; call: Call }
  | { type: 'DRAFT'; draft: DecisionDraft }
  | { type: 'CONTINUE' }
  | { type: 'SEE' };

/** True when all seven questions have a yes or no. */
export function isCompleteAnswer(
  answers: Partial<Record<QuestionKey, YesNo>> | undefined,
): answers is Record<QuestionKey, YesNo> {
  return !!answers && QUESTION_KEYS.every((k) => answers[k] === 'yes' || answers[k] === 'no');
}

/** The machine's guards and actions, the one place their implementations live (named in the config). */
const implementations = {
  guards: {
    choseIndex: ({ event }: { event: PlayerEvent }, params: { index: number }) =>
      event.type === 'CHOOSE' && event.index === params.index,
    decided: ({ event }: { event: PlayerEvent }, params: { call: Call }) =>
      event.type === 'DECIDE' && event.call === params.call && isCompleteAnswer(event.answers),
  },
  actions: {
    visit: assign(({ context }: { context: PlayerContext }, params: { step: string }) => ({
      path: [...context.path, params.step],
    })),
    recordChoice: assign(({ context }: { context: PlayerContext }, params: { step: string; index: number }) => ({
      answers: [...context.answers, { kind: 'choice' as const, step: params.step, choice: params.index }],
    })),
    recordDecision: assign(
      ({ context, event }: { context: PlayerContext; event: PlayerEvent }, params: { step: string }) => {
        if (event.type !== 'DECIDE') return {};
        const answers = Object.fromEntries(QUESTION_KEYS.map((k) => [k, event.answers[k]])) as Record<
          QuestionKey,
          YesNo
        >;
        return {
          answers: [...context.answers, { kind: 'decision' as const, step: params.step, answers, call: event.call }],
          draft: {},
        };
      },
    ),
    keepDraft: assign(({ event }: { event: PlayerEvent }) => (event.type === 'DRAFT' ? { draft: event.draft } : {})),
  },
};

/**
 * Build the XState machine for a validated scenario. Each scene and decision is a state whose
 * `answer` substate waits for the trainee and whose review substates (tag `review`, one per choice or
 * call) show the feedback until CONTINUE moves on; each ending is a state until the ending has been
 * shown (SEE), and then the machine is `finished` (final: the player keeps the result).
 * The config is plain data; guards and actions are referenced by name and defined once in
 * `implementations`.
 *
 * @example
 * const actor = createActor(createScenarioMachine(scenario)).start();
 * actor.send({ type: 'CHOOSE', index: 0 }); // the feedback on choice 0: actor.getSnapshot().hasTag('review')
 * actor.send({ type: 'CONTINUE' });
 * scoreAttempt(scenario, actor.getSnapshot().context.answers);
 */
export function createScenarioMachine(scenario: Scenario) {
  return createMachine(
    {
      types: {} as { context: PlayerContext; events: PlayerEvent },
      id: 'scenario',
      initial: scenario.frontmatter.start,
      context: { path: [], answers: [], draft: {} },
      states: {
        ...Object.fromEntries(scenario.steps.map((step) => [step.id, stateFor(step)])),
        [FINISHED]: { type: 'final' },
      },
    },
    // The implementations are checked by this module's tests, not by the config's types: XState's
    // setup() would type them against the config, but it returns every action creator (sendTo,
    // raise, spawnChild...), which put 0.8 KB on every scenario page (budget 20 KB).
    implementations as never,
  );
}

function stateFor(step: Scenario['steps'][number]) {
  const entry = { type: 'visit', params: { step: step.id } } as const;
  if (step.kind === 'ending') return { entry, on: { SEE: `#scenario.${FINISHED}` } };
  // One move per choice or call: how it is recognised and recorded, and where its feedback leads.
  const moves =
    step.kind === 'scene'
      ? step.choices.map((choice, index) => ({
          answer: { choice: index },
          guard: { type: 'choseIndex', params: { index } },
          actions: { type: 'recordChoice', params: { step: step.id, index } },
          to: choice.to,
        }))
      : CALLS.map((call) => ({
          answer: { call },
          guard: { type: 'decided', params: { call } },
          actions: { type: 'recordDecision', params: { step: step.id } },
          to: step.branches[call],
        }));
  return {
    entry,
    initial: 'answer',
    states: {
      answer: {
        on: {
          [step.kind === 'scene' ? 'CHOOSE' : 'DECIDE']: moves.map(({ answer, guard, actions }) => ({
            guard,
            actions,
            target: reviewState(answer),
          })),
          ...(step.kind === 'decision' && { DRAFT: { actions: 'keepDraft' } }),
        },
      },
      ...Object.fromEntries(
        moves.map(({ answer, to }) => [
          reviewState(answer),
          // Re-entering the step's state even when the feedback leads back to the same step, so it is visited again.
          { tags: REVIEW, on: { CONTINUE: { target: `#scenario.${to}`, reenter: true } } },
        ]),
      ),
    },
  };
}

/** The machine type for a scenario. */
export type ScenarioMachine = ReturnType<typeof createScenarioMachine>;
/** A snapshot of a running scenario. */
export type ScenarioSnapshot = SnapshotFrom<ScenarioMachine>;
