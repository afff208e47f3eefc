import {
  addReadings,
  classAnswersCsv,
  checkedRosterCsv,
  exportFileName,
  classListOf,
  DEFAULT_FILTER,
  gradebookView,
  importSummary,
  nextSort,
  type FileReading,
  type GradebookCatalogue,
  type GradebookFilter,
  type GradebookView,
} from '../../engine/gradebook-view.ts';
import { download } from '../../lib/download.ts';
import { clearBook, EMPTY, loadBook, updateBook, type ClassBook } from '../../lib/gradebook-store.ts';
import { readResultsFile, refuseBySize } from '../../lib/results-file.ts';

const NOT_KEPT =
  'This browser is not keeping the gradebook (private browsing or blocked storage): export the CSV files before you close this tab.';
const OTHER_TAB = 'Another tab had changed this gradebook; its files and yours are both kept and shown here.';
const NOT_SHOWN =
  'Part of the gradebook could not be shown. Export the CSV files, then clear the gradebook and import the files again.';

/** A field the instructor may be typing in: another tab's value never replaces it mid-edit. */
export type EditedField = 'session' | 'classList';

/**
 * The gradebook page's state: the class as stored, what the instructor chose to see, and the
 * sentences the page says. Every change goes through the store (one checked write, applied to the
 * class as stored now); every figure comes from `gradebookView`.
 */
export class GradebookState {
  /** The class as last read or saved. */
  book = $state.raw<ClassBook>(EMPTY);
  /** A stored class that could not be read: kept untouched until the instructor downloads or clears it. */
  damaged = $state.raw<{ reason: string; raw: unknown } | undefined>(undefined);
  /** False until the stored class has been read once. */
  loaded = $state.raw(false);
  filter = $state.raw<GradebookFilter>(DEFAULT_FILTER);
  /** The page-wide notice (storage not kept, another tab, a damaged record); '' for none. */
  notice = $state.raw('');
  /** What the last import or clear did, for the live region. */
  importStatus = $state.raw('');
  /** The session code and class list as shown in their fields. */
  sessionField = $state.raw('');
  classListField = $state.raw('');
  /** The figures on the page, or undefined when the stored class could not be drawn. */
  readonly view: GradebookView | undefined = $derived.by(() => {
    try {
      return gradebookView(this.book, this.catalogue, this.filter, this.now());
    } catch {
      return undefined;
    }
  });

  readonly catalogue: GradebookCatalogue;
  /** The clock the plausibility checks and file names use. */
  readonly now: () => number;
  #editing: EditedField | undefined;

  constructor(catalogue: GradebookCatalogue, now: () => number = Date.now) {
    this.catalogue = catalogue;
    this.now = now;
  }

  /** Say whether a field is being typed in (its value is then left alone when another tab saves). */
  editing(field: EditedField, active: boolean): void {
    this.#editing = active ? field : this.#editing === field ? undefined : this.#editing;
  }

  /** The sentence shown above the page: a problem with storage wins over a drawing problem. */
  get message(): string {
    return this.notice || (this.view ? '' : NOT_SHOWN);
  }

  #showSettings(): void {
    if (this.#editing !== 'session') this.sessionField = this.book.sessionCode;
    if (this.#editing !== 'classList') this.classListField = this.book.classList.join('\n');
  }

  #showDamaged(reason: string, raw: unknown): void {
    this.damaged = { reason, raw };
    this.notice = `The gradebook saved in this browser could not be read (${reason}). It has not been changed. Download a copy of it, then clear the gradebook to start again.`;
  }

  /** Read the class as stored (on start, and when the tab comes back after another tab changed it). */
  async load(): Promise<void> {
    const loaded = await loadBook();
    this.loaded = true;
    if (loaded.status === 'damaged') return this.#showDamaged(loaded.reason, loaded.raw);
    this.book = loaded.book;
    this.notice = loaded.status === 'memory' ? NOT_KEPT : '';
    this.#showSettings();
  }

  /** Apply a change to the class as stored now (another tab's imports included); false when nothing was saved. */
  async #change(apply: (current: ClassBook) => ClassBook): Promise<boolean> {
    const outcome = await updateBook(this.book.revision, apply);
    if (!('book' in outcome)) {
      const stored = await loadBook();
      this.#showDamaged(outcome.reason, stored.status === 'damaged' ? stored.raw : undefined);
      return false;
    }
    this.book = outcome.book;
    this.notice = outcome.status === 'memory' ? NOT_KEPT : outcome.otherTab ? OTHER_TAB : '';
    // Show another tab's session code and class list, but never under the instructor's typing.
    if (outcome.otherTab) this.#showSettings();
    return true;
  }

  /** Read every file (refusing what is too large or not a results file), then add them all in one change. */
  async importFiles(files: readonly File[]): Promise<void> {
    if (this.damaged) {
      this.importStatus = 'Nothing was imported: download a copy of the damaged gradebook and clear it first.';
      return;
    }
    const readings: FileReading[] = [];
    for (const [i, file] of files.entries()) {
      this.importStatus = `Reading ${i + 1} of ${files.length}…`;
      const refused = refuseBySize(file.size);
      if (refused) {
        readings.push({ name: file.name, skipped: refused });
        continue;
      }
      const handIn = readResultsFile(await file.text());
      readings.push(
        handIn.status === 'read' ? { name: file.name, file: handIn.file } : { name: file.name, skipped: handIn.reason },
      );
    }
    const saved = await this.#change((current) => addReadings(current, readings));
    this.importStatus = importSummary(readings, saved);
  }

  /** Keep the session code as typed (trimmed). */
  async setSessionCode(text: string): Promise<void> {
    this.sessionField = text;
    const sessionCode = text.trim();
    await this.#change((current) => ({ ...current, sessionCode }));
  }

  /** Keep the class list as typed, one name a line. */
  async setClassList(text: string): Promise<void> {
    this.classListField = text;
    const classList = classListOf(text);
    await this.#change((current) => ({ ...current, classList }));
  }

  /** Show only learners whose name contains `text`. */
  findLearner(text: string): void {
    this.filter = { ...this.filter, learner: text };
  }

  /** Show one scenario's column in the roster ('' for all). */
  showScenario(id: string): void {
    this.filter = { ...this.filter, scenario: id };
  }

  /** Sort the roster by a column (pressed again, the other way round). */
  sortBy(column: string): void {
    this.filter = { ...this.filter, sort: nextSort(this.filter.sort, column) };
  }

  /** Debrief another scenario's decisions. */
  chooseBreakdown(id: string): void {
    this.filter = { ...this.filter, breakdown: id };
  }

  /** Download the roster, one row per learner and scenario, with what checking found. */
  exportRoster(): void {
    const name = exportFileName(this.book.sessionCode, 'roster', 'csv', this.now());
    download(name, checkedRosterCsv(this.book, this.catalogue, this.now()), 'text/csv');
  }

  /** Download every answer to every decision. */
  exportAnswers(): void {
    download(
      exportFileName(this.book.sessionCode, 'answers', 'csv', this.now()),
      classAnswersCsv(this.book, this.catalogue),
      'text/csv',
    );
  }

  /** Download the stored class that could not be read, exactly as stored. */
  downloadDamaged(): void {
    download(
      exportFileName('gradebook', 'damaged', 'json', this.now()),
      JSON.stringify(this.damaged?.raw ?? null, null, 2),
      'application/json',
    );
  }

  /** Print the class summary (the print stylesheet lays it out landscape, in blocks). */
  print(): void {
    window.print();
  }

  /** Remove the class (and a damaged record) from this browser. */
  async clear(): Promise<void> {
    await clearBook();
    this.book = EMPTY;
    this.damaged = undefined;
    this.notice = '';
    this.sessionField = '';
    this.classListField = '';
    this.importStatus = 'The gradebook is empty.';
  }
}
