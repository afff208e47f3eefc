import { assign, createMachine, type ActorRefFrom, type SnapshotFrom } from 'xstate';
import { QUESTIONS, QUESTION_KEYS, type QuestionKey } from './clauses.ts';
import {
  buildDrillRecord,
  groupAnswer,
  setupProblems,
  type DrillRecord,
  type DrillSetup,
  type Tally,
} from './drill.ts';
import { createScenarioMachine, isCompleteAnswer, type PlayerContext, type PlayerEvent } from './machine.ts';
import { currentStep } from './saved-snapshot.ts';
import { CALLS, type Scenario, type Step, type YesNo } from './model.ts';
import { scoreAttempt, type Answer } from './score.ts';

/**
 * The officer-led drill as a machine. It walks each step of a scenario in stages (read the scene,
 * the crew chooses; read the decision, show the action, ask each question and reveal its key, the crew
 * makes the call; review; ending; record) and plays the crew's answers through the same scenario
 * machine a learner plays, invoked as a child, so one persisted snapshot restores both.
 *
 * Every control is an event a presenter clicker or a keyboard can send: NEXT, BACK, CYCLE (move the
 * highlight among the options of the stage), PICK (an option by number), ANSWER (yes/no) and TALLY
 * (hands up). Answers lock when their key is revealed: nothing in the machine can change them after.
 */

/** One question's show of hands at one decision; `locked` once its key has been revealed to the crew. */
export interface DrillTally extends Tally {
  step: string;
  question: QuestionKey;
  locked: boolean;
}

/** What the drill remembers besides the scenario's own play (which lives in the child's snapshot). */
export interface DrillContext {
  id: string;
  setup: DrillSetup | null;
  startedAt: string;
  /** The step the scenario machine is in, mirrored from the child. */
  step: string;
  /** The scenario's path and answers as of the child's last snapshot. */
  played: Pick<PlayerContext, 'path' | 'answers'>;
  /** Index of the question being asked at a decision (0 = a … 6 = g). */
  question: number;
  /** The highlighted option of the stage: a choice index, a call index, or 0 yes / 1 no. Null when none. */
  cursor: number | null;
  tallies: DrillTally[];
  record: DrillRecord | null;
  /** The scenario's content version, for the record. */
  hash: string;
}

/** Everything the page can send. `at` is the wall-clock time of the event, supplied by the page. */
export type DrillEvent =
  | { type: 'START'; setup: DrillSetup; id: string; at: string }
  | { type: 'NEXT'; at?: string }
  | { type: 'BACK' }
  | { type: 'CYCLE'; by: 1 | -1 }
  | { type: 'PICK'; index: number }
  | { type: 'ANSWER'; answer: YesNo }
  | { type: 'TALLY'; yes: number; no: number }
  | { type: 'NOTES'; notes: string };

/** Input for a new drill: the scenario's content version goes into the record. */
export interface DrillInput {
  hash: string;
}

const YES_NO: readonly YesNo[] = ['yes', 'no'];

/** What guards and actions receive. */
interface Args {
  context: DrillContext;
  event: DrillEvent;
}

/** What an action that talks to the child receives: `self`, whose snapshot holds the child. */
interface ActionArgs extends Args {
  self: { getSnapshot(): { children: Record<string, { send(event: PlayerEvent): void } | undefined> } };
}

/**
 * Send the crew's move to the scenario machine (the invoked child). A plain action rather than XState's
 * sendTo: sendTo's module would join the XState chunk the scenario page shares, and its budget is 20 KB.
 */
const toScenario = (self: ActionArgs['self'], event: PlayerEvent) => self.getSnapshot().children.scenario?.send(event);

/** Build the drill machine for one scenario. */
export function createDrillMachine(scenario: Scenario) {
  const stepOf = (id: string) => scenario.steps.find((s) => s.id === id);
  const kindOf = (id: string | undefined) => (id === undefined ? undefined : stepOf(id)?.kind);
  /** Where an answer leads: the chosen choice's step, or the step of the call made. */
  const leadsTo = (answer: Answer | undefined) => {
    const step = answer && stepOf(answer.step);
    if (answer?.kind === 'choice') return step?.kind === 'scene' ? step.choices[answer.choice]?.to : undefined;
    return step?.kind === 'decision' && answer?.kind === 'decision' ? step.branches[answer.call] : undefined;
  };
  const optionCount = (context: DrillContext, stage: 'choose' | 'call' | 'question') => {
    if (stage === 'call') return CALLS.length;
    if (stage === 'question') return YES_NO.length;
    const step = stepOf(context.step);
    return step?.kind === 'scene' ? step.choices.length : 0;
  };
  const tallyOf = (context: DrillContext, question = context.question) =>
    context.tallies.find((t) => t.step === context.step && t.question === QUESTION_KEYS[question]);
  const withTally = (context: DrillContext, change: Partial<Tally> & { locked?: boolean }): DrillTally[] => {
    const question = QUESTION_KEYS[context.question]!;
    const current = tallyOf(context) ?? { step: context.step, question, yes: 0, no: 0, locked: false };
    if (current.locked) return context.tallies;
    const next = { ...current, ...change };
    return [...context.tallies.filter((t) => t !== tallyOf(context)), next];
  };
  const cycled = (cursor: number | null, by: number, count: number) =>
    count === 0 ? null : cursor === null ? (by > 0 ? 0 : count - 1) : (cursor + by + count) % count;

  // Implementations are named in the config and defined once here. As in the scenario machine,
  // createMachine(config, implementations) is used rather than setup(): setup() returns every XState
  // action creator, and the xstate chunk the scenario page shares with this page would grow by them.
  const implementations = {
    actors: {
      scenario: createScenarioMachine(scenario),
    },
    guards: {
      setupComplete: ({ event }: Args) => event.type === 'START' && setupProblems(event.setup).length === 0,
      atEnding: ({ context }: Args) => kindOf(context.step) === 'ending',
      reviewLeadsToEnding: ({ context }: Args) => kindOf(leadsTo(context.played.answers.at(-1))) === 'ending',
      atScene: ({ context }: Args) => kindOf(context.step) === 'scene',
      atDecision: ({ context }: Args) => kindOf(context.step) === 'decision',
      validPick: ({ context, event }: Args, params: { stage: 'choose' | 'call' | 'question' }) =>
        event.type === 'PICK' && event.index >= 0 && event.index < optionCount(context, params.stage),
      hasCursor: ({ context }: Args) => context.cursor !== null,
      hasGroupAnswer: ({ context }: Args) => groupAnswer(tallyOf(context)) !== undefined,
      firstQuestion: ({ context }: Args) => context.question === 0,
      lastQuestion: ({ context }: Args) => context.question === QUESTIONS.length - 1,
      nextLocked: ({ context }: Args) => !!tallyOf(context, context.question + 1)?.locked,
    },
    actions: {
      begin: assign(({ event }: Args) =>
        event.type === 'START' ? { id: event.id, setup: event.setup, startedAt: event.at } : {},
      ),
      mirror: assign(({ event }: Args) => {
        const snapshot = (event as unknown as { snapshot: SnapshotFrom<ReturnType<typeof createScenarioMachine>> })
          .snapshot;
        return {
          step: currentStep(snapshot),
          played: { path: snapshot.context.path, answers: snapshot.context.answers },
        };
      }),
      clearCursor: assign({ cursor: null }),
      cycle: assign(({ context, event }: Args, params: { stage: 'choose' | 'call' | 'question' }) =>
        event.type === 'CYCLE' ? { cursor: cycled(context.cursor, event.by, optionCount(context, params.stage)) } : {},
      ),
      pick: assign(({ event }: Args) => (event.type === 'PICK' ? { cursor: event.index } : {})),
      choose: ({ context, self }: ActionArgs) => toScenario(self, { type: 'CHOOSE', index: context.cursor ?? -1 }),
      answer: assign(({ context, event }: Args) => {
        const answer =
          event.type === 'ANSWER'
            ? event.answer
            : event.type === 'PICK'
              ? YES_NO[event.index]
              : event.type === 'CYCLE'
                ? YES_NO[cycled(context.cursor, event.by, 2)!]
                : undefined;
        if (!answer) return {};
        return { tallies: withTally(context, { consensus: answer }), cursor: YES_NO.indexOf(answer) };
      }),
      tally: assign(({ context, event }: Args) =>
        event.type === 'TALLY'
          ? {
              tallies: withTally(context, {
                yes: Math.max(0, Math.floor(event.yes) || 0),
                no: Math.max(0, Math.floor(event.no) || 0),
                consensus: undefined,
              }),
            }
          : {},
      ),
      lock: assign(({ context }: Args) => ({ tallies: withTally(context, { locked: true }) })),
      toQuestion: assign(({ context }: Args, params: { by: number }) => {
        const question = context.question + params.by;
        const answer = groupAnswer(tallyOf(context, question));
        return { question, cursor: answer ? YES_NO.indexOf(answer) : null };
      }),
      firstQuestion: assign(({ context }: Args) => {
        const answer = groupAnswer(tallyOf(context, 0));
        return { question: 0, cursor: answer ? YES_NO.indexOf(answer) : null };
      }),
      lastQuestion: assign({ question: QUESTIONS.length - 1, cursor: null }),
      decide: ({ context, self }: ActionArgs) => {
        const answers = Object.fromEntries(QUESTION_KEYS.map((q, i) => [q, groupAnswer(tallyOf(context, i))]));
        // The call comes after the seventh key is revealed, and a key is revealed only on the crew's answer.
        if (!isCompleteAnswer(answers)) throw new Error('The drill reached the call with a question unanswered');
        toScenario(self, { type: 'DECIDE', call: CALLS[context.cursor ?? 0]!, answers });
      },
      proceed: ({ self }: ActionArgs) => toScenario(self, { type: 'CONTINUE' }),
      finish: assign(({ context, event }: Args) => {
        const endedAt = (event.type === 'NEXT' && event.at) || context.startedAt;
        const record = buildDrillRecord(
          {
            id: context.id,
            scenario: scenario.id,
            title: scenario.frontmatter.title,
            contentHash: context.hash,
            setup: context.setup!,
            startedAt: context.startedAt,
            endedAt,
            path: context.played.path,
            answers: context.played.answers,
            tallies: context.tallies
              .filter((t) => t.locked)
              .map((t) => ({ step: t.step, question: t.question, yes: t.yes, no: t.no, answer: groupAnswer(t)! })),
            notes: '',
          },
          scoreAttempt(scenario, context.played.answers),
          scenario,
        );
        return { record };
      }),
      notes: assign(({ context, event }: Args) =>
        event.type === 'NOTES' && context.record ? { record: { ...context.record, notes: event.notes } } : {},
      ),
    },
  };

  return createMachine(
    {
      types: {} as { context: DrillContext; events: DrillEvent; input: DrillInput },
      id: 'drill',
      initial: 'setup',
      context: ({ input }) => ({
        id: '',
        setup: null,
        startedAt: '',
        step: scenario.frontmatter.start,
        played: { path: [], answers: [] },
        question: 0,
        cursor: null,
        tallies: [],
        record: null,
        hash: input.hash,
      }),
      states: {
        setup: {
          on: { START: { guard: 'setupComplete', target: 'running', actions: 'begin' } },
        },
        running: {
          // The page's clock ticks while the drill is in this state (fromCallback would add to XState's shared chunk).
          invoke: {
            id: 'scenario',
            src: 'scenario',
            onSnapshot: { actions: 'mirror' },
          },
          initial: 'route',
          states: {
            route: {
              always: [{ guard: 'atEnding', target: 'ending' }, { target: 'narrative' }],
            },
            narrative: {
              tags: ['read'],
              on: {
                NEXT: [
                  { guard: 'atScene', target: 'choose' },
                  { guard: 'atDecision', target: 'action' },
                ],
              },
            },
            choose: {
              tags: ['pick'],
              entry: 'clearCursor',
              on: {
                CYCLE: { actions: { type: 'cycle', params: { stage: 'choose' } } },
                PICK: {
                  guard: { type: 'validPick', params: { stage: 'choose' } },
                  target: 'review',
                  actions: ['pick', 'choose'],
                },
                NEXT: { guard: 'hasCursor', target: 'review', actions: 'choose' },
                BACK: 'narrative',
              },
            },
            action: {
              tags: ['read'],
              on: {
                NEXT: { target: 'question', actions: 'firstQuestion' },
                BACK: 'narrative',
              },
            },
            question: {
              initial: 'asking',
              states: {
                asking: {
                  tags: ['pick'],
                  on: {
                    ANSWER: { actions: 'answer' },
                    CYCLE: { actions: 'answer' },
                    PICK: { guard: { type: 'validPick', params: { stage: 'question' } }, actions: 'answer' },
                    TALLY: { actions: 'tally' },
                    NEXT: { guard: 'hasGroupAnswer', target: 'revealed', actions: 'lock' },
                    BACK: [
                      { guard: 'firstQuestion', target: '#drill.running.action' },
                      { target: 'revealed', actions: { type: 'toQuestion', params: { by: -1 } } },
                    ],
                  },
                },
                revealed: {
                  tags: ['read', 'locked'],
                  on: {
                    NEXT: [
                      { guard: 'lastQuestion', target: '#drill.running.call' },
                      { guard: 'nextLocked', target: 'revealed', actions: { type: 'toQuestion', params: { by: 1 } } },
                      { target: 'asking', actions: { type: 'toQuestion', params: { by: 1 } } },
                    ],
                    BACK: [
                      { guard: 'firstQuestion', target: '#drill.running.action' },
                      { target: 'revealed', actions: { type: 'toQuestion', params: { by: -1 } } },
                    ],
                  },
                },
              },
            },
            call: {
              tags: ['pick'],
              entry: 'clearCursor',
              on: {
                CYCLE: { actions: { type: 'cycle', params: { stage: 'call' } } },
                PICK: { guard: { type: 'validPick', params: { stage: 'call' } }, actions: 'pick' },
                NEXT: { guard: 'hasCursor', target: 'review', actions: 'decide' },
                BACK: { target: 'question.revealed', actions: 'lastQuestion' },
              },
            },
            review: {
              tags: ['read'],
              on: {
                NEXT: [
                  { guard: 'reviewLeadsToEnding', target: 'ending', actions: 'proceed' },
                  { target: 'narrative', actions: 'proceed' },
                ],
              },
            },
            ending: {
              tags: ['read'],
              on: { NEXT: { target: '#drill.finished', actions: 'finish' } },
            },
          },
        },
        finished: {
          on: { NOTES: { actions: 'notes' } },
        },
      },
    },
    implementations as never,
  );
}

/** The drill machine for a scenario. */
export type DrillMachine = ReturnType<typeof createDrillMachine>;
/** A snapshot of a running drill. */
export type DrillSnapshot = SnapshotFrom<DrillMachine>;
/** A running drill. */
export type DrillActor = ActorRefFrom<DrillMachine>;

/** The stages a drill can be at, as the page shows them. */
export type DrillStageKind =
  'setup' | 'narrative' | 'choose' | 'action' | 'question' | 'call' | 'review' | 'ending' | 'finished';

/** One line of the on-screen key legend. */
export interface LegendLine {
  keys: string;
  does: string;
}

/** What the TV shows at a moment of the drill, derived from the snapshot alone. */
export interface DrillStageView {
  kind: DrillStageKind;
  /** The step on screen: the step just answered while reviewing, else the step in play. */
  step: Step;
  /** At a question: which one, whether its key is shown, and the crew's answer so far. */
  question?: QuestionKey;
  revealed: boolean;
  tally?: DrillTally;
  answer?: YesNo;
  /** The highlighted option (choice, call, or 0 yes / 1 no), if any. */
  cursor: number | null;
  /** Short words for the status bar, e.g. "question c of g". */
  label: string;
  legend: LegendLine[];
}

const NEXT_KEYS = '→, Page Down or Space';
const BACK_KEYS = '← or Page Up';
const CYCLE_KEYS = '↓, ↑ or B';

/** The on-screen legend for a stage: which keys do what, right now. */
export function drillLegend(kind: DrillStageKind, options = 0, revealed = false): LegendLine[] {
  const back = { keys: BACK_KEYS, does: 'back' };
  switch (kind) {
    case 'choose':
      return [
        { keys: options > 1 ? `1–${options}` : '1', does: 'the crew’s choice' },
        { keys: CYCLE_KEYS, does: 'highlight a choice' },
        { keys: NEXT_KEYS, does: 'confirm the highlighted choice' },
        back,
      ];
    case 'question':
      return revealed
        ? [{ keys: NEXT_KEYS, does: 'next question' }, back]
        : [
            { keys: 'Y or 1', does: 'the crew says yes' },
            { keys: 'N or 2', does: 'the crew says no' },
            { keys: CYCLE_KEYS, does: 'switch yes / no' },
            { keys: NEXT_KEYS, does: 'lock the answer and show the key' },
            back,
          ];
    case 'call':
      return [
        { keys: '1, 2 or 3', does: 'act, ask, decline' },
        { keys: CYCLE_KEYS, does: 'highlight a call' },
        { keys: NEXT_KEYS, does: 'confirm the call' },
        back,
      ];
    case 'ending':
      return [{ keys: NEXT_KEYS, does: 'finish and show the record' }];
    case 'review':
      return [{ keys: NEXT_KEYS, does: 'go on' }];
    case 'narrative':
    case 'action':
      return [{ keys: NEXT_KEYS, does: 'next' }, ...(kind === 'action' ? [back] : [])];
    default:
      return [];
  }
}

/** Describe the drill's current stage for the page to render. */
export function describeDrillStage(scenario: Scenario, snapshot: DrillSnapshot): DrillStageView {
  const { context } = snapshot;
  const stepOf = (id: string) => scenario.steps.find((s) => s.id === id);
  const inPlay = stepOf(context.step) ?? scenario.steps[0]!;
  const value = snapshot.value as string | { running: string | { question: string } };
  const kind: DrillStageKind =
    typeof value === 'string'
      ? (value as DrillStageKind)
      : typeof value.running === 'string'
        ? (value.running as DrillStageKind)
        : 'question';
  const answered = context.played.answers.at(-1);
  const step = kind === 'review' && answered ? (stepOf(answered.step) ?? inPlay) : inPlay;
  const base = { kind, step, revealed: false, cursor: context.cursor };
  if (kind === 'question') {
    const question = QUESTION_KEYS[context.question]!;
    const tally = context.tallies.find((t) => t.step === context.step && t.question === question);
    const revealed = snapshot.matches({ running: { question: 'revealed' } });
    const letter = QUESTIONS[context.question]!.letter;
    return {
      ...base,
      question,
      revealed,
      tally,
      answer: groupAnswer(tally),
      label: `question ${letter} of g`,
      legend: drillLegend(kind, 2, revealed),
    };
  }
  const options = step.kind === 'scene' ? step.choices.length : 0;
  const label = {
    setup: 'setup',
    narrative: 'the situation',
    choose: 'the crew chooses',
    action: 'the proposed action',
    call: 'the crew makes the call',
    review: 'what happened',
    ending: 'the ending',
    finished: 'the record',
    question: '',
  }[kind];
  return { ...base, label, legend: drillLegend(kind, options) };
}

const KEYS_NEXT = new Set(['ArrowRight', 'PageDown', ' ']);
const KEYS_BACK = new Set(['ArrowLeft', 'PageUp']);
const KEYS_CYCLE: Record<string, 1 | -1> = { ArrowDown: 1, b: 1, B: 1, '.': 1, ArrowUp: -1 };

/**
 * The event a key sends at a stage, or undefined when it does nothing there. Presenter clickers send
 * Page Down / Page Up (or arrows) and often B or "." from their third button, which moves the highlight.
 */
export function drillEventForKey(key: string, kind: DrillStageKind): DrillEvent | undefined {
  if (kind === 'setup' || kind === 'finished') return undefined;
  if (KEYS_NEXT.has(key)) return { type: 'NEXT' };
  if (KEYS_BACK.has(key)) return { type: 'BACK' };
  const picking = kind === 'choose' || kind === 'call' || kind === 'question';
  if (!picking) return undefined;
  if (key in KEYS_CYCLE) return { type: 'CYCLE', by: KEYS_CYCLE[key]! };
  if (/^[1-9]$/.test(key)) return { type: 'PICK', index: Number(key) - 1 };
  if (kind === 'question' && /^[yn]$/i.test(key)) return { type: 'ANSWER', answer: /y/i.test(key) ? 'yes' : 'no' };
  return undefined;
}
