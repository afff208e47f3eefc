import type { Scenario } from '../../engine/model.ts';

/**
 * The scenario player's link to a learning management system. The player calls `resume` once before
 * it starts and `record` after every event; the session reports score, status, interactions and
 * progress to the LMS and ends itself when the page goes away.
 */
export interface LmsSession {
  /** A sentence for the learner about the LMS (not found, not saving, …), or ''. */
  readonly notice: string;
  /** The snapshot to start from: the LMS's saved progress, or `local` (this browser's) when it carries on from it. */
  resume(local: unknown): unknown;
  /** Report a persisted snapshot to the LMS and commit; returns a sentence for the learner, or ''. */
  record(snapshot: unknown): string;
}

/** The launch parameter an LMS package adds to the page's address: `?lms=scorm12`, `scorm2004` or `cmi5`. */
export const LMS_PARAM = 'lms';
const KINDS = ['scorm12', 'scorm2004'] as const;

/**
 * Connect to the LMS that launched this page, if any. Costs one query-string check on a page opened
 * outside an LMS; the bridge itself is a separate chunk, loaded only when the launch parameter names
 * an LMS.
 */
export async function connectLms(scenario: Scenario, hash: string, search = location.search): Promise<LmsSession | undefined> {
  const kind = new URLSearchParams(search).get(LMS_PARAM);
  if (!kind) return undefined;
  try {
    if ((KINDS as readonly string[]).includes(kind)) {
      const { startScormSession } = await import('./scorm-session.ts');
      return startScormSession(kind as (typeof KINDS)[number], scenario, hash);
    }
    return offline(`This page was opened for an LMS this course does not know ("${kind}"), so your progress is kept only in this browser.`);
  } catch {
    return offline('The part of the course that talks to your LMS did not load, so your progress is kept only in this browser.');
  }
}

/** A session that reports nothing and says why once. */
export function offline(notice: string): LmsSession {
  return { notice, resume: (local) => local, record: () => '' };
}
