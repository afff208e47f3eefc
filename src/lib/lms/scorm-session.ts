import type { PlayerContext } from '../../engine/machine.ts';
import { currentStep } from '../../engine/saved-snapshot.ts';
import type { Scenario } from '../../engine/model.ts';
import { answerInteractions, lmsScore } from '../../engine/lms-report.ts';
import { chooseResume, decodeLmsState, encodeLmsState, SUSPEND_DATA_LIMITS } from '../../engine/lms-state.ts';
import { offline, type LmsSession } from './connect.ts';
import type { ScormApi } from './scorm-api.ts';
import { scormValues, type ScormVersion } from './scorm-values.ts';

/** What the learner is told about the LMS, one sentence each. */
export const LMS_NOTICES = {
  noApi: 'This page was opened for an LMS, but no LMS answered, so your progress is kept only in this browser.',
  notSaving:
    'The LMS did not save your last answer; it is kept in this browser and will be sent again with your next answer.',
  savingAgain: 'The LMS is saving again: every answer so far has reached it.',
  tooLong:
    'Your progress is too long for this LMS to keep, so it is kept only in this browser: finish the scenario on this device.',
  changed: 'This scenario was updated since the LMS saved your progress, so it starts again from the beginning.',
  unreadable: 'The progress the LMS kept could not be read, so the scenario continues from what this browser kept.',
  resumed: 'Welcome back: the LMS kept your place. Use “Start over” to begin again.',
} as const;

/** Where a session starts: the snapshot, what to tell the learner, and how many of its answers the LMS holds. */
export interface ResumePoint {
  chosen: unknown;
  notice: string;
  known: number;
}

/**
 * Where to resume from the progress an LMS kept (`kept`, encodeLmsState's text) and this browser's
 * copy (`local`): the LMS's place, or this browser's when it carries on from it (chooseResume).
 */
export function resumePoint(scenario: Scenario, hash: string, kept: string, local: unknown): ResumePoint {
  const decoded = decodeLmsState(scenario, hash, kept);
  if (decoded.status === 'found') {
    const localAnswers = (local as Persisted | undefined)?.context?.answers;
    const chosen = chooseResume(decoded.context.answers, localAnswers) === 'local' ? local : decoded.snapshot;
    return { chosen, notice: LMS_NOTICES.resumed, known: decoded.context.answers.length };
  }
  if (decoded.status === 'unreadable') {
    console.warn(`LMS progress unreadable: ${decoded.reason}`);
    return { chosen: local, notice: LMS_NOTICES.unreadable, known: 0 };
  }
  // A changed scenario: this browser's copy, if any, is of the scenario as it is now (the player checks the hash).
  return { chosen: local, notice: decoded.status === 'changed' && !local ? LMS_NOTICES.changed : '', known: 0 };
}

interface Persisted {
  status?: string;
  value?: unknown;
  context?: PlayerContext;
}

/**
 * A SCORM 1.2 or 2004 session for one scenario: initializes once, reports after every event,
 * commits, and terminates once when the page is hidden for good. `api` is the LMS's API
 * (findScormApi), or undefined when none was found. A failed commit is retried in full
 * at the next event; the player keeps every snapshot in this browser meanwhile.
 */
export function startScormSession(
  version: ScormVersion,
  scenario: Scenario,
  hash: string,
  api: ScormApi | undefined,
  now: () => number = Date.now,
  limit: number = SUSPEND_DATA_LIMITS[version],
): LmsSession {
  if (!api || !api.initialize()) return offline(LMS_NOTICES.noApi);
  const started = now();
  let notice = '';
  let failing = false;
  let ended = false;
  let last: Persisted | undefined;
  /** Interactions the LMS holds, and how many answers of the current play they cover. */
  let written = Number(api.get('cmi.interactions._count')) || 0;
  let reported = 0;
  /** A pass or fail the LMS already holds is never turned back into "incomplete" by starting over. */
  let finishedBefore =
    version === 'scorm12'
      ? ['passed', 'failed', 'completed'].includes(api.get('cmi.core.lesson_status'))
      : api.get('cmi.completion_status') === 'completed';

  function record(snapshot: unknown): string {
    if (ended) return '';
    const s = (snapshot ?? {}) as Persisted;
    last = s;
    const context = s.context ?? { path: [], answers: [], draft: {} };
    if (context.answers.length < reported) reported = 0; // The learner started over.
    const encoded = encodeLmsState({ value: s.value, context }, hash);
    const fits = encoded.length <= limit;
    const fresh = context.answers.slice(reported);
    let index = written;
    const interactions = fresh.flatMap((answer) =>
      answerInteractions(scenario, answer).map((interaction) => ({ index: index++, interaction })),
    );
    const values = scormValues(version, {
      suspend: fits ? encoded : undefined,
      location: s.value ? currentStep({ value: s.value, context }) : scenario.frontmatter.start,
      sessionSeconds: (now() - started) / 1000,
      score: s.status === 'done' ? lmsScore(scenario, context.answers) : undefined,
      finishedBefore,
      interactions,
    });
    const sent = values.every(([k, v]) => api!.set(k, v)) && api!.commit();
    if (!sent) {
      console.warn(`LMS commit failed (${api!.lastError() || 'no error code'})`);
      failing = true;
      return LMS_NOTICES.notSaving;
    }
    written = index;
    reported = context.answers.length;
    if (s.status === 'done') finishedBefore = true;
    const recovered = failing;
    failing = false;
    if (!fits) return LMS_NOTICES.tooLong;
    return recovered ? LMS_NOTICES.savingAgain : '';
  }

  function end() {
    if (ended) return;
    if (last) record(last);
    ended = true;
    api!.terminate();
  }
  globalThis.addEventListener?.('pagehide', (event) => {
    if (!event.persisted) end();
  });

  return {
    get notice() {
      return notice;
    },
    resume(local: unknown): unknown {
      const start = resumePoint(scenario, hash, api.get('cmi.suspend_data'), local);
      const chosen = start.chosen;
      reported = start.known;
      notice = start.notice;
      // Tell the LMS at once that the attempt is under way, and send what only this browser had.
      const problem = record(chosen);
      if (problem) notice = problem;
      return chosen;
    },
    record,
  };
}
