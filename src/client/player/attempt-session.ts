import type { PlayerContext } from '../../engine/machine.ts';
import type { Scenario } from '../../engine/model.ts';
import { buildAttemptRecord } from '../../engine/attempt-record.ts';
import { scoreAttempt } from '../../engine/score.ts';
import { addActiveTime, newId, saveAttempt, type LoadResult, type SavedAttempt } from '../../lib/attempt-store.ts';
import { readTrainee, saveResult } from '../../lib/results-store.ts';
import { requestPersistence } from '../../lib/storage.ts';
import { LMS_MISSING } from '../../lib/lms/connect.ts';

/** The one-sentence notices the player can show. */
export const NOTICES = {
  resumed: 'Welcome back: you are where you left off.',
  changed:
    'This scenario was updated since you started it, so it starts again from the beginning. Finished results are kept.',
  unreadable:
    'Your saved progress could not be read, so the scenario starts from the beginning; the old data is kept in this browser.',
  newer: 'A newer version of the course has this scenario open in another tab, so this tab does not save. Reload.',
  memory:
    'This browser is not keeping your progress (private browsing or full storage). Download your results before you leave this page.',
  otherTab:
    'This scenario moved on in another tab, so this tab stopped saving. Reload the page to continue from where the other tab is.',
  otherTabFinished: 'Another tab moved on; your finished result is kept all the same.',
  startedOver: 'You started over from the beginning.',
  undone: 'You are back where you were.',
  [LMS_MISSING]:
    'The part of the course that talks to your LMS did not load, so your progress is kept only in this browser.',
} as const;

/**
 * What the player says as the learner moves (to the screen reader's live region, or under a form), with
 * `{name}` where a value goes. Like the notices, the page holds them and the player fills them in.
 */
export const SAYINGS = {
  chose: 'You chose: {choice}. What happens next is shown under your choice.',
  scored:
    '{earned} of {possible} points, {callEarned} of {callPossible} for the call. The key and the reasons are shown.',
  stillOpen: 'Answer every question before you submit. Still open: {open}.',
} as const;

/**
 * A notice by its key. The texts above reach the page as static HTML (PlayerNotice.astro writes them
 * at build time) and the player looks them up by key, so the scenario page's script carries none of them.
 */
export type NoticeKey = keyof typeof NOTICES;

/** What the player should say after a save: nothing, or one notice (and whether to offer a download). */
export interface SaveReport {
  notice: NoticeKey | '';
  /** True when results are held only in this page's memory: the player offers a download. */
  offerDownload: boolean;
}

const OK: SaveReport = { notice: '', offerDownload: false };

/**
 * Bookkeeping for one attempt: its id, revision, start time and active seconds; saving after each
 * event; and recording the result once the scenario ends. No rules here: scores come from the engine.
 */
export class AttemptSession {
  private record: SavedAttempt;
  /** The revision of this scenario's saved progress that this tab last read or wrote. */
  private seenRev: number;
  /** True when another tab (or a newer version) owns the saved progress: this tab stops saving it. */
  stale = false;
  /** True when the stored record must stay untouched (unreadable and not set aside): saves go to memory. */
  private memoryOnly: boolean;
  /** True once this attempt's result has been recorded (or found already kept). */
  private recorded = false;

  constructor(
    private readonly scenario: Scenario,
    private readonly hash: string,
    loaded: LoadResult = { status: 'none', rev: 0 },
  ) {
    const now = new Date().toISOString();
    this.record =
      loaded.status === 'found'
        ? loaded.attempt
        : {
            scenario: scenario.id,
            hash,
            attemptId: newId(),
            startedAt: now,
            savedAt: now,
            seconds: 0,
            snapshot: null,
          };
    // A new attempt after a content update or an unreadable record takes over the stored revision,
    // so its first save replaces the old record instead of being refused as another tab's.
    this.seenRev = loaded.rev;
    this.stale = loaded.status === 'newer';
    this.memoryOnly = loaded.status === 'unreadable' && loaded.kept;
  }

  /** The notice for what loading found, if any. */
  static noticeFor(loaded: LoadResult): NoticeKey | '' {
    return loaded.status === 'none' ? '' : loaded.status === 'found' ? 'resumed' : loaded.status;
  }

  /** Save the machine's snapshot; says what the learner needs to know, if anything. */
  save(snapshot: unknown): SaveReport {
    if (this.stale) return { notice: 'otherTab', offerDownload: false };
    const now = new Date();
    this.record = {
      ...this.record,
      seconds: addActiveTime(this.record.seconds, this.record.savedAt, now.getTime()),
      savedAt: now.toISOString(),
      snapshot,
    };
    if (this.seenRev === 0) requestPersistence();
    const outcome = saveAttempt(this.record, this.seenRev, this.memoryOnly);
    if (outcome.status === 'stale') {
      this.stale = true;
      return { notice: 'otherTab', offerDownload: false };
    }
    this.seenRev = outcome.rev;
    return outcome.status === 'memory' ? { notice: 'memory', offerDownload: true } : OK;
  }

  /**
   * Keep the finished attempt among the results, once, with the engine's score. A tab that another
   * tab overtook still keeps what it played (under its own id): a finished result is never dropped.
   */
  finish(context: PlayerContext): SaveReport {
    if (this.recorded) return OK;
    this.recorded = true;
    const sessionCode = readTrainee().sessionCode;
    const record = buildAttemptRecord(
      this.scenario,
      {
        id: this.stale ? newId() : this.record.attemptId,
        path: context.path,
        answers: context.answers,
        startedAt: this.record.startedAt,
        finishedAt: new Date().toISOString(),
        seconds: this.record.seconds,
        contentHash: this.hash,
        ...(sessionCode ? { sessionCode } : {}),
      },
      scoreAttempt(this.scenario, context.answers),
    );
    // Kept in memory for this visit when the browser refuses it: the player's download includes it.
    const outcome = saveResult(record, true);
    if (outcome.status === 'memory') return { notice: 'memory', offerDownload: true };
    return this.stale ? { notice: 'otherTabFinished', offerDownload: false } : OK;
  }

  /** A new attempt in place of this one; the stored progress is replaced by its first save. */
  restart(): AttemptSession {
    const next = new AttemptSession(this.scenario, this.hash, { status: 'none', rev: this.seenRev });
    next.stale = this.stale;
    next.memoryOnly = this.memoryOnly;
    return next;
  }
}
