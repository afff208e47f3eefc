import type { Scenario } from '../../engine/model.ts';

/**
 * The scenario player's link to a learning management system. The player calls `resume` once before
 * it starts and `record` after every event; the session reports score, status, interactions and
 * progress to the LMS and ends itself when the page goes away.
 */
export interface LmsSession {
  /** A sentence for the learner about the LMS (not found, not saving, …), a notice key the page holds, or ''. */
  readonly notice: string;
  /** The snapshot to start from: the LMS's saved progress, or `local` (this browser's) when it carries on from it. */
  resume(local: unknown): unknown;
  /** Report a persisted snapshot to the LMS and commit; returns a sentence for the learner, or ''. */
  record(snapshot: unknown): string;
}

/**
 * What the LMS bridge script (src/client/player/lms-bridge.ts, added to pages only inside LMS packages)
 * provides. A cmi5 session answers later: it reads its launch data over the network first.
 */
export type LmsStarter = (kind: string, scenario: Scenario, hash: string) => LmsSession | Promise<LmsSession>;

/** The launch parameter a package's manifest puts on the page's address: `?lms=scorm12`, `scorm2004` or `cmi5`. */
export const LMS_PARAM = 'lms';
/** Where the bridge script leaves its starter for the player. */
export const LMS_GLOBAL = 'mp201Lms';
/**
 * The notice when a page was launched by an LMS but the bridge script is missing: a key of the player's
 * notices (src/client/player/attempt-session.ts), whose text the page holds, so the player carries none.
 */
export const LMS_MISSING = 'lmsMissing';

/**
 * Connect to the LMS that launched this page, if any. On the standalone site this is one
 * query-string check: the bridge is not on the page at all. `npm run package` adds the bridge
 * script ahead of the player in every packaged page, and the manifests launch with `?lms=…`.
 */
export function connectLms(
  scenario: Scenario,
  hash: string,
  search = location.search,
): LmsSession | Promise<LmsSession> | undefined {
  const kind = new URLSearchParams(search).get(LMS_PARAM);
  if (!kind) return undefined;
  const start = (globalThis as Record<string, unknown>)[LMS_GLOBAL] as LmsStarter | undefined;
  return start ? start(kind, scenario, hash) : offline(LMS_MISSING);
}

/** A session that reports nothing and says why once. */
export function offline(notice: string): LmsSession {
  return { notice, resume: (local) => local, record: () => '' };
}
