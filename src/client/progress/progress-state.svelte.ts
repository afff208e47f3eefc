import { counted, progressView, type ProgressView } from '../../engine/progress-view.ts';
import { resultsToCsv } from '../../engine/csv.ts';
import type { Trainee } from '../../engine/results-schema.ts';
import { download, fileSafe } from '../../lib/download.ts';
import {
  clearLearnerData,
  importResultsFile,
  loadLearnerData,
  restoreLearnerData,
  toResultsFile,
  type Deleted,
  type LearnerData,
} from '../../lib/progress-data.ts';
import { saveTrainee } from '../../lib/results-store.ts';
import { storageUnavailable } from '../../lib/storage-admin.ts';
import type { ProgressPageProps } from './props.ts';

/** The learner's details as typed in the form (untrimmed, so typing is never rewritten under the cursor). */
export interface Details {
  name: string;
  memberId: string;
  sessionCode: string;
}

const detailsOf = (t: Trainee): Details => ({
  name: t.name,
  memberId: t.memberId ?? '',
  sessionCode: t.sessionCode ?? '',
});
const today = () => new Date().toISOString().slice(0, 10);

/**
 * The progress page's state: the learner's results as read from this browser, their details, the
 * last message, and what "Delete my results" removed (for Undo). Each method is one thing the
 * learner does; every write is checked and its failure told in `message`. Figures come from
 * `progressView` in the engine.
 */
export class ProgressState {
  data: LearnerData = $state.raw(loadLearnerData());
  details: Details = $state.raw(detailsOf(this.data.trainee));
  message = $state.raw('');
  deleted: Deleted | undefined = $state.raw(undefined);
  /** True when this browser keeps nothing (private browsing, blocked or full storage). */
  storageBlocked = $state.raw(storageUnavailable());
  /** Everything the page shows, from the engine. */
  readonly view: ProgressView;

  constructor(props: ProgressPageProps) {
    this.view = $derived(progressView(this.data, props));
  }

  /** Read the results again after a change. */
  #reload(): void {
    this.data = loadLearnerData();
    this.storageBlocked = storageUnavailable();
  }

  /** The details as saved and written on files: trimmed, optional fields left out when empty. */
  get trainee(): Trainee {
    const { name, memberId, sessionCode } = this.details;
    return {
      name: name.trim(),
      ...(memberId.trim() ? { memberId: memberId.trim() } : {}),
      ...(sessionCode.trim() ? { sessionCode: sessionCode.trim() } : {}),
    };
  }

  /** Change one detail and keep it in this browser. */
  setDetail(field: keyof Details, value: string): void {
    this.details = { ...this.details, [field]: value };
    if (saveTrainee(this.trainee).status !== 'saved') {
      this.message = 'Your details are kept for this visit only: this browser is not saving data.';
      this.storageBlocked = storageUnavailable();
    }
  }

  /** Download the attempts that count for the session code, as one file for the instructor. */
  handIn(): 'no-name' | 'nothing' | 'done' {
    const who = this.trainee;
    const code = who.sessionCode ?? '';
    const attempts = this.data.attempts.filter((a) => a.sessionCode === code);
    if (!who.name) {
      this.message = 'Add your name first: your instructor needs it to match your results to you.';
      return 'no-name';
    }
    if (!attempts.length) {
      this.message = `No finished scenario counts for session ${code} yet. Play the scenarios with the session code set, then hand in.`;
      return 'nothing';
    }
    download(
      `${fileSafe(code)}_${fileSafe(who.name)}.json`,
      JSON.stringify(toResultsFile(who, attempts), null, 2),
      'application/json',
    );
    this.message = `Your file for session ${code} has ${counted(attempts.length, 'attempt', 'attempts')}. Give it to your instructor (shared folder or email).`;
    return 'done';
  }

  /** Download every result as a results file (JSON) or as a spreadsheet (CSV). */
  exportResults(format: 'json' | 'csv'): void {
    const file = toResultsFile(this.trainee, this.data.attempts);
    const name = `mp201-results-${fileSafe(this.trainee.name)}-${today()}`;
    if (format === 'json') download(`${name}.json`, JSON.stringify(file, null, 2), 'application/json');
    else download(`${name}.csv`, resultsToCsv(file), 'text/csv');
  }

  /** Download the records that could not be read. */
  downloadSetAside(): void {
    download(`mp201-set-aside-${today()}.json`, JSON.stringify(this.data.setAside, null, 2), 'application/json');
  }

  /** Import a results file: a bad or oversized file changes nothing; the outcome is told in one sentence. */
  async importFile(file: File): Promise<void> {
    const outcome = await importResultsFile(file, this.data.attempts);
    this.message = outcome.message;
    if (outcome.status === 'refused') return;
    this.#reload();
    if (!this.details.name && outcome.trainee.name) {
      this.details = { ...this.details, name: outcome.trainee.name, memberId: outcome.trainee.memberId ?? '' };
      const kept = saveTrainee(this.trainee).status === 'saved';
      if (!kept)
        this.message += ' Your name from the file is kept for this visit only: this browser is not saving data.';
    }
  }

  /** Delete the learner's data from this browser; it can be undone while the page is open. */
  clear(): void {
    const deleted = clearLearnerData();
    this.deleted = deleted;
    this.#reload();
    this.details = detailsOf(this.data.trainee);
    const setAside = deleted.setAside
      ? ` and ${counted(deleted.setAside, 'set-aside record', 'set-aside records')}`
      : '';
    this.message = `Deleted from this browser: ${counted(deleted.results, 'result', 'results')}, ${counted(deleted.inProgress, 'scenario in progress', 'scenarios in progress')}, your name and session details${setAside}. Drill records of this station were kept. Undo brings everything back while this page is open.`;
  }

  /** Put back what `clear` removed. */
  undoClear(): void {
    if (!this.deleted) return;
    const notKept = restoreLearnerData(this.deleted);
    this.deleted = undefined;
    this.#reload();
    this.details = detailsOf(this.data.trainee);
    this.message = notKept
      ? `Your results are back for this visit, but this browser could not keep ${notKept} of them: download your results now.`
      : 'Your results are back.';
  }
}
