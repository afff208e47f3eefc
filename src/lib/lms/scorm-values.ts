import type { LmsInteraction, LmsScore } from '../../engine/lms-report.ts';

/** The SCORM versions the course speaks; also the values of the `lms` launch parameter. */
export type ScormVersion = 'scorm12' | 'scorm2004';

/** What the course tells the LMS at one commit. */
export interface ScormReport {
  /** Encoded progress for suspend_data; undefined when it does not fit (never truncated). */
  suspend: string | undefined;
  /** The step the learner is on (lesson_location / location). */
  location: string;
  /** Seconds since this session began. */
  sessionSeconds: number;
  /** The score once the scenario has ended; undefined while it is in progress. */
  score: LmsScore | undefined;
  /** True when the LMS already holds a finished result: a new play in progress must not undo it. */
  finishedBefore?: boolean;
  /** Interactions not yet committed, with the index each takes in cmi.interactions. */
  interactions: { index: number; interaction: LmsInteraction }[];
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** SCORM 1.2 CMITimespan: HHHH:MM:SS.SS. */
export function timespan12(seconds: number): string {
  const whole = Math.floor(seconds);
  const hundredths = Math.floor((seconds - whole) * 100);
  return `${pad(Math.min(9999, Math.floor(whole / 3600)), 4)}:${pad(Math.floor(whole / 60) % 60)}:${pad(whole % 60)}.${pad(hundredths)}`;
}

/** An ISO 8601 duration, PT#H#M#S: SCORM 2004's timeinterval and xAPI's result.duration. */
export function isoDuration(seconds: number): string {
  const whole = Math.floor(seconds);
  return `PT${Math.floor(whole / 3600)}H${Math.floor(whole / 60) % 60}M${whole % 60}S`;
}

/** Where each version keeps the same facts. */
const KEYS = {
  scorm12: {
    location: 'cmi.core.lesson_location',
    session: 'cmi.core.session_time',
    score: 'cmi.core.score',
    status: 'cmi.core.lesson_status',
    exit: 'cmi.core.exit',
    ended: '',
  },
  scorm2004: {
    location: 'cmi.location',
    session: 'cmi.session_time',
    score: 'cmi.score',
    status: 'cmi.completion_status',
    exit: 'cmi.exit',
    ended: 'normal',
  },
} as const;

/**
 * The data-model elements to set for a report, in a safe order (an interaction's id before its
 * other fields). Pure: the same report always gives the same list, so a failed commit is retried by
 * setting the same list again.
 */
export function scormValues(version: ScormVersion, report: ScormReport): [string, string][] {
  const v12 = version === 'scorm12';
  const keys = KEYS[version];
  const values: [string, string][] = [];
  const set = (key: string, value: string | number) => values.push([key, String(value)]);
  set(keys.location, report.location);
  set(keys.session, v12 ? timespan12(report.sessionSeconds) : isoDuration(report.sessionSeconds));
  if (report.suspend !== undefined) set('cmi.suspend_data', report.suspend);
  if (report.score) {
    const { min, max, raw, scaled, passed } = report.score;
    set(`${keys.score}.min`, min);
    set(`${keys.score}.max`, max);
    set(`${keys.score}.raw`, raw);
    if (!v12) set(`${keys.score}.scaled`, scaled);
    // 1.2 has one status; 2004 separates completion from success.
    if (v12) set(keys.status, passed ? 'passed' : 'failed');
    else {
      set(keys.status, 'completed');
      set('cmi.success_status', passed ? 'passed' : 'failed');
    }
    set(keys.exit, keys.ended);
  } else {
    if (!report.finishedBefore) set(keys.status, 'incomplete');
    set(keys.exit, 'suspend');
  }
  for (const { index, interaction: i } of report.interactions) {
    const at = `cmi.interactions.${index}`;
    set(`${at}.id`, i.id);
    set(`${at}.type`, 'choice');
    if (!v12) set(`${at}.description`, i.description.slice(0, 250));
    i.correct.forEach((pattern, n) => set(`${at}.correct_responses.${n}.pattern`, pattern));
    set(v12 ? `${at}.student_response` : `${at}.learner_response`, i.response);
    set(`${at}.result`, v12 && i.result === 'incorrect' ? 'wrong' : i.result);
  }
  return values;
}
