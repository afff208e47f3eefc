import type { PlayerContext } from '../../engine/machine.ts';
import type { Scenario } from '../../engine/model.ts';
import { answerInteractions, lmsScore } from '../../engine/lms-report.ts';
import { encodeLmsState } from '../../engine/lms-state.ts';
import {
  answeredStatement,
  finishedStatements,
  initializedStatement,
  terminatedStatement,
  type Cmi5Launch,
  type LaunchData,
  type Reported,
  type Stamp,
  type Statement,
} from './cmi5-statements.ts';
import { offline, type LmsSession } from './connect.ts';
import { LMS_NOTICES, resumePoint } from './scorm-session.ts';

/** The course's own state document: the SCORM bridge's suspend_data encoding and what was reported. */
export const PROGRESS_STATE_ID = 'mp201.progress';
const XAPI_VERSION = '1.0.3';
/** The words of the way back to a cmi5 LMS (its returnURL), on the score card and in the debrief. */
export const EXIT_LABEL = 'Finish and return to the course list';

/** The document stored under PROGRESS_STATE_ID. */
interface ProgressDocument {
  progress: string;
  reported: Reported;
}

/** What one page session keeps in sessionStorage so a reload neither re-uses the fetch URL nor loses the queue. */
interface Kept {
  token: string;
  queue: Statement[];
}

interface Persisted {
  status?: string;
  value?: unknown;
  context?: PlayerContext;
}

/** The browser pieces the session uses; tests pass their own. */
export interface Cmi5Environment {
  net: typeof fetch;
  store: Pick<Storage, 'getItem' | 'setItem'>;
  now: () => number;
  uuid: () => string;
  /** Show a sentence to the learner (the player's notice), for what is found out after a decision. */
  tell: (text: string) => void;
  /** Called once with the LMS's returnURL: the page offers a way back (see src/client/player/lms-bridge.ts). */
  offerExit?: (returnURL: string, exit: () => void) => void;
}

/**
 * A cmi5 AU session for one scenario. Before the player starts: the fetch URL is POSTed once for the
 * auth token (kept in sessionStorage, so a reload does not use it again), LMS.LaunchData is read, and
 * the course's state document gives the place to resume. Then `initialized` is sent, `answered` for
 * every interaction, `completed` and `passed`/`failed` once per registration (Normal launch mode
 * only), and `terminated` when the page goes away. Statements wait in a queue that is sent after
 * every decision and, with `keepalive`, on pagehide; a failed send tells the learner once and is
 * retried with the next decision. The player keeps every answer in this browser meanwhile.
 */
export async function startCmi5Session(
  launch: Cmi5Launch,
  scenario: Scenario,
  hash: string,
  env: Cmi5Environment,
): Promise<LmsSession> {
  const base = launch.endpoint.endsWith('/') ? launch.endpoint : `${launch.endpoint}/`;
  const keptKey = `mp201.cmi5.${launch.registration}.${launch.activityId}`;
  const read = <T>(text: string | null): T | undefined => {
    try {
      return text ? (JSON.parse(text) as T) : undefined;
    } catch {
      return undefined;
    }
  };

  // The fetch URL gives the token once; a reload finds it in sessionStorage.
  let kept = read<Kept>(env.store.getItem(keptKey));
  if (!kept) {
    try {
      const response = await env.net(launch.fetch, { method: 'POST' });
      const body = read<{ 'auth-token'?: string }>(response.ok ? await response.text() : null);
      if (!body?.['auth-token']) throw new Error(`fetch URL answered ${response.status}`);
      kept = { token: body['auth-token'], queue: [] };
    } catch (error) {
      console.warn(`cmi5: no auth token (${String(error)})`);
      return offline(LMS_NOTICES.noApi);
    }
  }
  const token = kept.token;
  const headers = {
    Authorization: `Basic ${token}`,
    'X-Experience-API-Version': XAPI_VERSION,
    'Content-Type': 'application/json',
  };
  const stateUrl = (stateId: string) =>
    `${base}activities/state?${new URLSearchParams({
      stateId,
      activityId: launch.activityId,
      agent: JSON.stringify(launch.actor),
      registration: launch.registration,
    })}`;
  const save = () => {
    try {
      env.store.setItem(keptKey, JSON.stringify(kept));
    } catch {
      // Storage refused (private mode): the queue still lives in memory for this page.
    }
  };
  save();

  let data: LaunchData;
  let saved: ProgressDocument | undefined;
  try {
    const launchData = await env.net(stateUrl('LMS.LaunchData'), { headers });
    if (!launchData.ok) throw new Error(`LMS.LaunchData answered ${launchData.status}`);
    data = (await launchData.json()) as LaunchData;
    const progress = await env.net(stateUrl(PROGRESS_STATE_ID), { headers });
    if (progress.ok) saved = read<ProgressDocument>(await progress.text());
    else if (progress.status !== 404) throw new Error(`the progress document answered ${progress.status}`);
  } catch (error) {
    console.warn(`cmi5: launch data unreadable (${String(error)})`);
    return offline(LMS_NOTICES.noApi);
  }

  const started = env.now();
  const stamp = (): Stamp => ({ id: env.uuid(), timestamp: new Date(env.now()).toISOString() });
  const seconds = () => (env.now() - started) / 1000;
  let reported: Reported = saved?.reported ?? { completed: false, judged: false };
  /** How many answers of the current play have been sent as `answered` statements. */
  let sentAnswers = 0;
  let progress = saved?.progress ?? '';
  let notice = '';
  let failing = false;
  let sending: Promise<void> | undefined;
  let again = false;
  let ended = false;

  const queue = (...statements: Statement[]) => {
    kept!.queue.push(...statements);
    save();
  };
  const stateBody = () => JSON.stringify({ progress, reported } satisfies ProgressDocument);

  /** Send the queue, then the state document; one request at a time, in order. */
  async function flush(): Promise<void> {
    if (sending) {
      again = true;
      return sending;
    }
    sending = (async () => {
      do {
        again = false;
        const batch = kept!.queue.slice();
        try {
          if (batch.length) {
            const sent = await env.net(`${base}statements`, { method: 'POST', headers, body: JSON.stringify(batch) });
            if (!sent.ok) throw new Error(`statements answered ${sent.status}`);
            kept!.queue.splice(0, batch.length);
            save();
          }
          const stored = await env.net(stateUrl(PROGRESS_STATE_ID), { method: 'PUT', headers, body: stateBody() });
          if (!stored.ok) throw new Error(`the progress document answered ${stored.status}`);
          if (failing) env.tell(LMS_NOTICES.savingAgain);
          failing = false;
        } catch (error) {
          console.warn(`cmi5: not sent (${String(error)})`);
          if (!failing) env.tell(LMS_NOTICES.notSaving);
          failing = true;
          return;
        }
      } while (again);
    })().finally(() => (sending = undefined));
    return sending;
  }

  function record(snapshot: unknown): string {
    if (ended) return '';
    const s = (snapshot ?? {}) as Persisted;
    const context = s.context ?? { path: [], answers: [], draft: {} };
    if (context.answers.length < sentAnswers) sentAnswers = 0; // The learner started over.
    queue(
      ...context.answers
        .slice(sentAnswers)
        .flatMap((answer) => answerInteractions(scenario, answer))
        .map((interaction) => answeredStatement(launch, data, stamp(), interaction)),
    );
    sentAnswers = context.answers.length;
    if (s.status === 'done') {
      const finished = finishedStatements(
        launch,
        data,
        stamp,
        lmsScore(scenario, context.answers),
        seconds(),
        reported,
      );
      queue(...finished.statements);
      reported = finished.reported;
    }
    progress = encodeLmsState({ value: s.value, context }, hash);
    void flush();
    return failing ? LMS_NOTICES.notSaving : '';
  }

  /** End the session: `terminated` last, everything sent with keepalive so it outlives the page. */
  function end() {
    if (ended) return;
    ended = true;
    queue(terminatedStatement(launch, data, stamp(), seconds()));
    const body = JSON.stringify(kept!.queue);
    void env.net(`${base}statements`, { method: 'POST', headers, body, keepalive: true }).catch(() => undefined);
    void env
      .net(stateUrl(PROGRESS_STATE_ID), { method: 'PUT', headers, body: stateBody(), keepalive: true })
      .catch(() => undefined);
    // What the LRS missed is rebuilt on the next launch from this browser's copy (chooseResume).
    kept!.queue = [];
    save();
  }
  globalThis.addEventListener?.('pagehide', (event) => {
    if (!event.persisted) end();
  });
  if (data.returnURL) env.offerExit?.(data.returnURL, end);

  queue(initializedStatement(launch, data, stamp()));

  return {
    get notice() {
      return notice;
    },
    resume(local: unknown): unknown {
      const start = resumePoint(scenario, hash, progress, local);
      sentAnswers = start.known;
      notice = start.notice;
      // `initialized` and what only this browser had go out at once.
      record(start.chosen);
      return start.chosen;
    },
    record,
  };
}
