import { CALL_POINTS } from '../../engine/call-credit.ts';
import {
  addToClass,
  answersCsv,
  checkClass,
  classHeatmap,
  classRoster,
  decisionBreakdown,
  notHandedIn,
  otherSessionCodes,
  rosterCsv,
  type ClassCheck,
  type DecisionFacts,
} from '../../engine/gradebook.ts';
import { scoreText, standing, type ResultsFile } from '../../engine/results.ts';
import { CALL_LABELS } from '../../engine/model.ts';
import type { ScoringKey } from '../../engine/verify.ts';
import { download } from '../../lib/download.ts';
import { readResultsFile, refuseBySize } from '../../lib/results-file.ts';
import {
  clearBook,
  EMPTY,
  loadBook,
  updateBook,
  type BookUpdate,
  type ClassBook,
  type FileEntry,
} from '../../lib/gradebook-store.ts';

/**
 * The gradebook page: reads hand-in files (engine and intake decide what is accepted), keeps the class
 * in IndexedDB, has the engine check every attempt, and draws the roster, the checks, the heat map and
 * the decision breakdown. Every name from a file is written as text, never as HTML.
 */
const page = document.querySelector<HTMLElement>('[data-gradebook]');
const props = JSON.parse(document.querySelector('script[data-gradebook-data]')?.textContent ?? 'null') as {
  scenarios: { id: string; title: string }[];
  decisions: Record<string, DecisionFacts[]>;
  labels: Record<string, string>;
  keys: ScoringKey[];
} | null;

type Child = Node | string;
function el(tag: string, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}
const $ = <T extends HTMLElement = HTMLElement>(selector: string) => page!.querySelector<T>(selector)!;
const percentOf = (n: number, of: number) => (of ? `${Math.round((n / of) * 100)}%` : '—');
const band = (p: number | null) => ({ none: 'none', gap: 'low', fair: 'mid', strong: 'high' })[standing(p)];

if (page && props) {
  let book: ClassBook = EMPTY;
  /** A stored class that could not be read: kept untouched until the instructor downloads or clears it. */
  let damaged: { reason: string; raw: unknown } | undefined;
  let check: ClassCheck = new Map();
  let sort: { column: string; descending: boolean } = { column: 'name', descending: false };
  const keys = new Map(props.keys.map((k) => [k.id, k]));
  const session = $<HTMLInputElement>('[data-session]');
  const classList = $<HTMLTextAreaElement>('[data-class-list]');

  const notice = (text: string) => {
    const box = $('[data-book-notice]');
    box.hidden = !text;
    box.textContent = text;
  };
  const NOT_KEPT =
    'This browser is not keeping the gradebook (private browsing or blocked storage): export the CSV files before you close this tab.';

  function showDamaged() {
    notice(
      `The gradebook saved in this browser could not be read (${damaged!.reason}). It has not been changed. Download a copy of it, then clear the gradebook to start again.`,
    );
    $('[data-damaged]').hidden = false;
  }

  /** Put the class's session code and class list in their fields, except a field being edited. */
  function showSettings() {
    if (document.activeElement !== session) session.value = book.sessionCode;
    if (document.activeElement !== classList) classList.value = book.classList.join('\n');
  }

  /** Apply a change to the class as stored now (another tab's imports included), then show the result. */
  async function change(apply: (current: ClassBook) => ClassBook): Promise<BookUpdate> {
    const outcome = await updateBook(book.revision, apply);
    if (!outcome.ok) {
      const stored = await loadBook();
      damaged = { reason: outcome.reason, raw: stored.ok ? undefined : stored.raw };
      showDamaged();
      return outcome;
    }
    book = outcome.book;
    notice(
      !outcome.kept
        ? NOT_KEPT
        : outcome.otherTab
          ? 'Another tab had changed this gradebook; its files and yours are both kept and shown here.'
          : '',
    );
    // Show another tab's session code and class list, but never under the instructor's typing.
    if (outcome.otherTab) showSettings();
    render();
    return outcome;
  }

  function renderFiles() {
    $('[data-file-log]').replaceChildren(
      ...book.files.map((f: FileEntry) =>
        el(
          'li',
          { class: f.status },
          el('strong', {}, f.name),
          `: ${f.status === 'imported' ? f.detail : `skipped, ${f.detail}`}`,
          ...(f.flagged ? [el('span', { class: 'flag' }, ` Flag: ${f.flagged}`)] : []),
        ),
      ),
      ...(book.files.some((f) => f.status === 'skipped')
        ? [
            el(
              'li',
              { class: 'hint' },
              'For a skipped file, ask the learner to press “Hand in my results” on My progress again and send the new file.',
            ),
          ]
        : []),
    );
  }

  function renderRoster() {
    const only = $<HTMLSelectElement>('[data-roster-scenario]').value;
    const filter = $<HTMLInputElement>('[data-roster-filter]').value.trim().toLowerCase();
    const ids = only ? [only] : props!.scenarios.map((s) => s.id);
    let rows = classRoster(book.learners, ids, check).filter((r) => r.learner.name.toLowerCase().includes(filter));
    const value = (r: (typeof rows)[number], column: string): string | number => {
      if (column === 'name') return r.learner.name.toLowerCase();
      if (column === 'passed') return r.progress.filter((p) => p.status === 'passed').length;
      if (column === 'time') return r.progress.reduce((t, p) => t + p.seconds, 0);
      if (column === 'attempts') return r.progress.reduce((t, p) => t + p.attempts, 0);
      if (column === 'checks') return flaggedCount(r.learner.key);
      return r.progress.find((p) => p.scenario === column)?.best?.percent ?? -1;
    };
    rows = [...rows].sort((a, b) => {
      const x = value(a, sort.column);
      const y = value(b, sort.column);
      return (x < y ? -1 : x > y ? 1 : 0) * (sort.descending ? -1 : 1);
    });
    const columns: [string, string][] = only
      ? [
          ['name', 'Learner'],
          ['best', 'Best score (self-reported)'],
          ['passed', 'Passed'],
          ['attempts', 'Attempts'],
          ['time', 'Time'],
          ['checks', 'Checks'],
        ]
      : [
          ['name', 'Learner'],
          ['passed', 'Passed'],
          ['time', 'Time'],
          ['checks', 'Checks'],
          ...props!.scenarios.map((s) => [s.id, s.title] as [string, string]),
        ];
    const table = $('[data-roster]');
    const header = el(
      'tr',
      {},
      ...columns.map(([id, label]) => {
        const column = id === 'best' ? only : id;
        const th = el(
          'th',
          { scope: 'col' },
          el('button', { type: 'button', class: 'sort', 'data-sort': column }, label),
        );
        if (sort.column === column) th.setAttribute('aria-sort', sort.descending ? 'descending' : 'ascending');
        return th;
      }),
    );
    table.querySelector('thead')!.replaceChildren(header);
    table.querySelector('tbody')!.replaceChildren(
      ...rows.map(({ learner, progress }) => {
        const passed = progress.filter((p) => p.status === 'passed').length;
        const minutes = `${Math.round(progress.reduce((t, p) => t + p.seconds, 0) / 60)} min`;
        const name = el(
          'th',
          { scope: 'row' },
          learner.name,
          ...(learner.memberId ? [el('span', { class: 'meta' }, ` ${learner.memberId}`)] : []),
        );
        const checks = el('td', {}, checksSummary(learner.key, learner.attempts.length));
        /** The best attempt's self-reported score, its pass as checked, and marks for flags and an older scoring version. */
        const score = (p: (typeof progress)[number]) => {
          if (!p.best) return ['—'];
          const attempt = check.get(learner.key)?.attempts.get(p.best.id);
          return [
            `${scoreText(p.best.percent, p.best.scoringVersion)}${p.status === 'passed' ? ' ✓' : ''}`,
            ...(attempt && !attempt.verified ? [el('span', { class: 'flag' }, ' ⚑ flagged')] : []),
          ];
        };
        if (only) {
          const p = progress[0]!;
          return el(
            'tr',
            {},
            name,
            el('td', {}, ...score(p)),
            el('td', {}, p.status === 'passed' ? 'yes' : 'no'),
            el('td', {}, String(p.attempts)),
            el('td', {}, `${Math.round(p.seconds / 60)} min`),
            checks,
          );
        }
        return el(
          'tr',
          {},
          name,
          el('td', {}, `${passed} of ${progress.length}`),
          el('td', {}, minutes),
          checks,
          ...progress.map((p) => el('td', { class: p.status === 'passed' ? 'passed' : '' }, ...score(p))),
        );
      }),
    );
    const missing = notHandedIn(book.classList, book.learners);
    $('[data-missing-wrap]').hidden = missing.length === 0;
    $('[data-missing]').replaceChildren(...missing.map((n) => el('li', {}, n)));
  }

  /** Attempts of a learner with at least one flag, plus one for a flag on the learner (a shared member number). */
  function flaggedCount(key: string): number {
    const c = check.get(key);
    if (!c) return 0;
    return [...c.attempts.values()].filter((a) => !a.verified).length + (c.flags.length ? 1 : 0);
  }

  function checksSummary(key: string, attempts: number): string {
    const c = check.get(key);
    const verified = c ? [...c.attempts.values()].filter((a) => a.verified).length : 0;
    const words = `${verified} of ${attempts} attempt${attempts === 1 ? '' : 's'} verified`;
    return c?.flags.length ? `${words}; ${c.flags.map((f) => f.message).join('; ')}` : words;
  }

  /** Every flag, learner by learner and attempt by attempt, in plain sentences. */
  function renderChecks() {
    const title = new Map(props!.scenarios.map((s) => [s.id, s.title]));
    const items = book.learners.flatMap((learner) => {
      const c = check.get(learner.key);
      if (!c) return [];
      const lines = [
        ...c.flags.map((f) => f.message),
        ...learner.attempts.flatMap((a) => {
          const found = c.attempts.get(a.id);
          if (!found || found.verified) return [];
          const which = `${title.get(a.scenario) ?? a.scenario}, finished ${a.finishedAt.slice(0, 10)}`;
          return found.flags.map((f) => `${which}: ${f.message}`);
        }),
      ];
      return lines.length
        ? [el('li', {}, el('strong', {}, learner.name), el('ul', {}, ...lines.map((l) => el('li', {}, l))))]
        : [];
    });
    const attempts = book.learners.reduce((t, l) => t + l.attempts.length, 0);
    const verified = [...check.values()].reduce(
      (t, c) => t + [...c.attempts.values()].filter((a) => a.verified).length,
      0,
    );
    $('[data-checks-summary]').textContent = attempts
      ? `${verified} of ${attempts} attempts verified; ${items.length} learner${items.length === 1 ? '' : 's'} with something to look at.`
      : 'No attempts yet.';
    $('[data-checks]').replaceChildren(...items);
  }

  function renderHeatmap() {
    const rows = classHeatmap(book.learners);
    const body = $('[data-heatmap]').querySelector('tbody')!;
    const classRow = rows.length
      ? [
          el(
            'tr',
            { class: 'class-row' },
            el('th', { scope: 'row' }, 'Whole class'),
            ...rows[0]!.cells.map((_, i) => {
              const values = rows.map((r) => r.cells[i]).filter((v): v is number => v !== null);
              const avg = values.length ? Math.round(values.reduce((t, v) => t + v, 0) / values.length) : null;
              return el('td', { class: `heat-${band(avg)}` }, avg === null ? '—' : `${avg}%`);
            }),
          ),
        ]
      : [];
    body.replaceChildren(
      ...classRow,
      ...rows.map((r) =>
        el(
          'tr',
          {},
          el('th', { scope: 'row' }, r.learner.name),
          ...r.cells.map((c) => el('td', { class: `heat-${band(c)}` }, c === null ? '—' : `${c}%`)),
        ),
      ),
    );
  }

  let breakdownChosen = false;
  function renderBreakdown() {
    const select = $<HTMLSelectElement>('[data-breakdown-scenario]');
    if (!breakdownChosen) {
      // Until the instructor picks one, show the scenario the most learners have played.
      const played = props!.scenarios.map(
        (s) => [s.id, book.learners.filter((l) => l.attempts.some((a) => a.scenario === s.id)).length] as const,
      );
      const top = played.reduce((best, x) => (x[1] > best[1] ? x : best), played[0]!);
      if (top[1] > 0) select.value = top[0];
    }
    const scenario = select.value;
    const breakdowns = decisionBreakdown(scenario, props!.decisions[scenario] ?? [], book.learners);
    $('[data-breakdown]').replaceChildren(
      ...breakdowns.map((b, n) =>
        el(
          'table',
          { class: 'breakdown' },
          el(
            'caption',
            {},
            `Decision ${n + 1}: ${b.decision.title} (${b.answered} learner${b.answered === 1 ? '' : 's'} answered)`,
          ),
          el(
            'thead',
            {},
            el(
              'tr',
              {},
              el('th', { scope: 'col' }, 'Question'),
              el('th', { scope: 'col' }, 'Yes'),
              el('th', { scope: 'col' }, 'No'),
              el('th', { scope: 'col' }, 'Key'),
            ),
          ),
          el(
            'tbody',
            {},
            ...b.questions.map((q) =>
              el(
                'tr',
                {},
                el('th', { scope: 'row' }, props!.labels[`q.${q.key}`] ?? `${q.letter}. ${q.key}`),
                el('td', {}, `${q.yes} (${percentOf(q.yes, b.answered)})`),
                el('td', {}, `${q.no} (${percentOf(q.no, b.answered)})`),
                el('td', {}, q.expected),
              ),
            ),
            el(
              'tr',
              { class: 'call-row' },
              el('th', { scope: 'row' }, 'The call'),
              el(
                'td',
                { colspan: '2' },
                (['act', 'ask', 'decline'] as const)
                  .map(
                    (c) =>
                      `${CALL_LABELS[c]}: ${b.calls[c]} (${percentOf(b.calls[c], b.answered)}; ${b.credit[c]} of ${CALL_POINTS} points each)`,
                  )
                  .join('; '),
              ),
              el('td', {}, CALL_LABELS[b.rightCall]),
            ),
            el(
              'tr',
              { class: 'call-row' },
              el('th', { scope: 'row' }, 'Points for the call'),
              el(
                'td',
                { colspan: '3' },
                `${b.callEarned} of ${b.callPossible} (${percentOf(b.callEarned, b.callPossible)}), partial credit included`,
              ),
            ),
          ),
        ),
      ),
    );
  }

  const render = () => {
    try {
      check = checkClass(book.learners, keys, { sessionCode: book.sessionCode, now: Date.now() });
      renderFiles();
      renderRoster();
      renderChecks();
      renderHeatmap();
      renderBreakdown();
    } catch {
      // Stored data passed validation but still could not be drawn: say so; Clear and the exports stay usable.
      notice(
        'Part of the gradebook could not be shown. Export the CSV files, then clear the gradebook and import the files again.',
      );
    }
  };

  async function addFiles(files: readonly File[]) {
    const status = $('[data-import-status]');
    if (damaged) {
      status.textContent = 'Nothing was imported: download a copy of the damaged gradebook and clear it first.';
      return;
    }
    // Read every file first; then add them all in one change to the class as stored now.
    const readings: ({ name: string; file: ResultsFile } | { name: string; skipped: string })[] = [];
    for (const [i, file] of files.entries()) {
      status.textContent = `Reading ${i + 1} of ${files.length}…`;
      const refused = refuseBySize(file.size);
      if (refused) {
        readings.push({ name: file.name, skipped: refused });
        continue;
      }
      const handIn = readResultsFile(await file.text());
      readings.push(handIn.ok ? { name: file.name, file: handIn.file } : { name: file.name, skipped: handIn.reason });
    }
    const imported = readings.filter((r) => 'file' in r).length;
    const outcome = await change((current) => {
      let next = current;
      for (const r of readings) {
        if (!('file' in r)) {
          next = { ...next, files: [...next.files, { name: r.name, status: 'skipped', detail: r.skipped }] };
          continue;
        }
        const others = otherSessionCodes(r.file, next.sessionCode);
        const { learners, added } = addToClass(next.learners, r.file, r.name);
        const entry: FileEntry = {
          name: r.name,
          status: 'imported',
          detail: `${r.file.trainee.name}, ${added ? `${added} new attempt${added === 1 ? '' : 's'}` : 'nothing new (already imported)'}`,
          ...(others.length ? { flagged: `session ${others.join(', ')}, not ${next.sessionCode}` } : {}),
        };
        next = { ...next, learners, files: [...next.files, entry] };
      }
      return next;
    });
    status.textContent = outcome.ok
      ? `${imported} of ${files.length} file${files.length === 1 ? '' : 's'} imported.`
      : 'Nothing was imported: the saved gradebook could not be read.';
  }

  const input = $<HTMLInputElement>('[data-files]');
  input.addEventListener('change', () => {
    void addFiles([...(input.files ?? [])]).then(() => (input.value = ''));
  });
  const zone = $('[data-drop]');
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('over');
    void addFiles([...(event.dataTransfer?.files ?? [])]);
  });
  session.addEventListener('change', () => {
    const sessionCode = session.value.trim();
    void change((current) => ({ ...current, sessionCode }));
  });
  classList.addEventListener('change', () => {
    const names = classList.value
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    void change((current) => ({ ...current, classList: names }));
  });
  $('[data-roster-filter]').addEventListener('input', renderRoster);
  $('[data-roster-scenario]').addEventListener('change', renderRoster);
  $('[data-breakdown-scenario]').addEventListener('change', () => {
    breakdownChosen = true;
    renderBreakdown();
  });
  $('[data-roster]').addEventListener('click', (event) => {
    const column = (event.target as Element).closest<HTMLElement>('[data-sort]')?.dataset.sort;
    if (!column) return;
    sort = { column, descending: sort.column === column ? !sort.descending : column !== 'name' };
    renderRoster();
    page.querySelector<HTMLElement>(`[data-sort="${column}"]`)?.focus();
  });
  const stamp = () => new Date().toISOString().slice(0, 10);
  const code = () => (book.sessionCode || 'class').replace(/[^\w-]+/g, '-');
  $('[data-roster-csv]').addEventListener('click', () =>
    download(`${code()}-roster-${stamp()}.csv`, rosterCsv(book.learners, props.scenarios, check), 'text/csv'),
  );
  $('[data-answers-csv]').addEventListener('click', () =>
    download(`${code()}-answers-${stamp()}.csv`, answersCsv(book.learners, props.decisions), 'text/csv'),
  );
  $('[data-print]').addEventListener('click', () => print());
  $('[data-download-damaged]').addEventListener('click', () =>
    download(`gradebook-damaged-${stamp()}.json`, JSON.stringify(damaged?.raw ?? null, null, 2), 'application/json'),
  );
  $('[data-clear-book]').addEventListener('click', () => {
    if (!confirm('Clear the whole class from this gradebook? Export the CSV files first if you need them.')) return;
    void clearBook().then(() => {
      book = EMPTY;
      damaged = undefined;
      $('[data-damaged]').hidden = true;
      notice('');
      session.value = '';
      classList.value = '';
      $('[data-import-status]').textContent = 'The gradebook is empty.';
      render();
    });
  });

  /** Show the class as stored (on load, and when the tab comes back into view after another tab changed it). */
  async function reload() {
    const loaded = await loadBook();
    page!.hidden = false;
    if (!loaded.ok) {
      damaged = { reason: loaded.reason, raw: loaded.raw };
      showDamaged();
      return;
    }
    book = loaded.book;
    showSettings();
    notice(loaded.kept ? '' : NOT_KEPT);
    render();
  }
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && !damaged) void reload();
  });
  void reload();
}
