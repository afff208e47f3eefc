import { isScoringVersion } from './call-credit.ts';
import type { ClauseId } from './clauses.ts';
import type { Scenario, Step } from './model.ts';
import type { AttemptRecord } from './results-schema.ts';
import { scoreAttempt } from './score.ts';
import { scoringKeySchema, type ScoringKey } from './scoring-key-schema.ts';

/** True when two session codes are the same code (case is ignored: learners type them). */
export function sameSessionCode(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * Checking results a learner hands in. A results file is made in the learner's own browser, so
 * everything in it is self-reported. What can be checked is checked here: the path and answers
 * must follow the scenario, the score must be what those answers earn under the scoring version the
 * file names, and the dates, times, session code and identity must make sense. What cannot be
 * checked is who did the work: only a supervised session or an LMS record can show that.
 */

/** A decision's key: the right answer to each of the seven questions. */

export { scoringKeySchema, type ScoringKey };

/** The scoring key of a validated scenario at its content hash. */
export function scoringKeyOf(scenario: Scenario, hash: string): ScoringKey {
  return {
    id: scenario.id,
    title: scenario.frontmatter.title,
    hash,
    passingScore: scenario.frontmatter.passingScore,
    start: scenario.frontmatter.start,
    steps: scenario.steps.map((s) =>
      s.kind === 'scene'
        ? { kind: 'scene', id: s.id, choices: s.choices.map(({ to, grade, trains }) => ({ to, grade, trains })) }
        : s.kind === 'decision'
          ? { kind: 'decision', id: s.id, key: s.key, branches: s.branches }
          : { kind: 'ending', id: s.id, outcome: s.outcome },
    ),
  };
}

/** A scenario rebuilt from its scoring key, for the engine's scoring (prose fields are empty). */
function scenarioOf(key: ScoringKey): Scenario {
  const at = { line: 0, column: 0 };
  const base = { title: '', at, discuss: 0 };
  const steps: Step[] = key.steps.map((s) =>
    s.kind === 'scene'
      ? {
          ...base,
          ...s,
          choices: s.choices.map((c) => ({ ...c, trains: c.trains as ClauseId[], label: '', hasFeedback: true, at })),
        }
      : s.kind === 'decision'
        ? { ...base, ...s, action: '' }
        : { ...base, ...s },
  );
  return {
    id: key.id,
    file: '',
    frontmatter: { title: key.title, passingScore: key.passingScore, start: key.start } as Scenario['frontmatter'],
    steps,
  };
}

/** Why the gradebook flags an attempt or a learner. */
export type FlagCode =
  | 'unknown-scenario'
  | 'other-version'
  | 'path'
  | 'score'
  | 'pass'
  | 'scoring-version'
  | 'time'
  | 'no-session'
  | 'other-session'
  | 'identity';

/** Each finding in a few words, where a sentence does not fit (the certificate's Checked column). */
export const FLAG_LABELS: Readonly<Record<FlagCode, string>> = {
  'unknown-scenario': 'not in this course',
  'other-version': 'another version of the scenario',
  path: 'path does not fit the scenario',
  score: 'score does not match the answers',
  pass: 'pass does not match the score',
  'scoring-version': 'unknown scoring version',
  time: 'implausible time',
  'no-session': 'no session code',
  'other-session': 'another session',
  identity: 'member number shared',
};

/** One finding, in a sentence an instructor can act on. */
export interface Flag {
  code: FlagCode;
  message: string;
}

/** What checking one attempt found. */
export interface AttemptCheck {
  /** True when every check passed: the path follows the current scenario and the score is what it earns. */
  verified: boolean;
  flags: Flag[];
  /** The score the answers earn, re-scored by the engine, when the path could be followed. */
  rescored?: { earned: number; possible: number; percent: number; passed: boolean };
  /** Whether the gradebook counts the attempt as passed: re-scored when possible, else as stated and consistent. */
  passed: boolean;
  /** The scoring version the attempt states (1 when it names none). */
  scoringVersion: number;
}

/** Why an attempt's path and answers do not follow the scenario, or undefined when they do. */
export function pathProblem(scenario: ScoringKey, attempt: AttemptRecord): string | undefined {
  const byId = new Map(scenario.steps.map((s) => [s.id, s]));
  const { path, answers } = attempt;
  if (path[0] !== scenario.start) return `it does not start at the scenario's first step`;
  if (answers.length !== path.length - 1) return `it has ${answers.length} answers for ${path.length} steps`;
  for (const [i, answer] of answers.entries()) {
    const step = byId.get(path[i]!);
    if (!step || answer.step !== step.id) return `answer ${i + 1} is not for step "${path[i]}"`;
    const next =
      step.kind === 'scene' && answer.kind === 'choice'
        ? step.choices[answer.choice]?.to
        : step.kind === 'decision' && answer.kind === 'decision'
          ? step.branches[answer.call]
          : undefined;
    if (next === undefined) return `answer ${i + 1} is not an answer step "${step.id}" offers`;
    if (next !== path[i + 1]) return `answer ${i + 1} leads to "${next}", not "${path[i + 1]}"`;
  }
  const last = byId.get(path.at(-1)!);
  if (last?.kind !== 'ending') return 'it does not end at an ending';
  if (attempt.ending !== last.id) return `it names ending "${attempt.ending}" but its path ends at "${last.id}"`;
  return undefined;
}

/** Seconds of play below this per answer are not plausible for a person reading the scenario. */
export const MIN_SECONDS_PER_ANSWER = 3;
/** A finish time further than this in the future is not plausible (clocks differ by minutes, not days). */
const FUTURE_SLACK_MS = 24 * 3600 * 1000;

/** What the class settings and the moment of checking bring to a check. */
export interface CheckContext {
  /** The class's session code ('' when the instructor set none). */
  sessionCode: string;
  /** Session codes the learner's files stated (used when an attempt states none itself). */
  traineeCodes?: readonly string[];
  /** Milliseconds since the epoch, when the check runs. */
  now: number;
}

/**
 * Check one handed-in attempt against the scenario's current scoring key (undefined when the course
 * has no such scenario): re-score it with the engine under the scoring version it states, and flag
 * everything that does not add up.
 */
export function checkAttempt(attempt: AttemptRecord, key: ScoringKey | undefined, context: CheckContext): AttemptCheck {
  const flags: Flag[] = [];
  const flag = (code: FlagCode, message: string) => flags.push({ code, message });
  const version = attempt.scoringVersion ?? 1;
  const consistent = attempt.passed && attempt.percent >= attempt.passingScore;
  let rescored: AttemptCheck['rescored'];

  if (!key) flag('unknown-scenario', `scenario "${attempt.scenario}" is not in this course, so it was not checked`);
  else {
    const otherVersion = attempt.contentHash !== key.hash;
    if (otherVersion)
      flag('other-version', 'played on another version of this scenario; checked against the current keys');
    const problem = pathProblem(key, attempt);
    if (problem)
      flag(
        'path',
        otherVersion
          ? `its path does not fit the current version (${problem}), so it could not be re-scored`
          : `its path and answers do not follow the scenario (${problem})`,
      );
    else if (!isScoringVersion(version))
      flag('scoring-version', `it names scoring version ${version}, which this course does not have`);
    else {
      const score = scoreAttempt(scenarioOf(key), attempt.answers, version);
      rescored = { earned: score.earned, possible: score.possible, percent: score.percent, passed: score.passed };
      const stated = new Map(attempt.byDimension.map((d) => [d.dimension, `${d.earned}/${d.possible}`]));
      const sameDimensions =
        stated.size === score.byDimension.length &&
        score.byDimension.every((d) => stated.get(d.dimension) === `${d.earned}/${d.possible}`);
      if (
        score.earned !== attempt.earned ||
        score.possible !== attempt.possible ||
        score.percent !== attempt.percent ||
        !sameDimensions
      )
        flag(
          'score',
          `it states ${attempt.percent}% (${attempt.earned} of ${attempt.possible}), but its answers earn ${score.percent}% (${score.earned} of ${score.possible})`,
        );
      if (score.passed !== attempt.passed)
        flag(
          'pass',
          `it says ${attempt.passed ? 'passed' : 'not passed'}, but ${score.percent}% is ${score.passed ? 'at or above' : 'below'} the pass mark of ${key.passingScore}%`,
        );
    }
  }
  if (!rescored && attempt.passed !== consistent)
    flag('pass', `it says passed at ${attempt.percent}%, below its pass mark of ${attempt.passingScore}%`);

  const started = Date.parse(attempt.startedAt);
  const finished = Date.parse(attempt.finishedAt);
  if (finished < started) flag('time', 'it finished before it started');
  else if (finished > context.now + FUTURE_SLACK_MS)
    flag('time', `it is dated ${attempt.finishedAt.slice(0, 10)}, in the future`);
  else if (attempt.seconds > (finished - started) / 1000 + 60)
    flag(
      'time',
      `it claims ${Math.round(attempt.seconds / 60)} min of play between a start and finish ${Math.round((finished - started) / 60000)} min apart`,
    );
  else if (attempt.answers.length > 0 && attempt.seconds < MIN_SECONDS_PER_ANSWER * attempt.answers.length)
    flag('time', `${attempt.answers.length} answers in ${attempt.seconds} s is faster than anyone reads`);

  if (context.sessionCode) {
    const codes = attempt.sessionCode ? [attempt.sessionCode] : [...(context.traineeCodes ?? [])];
    if (!codes.length) flag('no-session', 'it has no session code');
    else if (!codes.some((c) => sameSessionCode(c, context.sessionCode)))
      flag('other-session', `its session code is ${codes.join(', ')}, not ${context.sessionCode}`);
  }

  return {
    verified: flags.length === 0,
    flags,
    ...(rescored ? { rescored } : {}),
    passed: rescored ? rescored.passed : consistent,
    scoringVersion: version,
  };
}
