import type { LmsInteraction, LmsScore } from '../../engine/lms-report.ts';
import { isoDuration } from './scorm-values.ts';

/**
 * The xAPI statements a cmi5 AU sends, built as plain data (no network, no clock: ids and times come
 * in), so the order and content rules of the cmi5 specification are tested without a browser.
 * https://github.com/AICC/CMI-5_Spec_Current/blob/quartz/cmi5_spec.md sections 9 and 10.
 */

/** The launch parameters a cmi5 LMS adds to an AU's URL (cmi5 section 8.1). */
export interface Cmi5Launch {
  endpoint: string;
  fetch: string;
  registration: string;
  activityId: string;
  actor: Record<string, unknown>;
}

/** The parts of the LMS.LaunchData state document the course uses (cmi5 section 10). */
export interface LaunchData {
  contextTemplate: Record<string, unknown>;
  launchMode: 'Normal' | 'Browse' | 'Review';
  returnURL?: string;
  masteryScore?: number;
}

/** A statement as sent to the LRS. */
export type Statement = Record<string, unknown>;

/** What a statement needs from its sender: a fresh UUID and the time it happened (ISO 8601). */
export interface Stamp {
  id: string;
  timestamp: string;
}

const ADL = 'http://adlnet.gov/expapi/verbs/';
/** The verbs the course uses: cmi5's defined verbs and xAPI's `answered` for each interaction. */
export const VERBS = ['initialized', 'completed', 'passed', 'failed', 'terminated', 'answered'] as const;
export type Verb = (typeof VERBS)[number];

const CMI5_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
const MOVE_ON_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
const MASTERY_SCORE = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';

/** The five launch parameters, or undefined when the page was not launched as a cmi5 AU. */
export function readLaunch(search: string): Cmi5Launch | undefined {
  const q = new URLSearchParams(search);
  const [endpoint, fetch, registration, activityId, actor] = [
    'endpoint',
    'fetch',
    'registration',
    'activityId',
    'actor',
  ].map((k) => q.get(k));
  if (!endpoint || !fetch || !registration || !activityId || !actor) return undefined;
  try {
    const parsed = JSON.parse(actor) as unknown;
    if (!parsed || typeof parsed !== 'object') return undefined;
    return { endpoint, fetch, registration, activityId, actor: parsed as Record<string, unknown> };
  } catch {
    return undefined;
  }
}

/** True when the launch mode lets the AU report completion, a score and pass or fail (Normal only). */
export const reportsResults = (data: LaunchData) => data.launchMode === 'Normal';

/**
 * One statement: the launch's actor, the verb, the AU (or an interaction of it) as object, and the
 * LMS's context template with our registration and categories added (cmi5 section 9.6).
 */
function statement(
  launch: Cmi5Launch,
  data: LaunchData,
  verb: Verb,
  stamp: Stamp,
  extra: { object?: Statement; result?: Statement; categories?: string[]; extensions?: Record<string, unknown> },
): Statement {
  const template = data.contextTemplate as {
    contextActivities?: Record<string, Statement[]>;
    extensions?: Record<string, unknown>;
  };
  const activities = { ...template.contextActivities };
  if (extra.categories?.length)
    activities.category = [...(activities.category ?? []), ...extra.categories.map((id) => ({ id }))];
  const extensions = { ...template.extensions, ...extra.extensions };
  return {
    id: stamp.id,
    timestamp: stamp.timestamp,
    actor: launch.actor,
    verb: { id: ADL + verb, display: { 'en-US': verb } },
    object: extra.object ?? { objectType: 'Activity', id: launch.activityId },
    ...(extra.result ? { result: extra.result } : {}),
    context: {
      ...template,
      registration: launch.registration,
      contextActivities: activities,
      ...(Object.keys(extensions).length ? { extensions } : {}),
    },
  };
}

/** `initialized`: the first statement of every session. */
export function initializedStatement(launch: Cmi5Launch, data: LaunchData, stamp: Stamp): Statement {
  return statement(launch, data, 'initialized', stamp, { categories: [CMI5_CATEGORY] });
}

/** `terminated`: the last statement of every session, with the session's length. */
export function terminatedStatement(launch: Cmi5Launch, data: LaunchData, stamp: Stamp, seconds: number): Statement {
  return statement(launch, data, 'terminated', stamp, {
    categories: [CMI5_CATEGORY],
    result: { duration: isoDuration(seconds) },
  });
}

/** `answered`: one interaction (a scene choice, a question of the empowerment test, a call), a cmi5 "allowed" statement. */
export function answeredStatement(
  launch: Cmi5Launch,
  data: LaunchData,
  stamp: Stamp,
  interaction: LmsInteraction,
): Statement {
  return statement(launch, data, 'answered', stamp, {
    object: {
      objectType: 'Activity',
      id: `${launch.activityId}/interactions/${encodeURIComponent(interaction.id)}`,
      definition: {
        type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
        description: { 'en-US': interaction.description },
        interactionType: 'choice',
        correctResponsesPattern: interaction.correct,
      },
    },
    result: {
      response: interaction.response,
      ...(interaction.result === 'neutral' ? {} : { success: interaction.result === 'correct' }),
    },
  });
}

/** Which results a registration has already reported (at most one of each, cmi5 sections 9.3.3–9.3.6). */
export interface Reported {
  completed: boolean;
  /** `passed` or `failed` once one was sent. */
  judged: boolean;
}

/**
 * What a finished play reports: `completed` and then `passed` or `failed` with the score, each only
 * if the registration has not reported one yet, and none at all outside Normal launch mode. The pass
 * or fail follows the LMS's mastery score when LaunchData gives one, the scenario's pass mark
 * otherwise (the same mark cmi5.xml declares).
 */
export function finishedStatements(
  launch: Cmi5Launch,
  data: LaunchData,
  stamps: () => Stamp,
  score: LmsScore,
  seconds: number,
  reported: Reported,
): { statements: Statement[]; reported: Reported } {
  if (!reportsResults(data)) return { statements: [], reported };
  const statements: Statement[] = [];
  const duration = isoDuration(seconds);
  if (!reported.completed)
    statements.push(
      statement(launch, data, 'completed', stamps(), {
        categories: [CMI5_CATEGORY, MOVE_ON_CATEGORY],
        result: { completion: true, duration },
      }),
    );
  if (!reported.judged) {
    const passed = data.masteryScore === undefined ? score.passed : score.scaled >= data.masteryScore;
    statements.push(
      statement(launch, data, passed ? 'passed' : 'failed', stamps(), {
        categories: [CMI5_CATEGORY, MOVE_ON_CATEGORY],
        result: {
          score: { scaled: score.scaled, raw: score.raw, min: score.min, max: score.max },
          success: passed,
          duration,
        },
        ...(data.masteryScore === undefined ? {} : { extensions: { [MASTERY_SCORE]: data.masteryScore } }),
      }),
    );
  }
  return { statements, reported: { completed: true, judged: true } };
}
