import { assign, createMachine, type SnapshotFrom } from 'xstate';
import { QUESTION_KEYS, type QuestionKey } from './clauses.ts';
import type { Answer } from './score.ts';
import { CALLS, type Call, type Scenario, type YesNo } from './model.ts';

/** What the machine remembers: the steps visited, every answer, and whether the last answer's feedback is showing. */
export interface PlayerContext {
  path: string[];
  answers: Answer[];
  /** True from an answer until the trainee continues: the player shows that answer's feedback. */
  reviewing: boolean;
}

/** Events the player sends. */
export type PlayerEvent =
  | { type: 'CHOOSE'; index: number }
  | { type: 'DECIDE'; answers: Record<QuestionKey, YesNo>; call: Call }
  | { type: 'CONTINUE' };

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
      reviewing: true,
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
          reviewing: true,
        };
      },
    ),
    endReview: assign({ reviewing: false }),
  },
};

/**
 * Build the XState machine for a validated scenario: one state per step, endings are final states.
 * The config is plain data; guards and actions are referenced by name and defined once in
 * `implementations`.
 *
 * @example
 * const actor = createActor(createScenarioMachine(scenario)).start();
 * actor.send({ type: 'CHOOSE', index: 0 });
 * scoreAttempt(scenario, actor.getSnapshot().context.answers);
 */
export function createScenarioMachine(scenario: Scenario) {
  return createMachine(
    {
      types: {} as { context: PlayerContext; events: PlayerEvent },
      id: 'scenario',
      initial: scenario.frontmatter.start,
      context: { path: [], answers: [], reviewing: false },
      // What a finished play hands to a parent (the drill): the path taken and every answer given.
      output: ({ context }) => ({ path: context.path, answers: context.answers }),
      on: { CONTINUE: { actions: 'endReview' } },
      states: Object.fromEntries(scenario.steps.map((step) => [step.id, stateFor(step)])),
    },
    // The implementations are checked by this module's tests, not by the config's types: XState's
    // setup() would type them against the config, but it returns every action creator (sendTo,
    // raise, spawnChild...), which put 0.8 KB on every scenario page (budget 20 KB).
    implementations as never,
  );
}

function stateFor(step: Scenario['steps'][number]) {
  const entry = { type: 'visit', params: { step: step.id } } as const;
  if (step.kind === 'ending') return { type: 'final' as const, entry };
  if (step.kind === 'scene')
    return {
      entry,
      on: {
        CHOOSE: step.choices.map((choice, index) => ({
          guard: { type: 'choseIndex', params: { index } } as const,
          target: `#scenario.${choice.to}`,
          reenter: true,
          actions: { type: 'recordChoice', params: { step: step.id, index } } as const,
        })),
      },
    };
  return {
    entry,
    on: {
      DECIDE: CALLS.map((call) => ({
        guard: { type: 'decided', params: { call } } as const,
        target: `#scenario.${step.branches[call]}`,
        reenter: true,
        actions: { type: 'recordDecision', params: { step: step.id } } as const,
      })),
    },
  };
}

/** The machine type for a scenario. */
export type ScenarioMachine = ReturnType<typeof createScenarioMachine>;
/** A snapshot of a running scenario. */
export type ScenarioSnapshot = SnapshotFrom<ScenarioMachine>;

/** Id of the step the machine is in. */
export function currentStep(snapshot: ScenarioSnapshot): string {
  return String(snapshot.value);
}
