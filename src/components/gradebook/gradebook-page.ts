import {
  addToClass,
  answersCsv,
  classHeatmap,
  classRoster,
  decisionBreakdown,
  notHandedIn,
  otherSessionCodes,
  rosterCsv,
  type DecisionFacts,
} from '../../engine/gradebook.ts';
import { standing } from '../../engine/results.ts';
import { CALL_LABELS } from '../../engine/model.ts';
import { download } from '../../lib/download.ts';
import { readResultsFile, refuseBySize } from '../../lib/results-file.ts';
import { clearBook, EMPTY, loadBook, saveBook, type ClassBook, type FileEntry } from '../../lib/gradebook-store.ts';

/**
 * The gradebook page: reads hand-in files (engine and intake decide what is accepted), keeps the class
 * in IndexedDB, and draws the roster, heat map and decision breakdown. Every name from a file is
 * written as text, never as HTML.
 */
const page = document.querySelector<HTMLElement>('[data-gradebook]');
const props = JSON.parse(document.querySelector('script[data-gradebook-data]')?.textContent ?? 'null') as {
  scenarios: { id: string; title: string }[];
  decisions: Record<string, DecisionFacts[]>;
  labels: Record<string, string>;
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
  let sort: { column: string; descending: boolean } = { column: 'name', descending: false };

  const persist = async () => {
    const kept = await saveBook(book);
    const notice = $('[data-book-notice]');
    notice.hidden = kept;
    notice.textContent = kept
      ? ''
      : 'This browser is not keeping the gradebook (private browsing or blocked storage): export the CSV files before you close this tab.';
  };

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
    let rows = classRoster(book.learners, ids).filter((r) => r.learner.name.toLowerCase().includes(filter));
    const value = (r: (typeof rows)[number], column: string): string | number => {
      if (column === 'name') return r.learner.name.toLowerCase();
      if (column === 'passed') return r.progress.filter((p) => p.status === 'passed').length;
      if (column === 'time') return r.progress.reduce((t, p) => t + p.seconds, 0);
      if (column === 'attempts') return r.progress.reduce((t, p) => t + p.attempts, 0);
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
          ['best', 'Best score'],
          ['passed', 'Passed'],
          ['attempts', 'Attempts'],
          ['time', 'Time'],
        ]
      : [
          ['name', 'Learner'],
          ['passed', 'Passed'],
          ['time', 'Time'],
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
        if (only) {
          const p = progress[0]!;
          return el(
            'tr',
            {},
            name,
            el('td', {}, p.best ? `${p.best.percent}%` : '—'),
            el('td', {}, p.best?.passed ? 'yes' : 'no'),
            el('td', {}, String(p.attempts)),
            el('td', {}, `${Math.round(p.seconds / 60)} min`),
          );
        }
        return el(
          'tr',
          {},
          name,
          el('td', {}, `${passed} of ${progress.length}`),
          el('td', {}, minutes),
          ...progress.map((p) =>
            el(
              'td',
              { class: p.status === 'passed' ? 'passed' : '' },
              p.best ? `${p.best.percent}%${p.best.passed ? ' ✓' : ''}` : '—',
            ),
          ),
        );
      }),
    );
    const missing = notHandedIn(book.classList, book.learners);
    $('[data-missing-wrap]').hidden = missing.length === 0;
    $('[data-missing]').replaceChildren(...missing.map((n) => el('li', {}, n)));
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
                  .map((c) => `${CALL_LABELS[c]}: ${b.calls[c]} (${percentOf(b.calls[c], b.answered)})`)
                  .join('; '),
              ),
              el('td', {}, CALL_LABELS[b.rightCall]),
            ),
          ),
        ),
      ),
    );
  }

  const render = () => {
    renderFiles();
    renderRoster();
    renderHeatmap();
    renderBreakdown();
  };

  async function addFiles(files: readonly File[]) {
    const status = $('[data-import-status]');
    let imported = 0;
    for (const [i, file] of files.entries()) {
      status.textContent = `Reading ${i + 1} of ${files.length}…`;
      const refused = refuseBySize(file.size);
      if (refused) {
        book = { ...book, files: [...book.files, { name: file.name, status: 'skipped', detail: refused }] };
        continue;
      }
      const handIn = readResultsFile(await file.text());
      if (!handIn.ok) {
        book = { ...book, files: [...book.files, { name: file.name, status: 'skipped', detail: handIn.reason }] };
        continue;
      }
      const others = otherSessionCodes(handIn.file, book.sessionCode);
      const { learners, added } = addToClass(book.learners, handIn.file, file.name);
      book = {
        ...book,
        learners,
        files: [
          ...book.files,
          {
            name: file.name,
            status: 'imported',
            detail: `${handIn.file.trainee.name}, ${added ? `${added} new attempt${added === 1 ? '' : 's'}` : 'nothing new (already imported)'}`,
            ...(others.length ? { flagged: `session ${others.join(', ')}, not ${book.sessionCode}` } : {}),
          },
        ],
      };
      imported++;
    }
    status.textContent = `${imported} of ${files.length} file${files.length === 1 ? '' : 's'} imported.`;
    await persist();
    render();
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
  const session = $<HTMLInputElement>('[data-session]');
  const classList = $<HTMLTextAreaElement>('[data-class-list]');
  session.addEventListener('change', () => {
    book = { ...book, sessionCode: session.value.trim() };
    void persist();
  });
  classList.addEventListener('change', () => {
    book = {
      ...book,
      classList: classList.value
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean),
    };
    void persist();
    renderRoster();
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
    download(`${code()}-roster-${stamp()}.csv`, rosterCsv(book.learners, props.scenarios), 'text/csv'),
  );
  $('[data-answers-csv]').addEventListener('click', () =>
    download(`${code()}-answers-${stamp()}.csv`, answersCsv(book.learners, props.decisions), 'text/csv'),
  );
  $('[data-print]').addEventListener('click', () => print());
  $('[data-clear-book]').addEventListener('click', () => {
    if (!confirm('Clear the whole class from this gradebook? Export the CSV files first if you need them.')) return;
    void clearBook().then(() => {
      book = EMPTY;
      session.value = '';
      classList.value = '';
      $('[data-import-status]').textContent = 'The gradebook is empty.';
      render();
    });
  });

  void loadBook().then(({ book: loaded, kept }) => {
    book = loaded;
    session.value = book.sessionCode;
    classList.value = book.classList.join('\n');
    if (!kept) void persist();
    render();
    page.hidden = false;
  });
}
