import { getAdjacencyMap } from 'xstate/graph';
import { createScenarioMachine, type PlayerEvent, type ScenarioSnapshot } from './machine.ts';
import { currentStep, REVIEW } from './saved-snapshot.ts';
import { CALLS, FINISHED, type Scenario, type Step } from './model.ts';
import { expectedCall, scoreAnswer, type Answer } from './score.ts';

/** What path analysis found about a scenario's graph. */
export interface PathAnalysis {
  /** Steps reachable from the start, as the machine explores them. */
  reachable: string[];
  /** Share of all steps that are reachable, in whole percent. */
  reachablePercent: number;
  /** Reachable steps from which no ending can be reached. */
  stuck: string[];
  /** Number of simple paths from the start to an ending (counting stops at `cap`). */
  pathCount: number;
  capped: boolean;
  cap: number;
  /** Highest and lowest percent a path allows when every question is answered as the key says. */
  scoreRange: { min: number; max: number };
  /** The path(s) with the highest score, shortest first; each a list of step ids. */
  bestPaths: string[][];
  /** Endings a trainee reaches by picking only best or ok choices and making the right call. */
  goodFaithEndings: string[];
}

/** Default limit on simple paths counted, so that a combinatorial graph is reported, not hung on. */
export const PATH_CAP = 5000;

type Edge = { event: PlayerEvent; to: string; answer: Answer; goodFaith: boolean };

/** The moves a trainee can make at a step: each choice, or each call made with the key's answers. */
function movesFrom(step: Step): Edge[] {
  if (step.kind === 'scene')
    return step.choices.map((choice, index) => ({
      event: { type: 'CHOOSE', index },
      to: choice.to,
      answer: { kind: 'choice', step: step.id, choice: index },
      goodFaith: choice.grade !== 'poor',
    }));
  if (step.kind === 'decision') {
    const right = expectedCall(step.key);
    return CALLS.map((call) => ({
      event: { type: 'DECIDE', answers: step.key, call },
      to: step.branches[call],
      answer: { kind: 'decision', step: step.id, answers: step.key, call },
      goodFaith: call === right,
    }));
  }
  return [];
}

/**
 * The events the player can send on a screen: a choice or a call (with the key's answers, and a
 * half-filled decision), Continue from feedback, and SEE at an ending. For `xstate/graph`'s traversals.
 */
export function screenEvents(scenario: Scenario): (snapshot: ScenarioSnapshot) => PlayerEvent[] {
  const byId = new Map(scenario.steps.map((s) => [s.id, s]));
  return (snapshot) => {
    if (snapshot.status === 'done') return [];
    if (snapshot.hasTag(REVIEW)) return [{ type: 'CONTINUE' }];
    const step = byId.get(currentStep(snapshot))!;
    if (step.kind === 'ending') return [{ type: 'SEE' }];
    const moves = movesFrom(step).map((m) => m.event);
    return step.kind === 'decision' ? [{ type: 'DRAFT', draft: { customer: 'yes' } }, ...moves] : moves;
  };
}

/** One screen of play found by exploring the machine: where each event sent there leads, and whether it is final. */
interface Screen {
  transitions: { event: PlayerEvent; to: string }[];
  final: boolean;
}

/**
 * Explore the scenario's real XState machine with `xstate/graph`, sending at each screen every event
 * the player can send there (screenEvents). Screens are keyed by the state value (the step and
 * its mode); `stepOf` gives a screen's step, undefined for the finished state.
 */
export function exploreScreens(scenario: Scenario): {
  states: Map<string, Screen>;
  stepOf: (key: string) => string | undefined;
} {
  const machine = createScenarioMachine(scenario);
  const adjacency = getAdjacencyMap(machine, {
    events: screenEvents(scenario),
    serializeState: (snapshot) => JSON.stringify(snapshot.value),
    serializeEvent: (event) => JSON.stringify(event),
  });
  const states = new Map<string, Screen>();
  for (const [key, { state, transitions }] of Object.entries(adjacency))
    states.set(key, {
      final: state.status === 'done',
      transitions: Object.values(transitions as Record<string, { event: PlayerEvent; state: { value: unknown } }>).map(
        ({ event, state: to }) => ({ event, to: JSON.stringify(to.value) }),
      ),
    });
  const stepOf = (key: string) => {
    const value: unknown = JSON.parse(key);
    return value === FINISHED ? undefined : currentStep({ value, context: { path: [] } });
  };
  return { states, stepOf };
}

/**
 * Explore the scenario's real XState machine (exploreScreens) and report reachability, the number
 * of paths, the score range and the best path(s). Path counting stops at `cap`.
 *
 * @example
 * const analysis = analyzePaths(scenario);
 * if (analysis.stuck.length) console.warn(`no ending reachable from ${analysis.stuck.join(', ')}`);
 */
export function analyzePaths(scenario: Scenario, cap = PATH_CAP): PathAnalysis {
  const byId = new Map(scenario.steps.map((s) => [s.id, s]));
  const { states, stepOf } = exploreScreens(scenario);
  const reachable = [...new Set([...states.keys()].flatMap((key) => stepOf(key) ?? []))];
  // A step's moves as the machine takes them: its answer, then Continue from the answer's feedback.
  const next = new Map<string, Edge[]>(reachable.map((id) => [id, []]));
  for (const [key, { transitions }] of states) {
    const id = stepOf(key);
    if (!id) continue;
    const taken = new Set(
      transitions
        .filter((t) => t.event.type === 'CHOOSE' || t.event.type === 'DECIDE')
        .flatMap((t) =>
          (states.get(t.to)?.transitions ?? [])
            .filter((c) => c.event.type === 'CONTINUE')
            .map((c) => `${JSON.stringify(t.event)}>${stepOf(c.to)}`),
        ),
    );
    next.get(id)!.push(...movesFrom(byId.get(id)!).filter((m) => taken.has(`${JSON.stringify(m.event)}>${m.to}`)));
  }

  // Screens from which the machine can reach its final state, walking the explored transitions backwards.
  const canFinish = new Set([...states.keys()].filter((key) => states.get(key)!.final));
  for (let grew = true; grew;) {
    grew = false;
    for (const [key, { transitions }] of states)
      if (!canFinish.has(key) && transitions.some((t) => canFinish.has(t.to))) {
        canFinish.add(key);
        grew = true;
      }
  }
  const stuck = new Set([...states.keys()].filter((key) => !canFinish.has(key)).flatMap((key) => stepOf(key) ?? []));

  const isEnding = (id: string) => byId.get(id)?.kind === 'ending';

  // Points per move, worked out once, so a path's score is a running sum rather than a rescoring.
  const points = new Map<Edge, { earned: number; possible: number }>();
  for (const edges of next.values())
    for (const edge of edges) {
      const lines = scoreAnswer(scenario, edge.answer);
      points.set(edge, {
        earned: lines.reduce((t, l) => t + l.earned, 0),
        possible: lines.reduce((t, l) => t + l.possible, 0),
      });
    }

  const start = scenario.frontmatter.start;
  let pathCount = 0;
  let capped = false;
  let min = Infinity;
  let max = -Infinity;
  let bestPaths: string[][] = [];
  const onPath = new Set<string>();
  const steps: string[] = [];
  const walk = (id: string, earned: number, possible: number) => {
    if (capped) return;
    steps.push(id);
    if (isEnding(id)) {
      pathCount++;
      const percent = possible === 0 ? 100 : Math.round((earned / possible) * 100);
      min = Math.min(min, percent);
      if (percent > max) {
        max = percent;
        bestPaths = [[...steps]];
      } else if (percent === max && bestPaths.length < 20) bestPaths.push([...steps]);
      if (pathCount >= cap) capped = true;
    } else {
      onPath.add(id);
      for (const edge of next.get(id) ?? []) {
        if (onPath.has(edge.to)) continue;
        const p = points.get(edge)!;
        walk(edge.to, earned + p.earned, possible + p.possible);
      }
      onPath.delete(id);
    }
    steps.pop();
  };
  if (byId.has(start)) walk(start, 0, 0);

  const goodFaith = new Set<string>([start]);
  const queue = [start];
  while (queue.length)
    for (const edge of next.get(queue.pop()!) ?? [])
      if (edge.goodFaith && !goodFaith.has(edge.to)) {
        goodFaith.add(edge.to);
        queue.push(edge.to);
      }

  bestPaths.sort((a, b) => a.length - b.length);
  return {
    reachable,
    reachablePercent: Math.round((reachable.length / Math.max(1, scenario.steps.length)) * 100),
    stuck: reachable.filter((id) => stuck.has(id)),
    pathCount,
    capped,
    cap,
    scoreRange: pathCount ? { min, max } : { min: 0, max: 0 },
    bestPaths,
    goodFaithEndings: [...goodFaith].filter(isEnding),
  };
}
