import type { PlayerContext } from '../../engine/machine.ts';
import type { Scenario } from '../../engine/model.ts';
import { buildAttemptRecord } from '../../engine/attempt-record.ts';
import { scoreAttempt } from '../../engine/score.ts';
import {
  addActiveTime,
  clearAttempt,
  newId,
  saveAttempt,
  type LoadResult,
  type SavedAttempt,
} from '../../lib/attempt-store.ts';
import { hasResult, readTrainee, saveResult } from '../../lib/results-store.ts';
import { requestPersistence } from '../../lib/storage.ts';

/** The one-sentence notices the player can show. */
export const NOTICES = {
  resumed: 'Welcome back: you are where you left off. Use “Start over” to begin again.',
  changed:
    'This scenario was updated since you started it, so it starts again from the beginning. Finished results are kept.',
  unreadable:
    'Your saved progress could not be read, so the scenario starts from the beginning; the old data is kept on My progress.',
  restoreFailed: 'Your saved progress could not be restored, so the scenario starts from the beginning.',
  memory:
    'This browser is not keeping your progress (private browsing or full storage). Finish here, then download your results from My progress.',
  otherTab:
    'This scenario moved on in another tab, so this tab stopped saving. Reload the page to continue from where the other tab is.',
} as const;

/**
 * Bookkeeping for one attempt: its id, revision, start time and active seconds; saving after each
 * event; and recording the result once the scenario ends. No rules here: scores come from the engine.
 */
export class AttemptSession {
  private record: SavedAttempt;
  /** The revision of this scenario's saved progress that this tab last read or wrote. */
  private seenRev: number;
  stale = false;

  constructor(
    private readonly scenario: Scenario,
    private readonly hash: string,
    saved?: SavedAttempt,
  ) {
    const now = new Date().toISOString();
    this.record = saved ?? {
      format: 'mp201-attempt',
      version: 2,
      scenario: scenario.id,
      hash,
      attemptId: newId(),
      rev: 0,
      startedAt: now,
      savedAt: now,
      seconds: 0,
      snapshot: null,
    };
    this.seenRev = saved?.rev ?? 0;
  }

  /** The notice for what loading found, if any. */
  static noticeFor(loaded: LoadResult): string {
    return loaded.status === 'found'
      ? NOTICES.resumed
      : loaded.status === 'changed'
        ? NOTICES.changed
        : loaded.status === 'unreadable'
          ? NOTICES.unreadable
          : '';
  }

  /** Save the machine's snapshot; returns a notice to show, or '' when all is well. */
  save(snapshot: unknown): string {
    if (this.stale) return NOTICES.otherTab;
    const now = new Date();
    this.record = {
      ...this.record,
      seconds: addActiveTime(this.record.seconds, this.record.savedAt, now.getTime()),
      savedAt: now.toISOString(),
      snapshot,
    };
    if (this.seenRev === 0) requestPersistence();
    const outcome = saveAttempt(this.record, this.seenRev);
    if (outcome === 'stale') this.stale = true;
    else this.record.rev = this.seenRev = this.seenRev + 1;
    return outcome === 'stale' ? NOTICES.otherTab : outcome === 'memory' ? NOTICES.memory : '';
  }

  /** Keep the finished attempt among the results (once), with the engine's score. */
  finish(context: PlayerContext): string {
    if (this.stale || hasResult(this.record.attemptId)) return '';
    const sessionCode = readTrainee().sessionCode;
    const record = buildAttemptRecord(
      this.scenario,
      {
        id: this.record.attemptId,
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
    return saveResult(record) === 'memory' ? NOTICES.memory : '';
  }

  /** Start a new attempt in place of this one. */
  restart(): void {
    clearAttempt(this.scenario.id);
    this.stale = false;
    this.seenRev = 0;
    this.record = new AttemptSession(this.scenario, this.hash).record;
  }
}
