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

/** SCORM 2004 timeinterval (ISO 8601 duration): PT#H#M#S. */
export function duration2004(seconds: number): string {
  const whole = Math.floor(seconds);
  return `PT${Math.floor(whole / 3600)}H${Math.floor(whole / 60) % 60}M${whole % 60}S`;
}

/**
 * The data-model elements to set for a report, in a safe order (an interaction's id before its
 * other fields). Pure: the same report always gives the same list, so a failed commit is retried by
 * setting the same list again.
 */
export function scormValues(version: ScormVersion, report: ScormReport): [string, string][] {
  const v12 = version === 'scorm12';
  const values: [string, string][] = [];
  const set = (key: string, value: string | number) => values.push([key, String(value)]);
  if (v12) {
    set('cmi.core.lesson_location', report.location);
    set('cmi.core.session_time', timespan12(report.sessionSeconds));
    if (report.suspend !== undefined) set('cmi.suspend_data', report.suspend);
    if (report.score) {
      set('cmi.core.score.min', report.score.min);
      set('cmi.core.score.max', report.score.max);
      set('cmi.core.score.raw', report.score.raw);
      set('cmi.core.lesson_status', report.score.passed ? 'passed' : 'failed');
      set('cmi.core.exit', '');
    } else {
      if (!report.finishedBefore) set('cmi.core.lesson_status', 'incomplete');
      set('cmi.core.exit', 'suspend');
    }
  } else {
    set('cmi.location', report.location);
    set('cmi.session_time', duration2004(report.sessionSeconds));
    if (report.suspend !== undefined) set('cmi.suspend_data', report.suspend);
    if (report.score) {
      set('cmi.score.min', report.score.min);
      set('cmi.score.max', report.score.max);
      set('cmi.score.raw', report.score.raw);
      set('cmi.score.scaled', report.score.scaled);
      set('cmi.completion_status', 'completed');
      set('cmi.success_status', report.score.passed ? 'passed' : 'failed');
      set('cmi.exit', 'normal');
    } else {
      if (!report.finishedBefore) set('cmi.completion_status', 'incomplete');
      set('cmi.exit', 'suspend');
    }
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
