import { formatDuration, type DrillRecord } from '../../engine/drill.ts';
import { QUESTIONS } from '../../engine/clauses.ts';
import { drillsToCsv } from '../../engine/results.ts';
import { drillRecordSchema } from '../../engine/results-schema.ts';
import { download } from '../../lib/download.ts';
import { loadDrills } from '../../lib/drill-store.ts';

/** Lists the drill records kept in this browser; opens one as a printable training record. */
const page = document.querySelector<HTMLElement>('[data-drill-records]');
const $ = <T extends HTMLElement = HTMLElement>(selector: string, root: ParentNode = page!) =>
  root.querySelector<T>(selector)!;
const isDrill = (data: unknown): data is DrillRecord => drillRecordSchema.safeParse(data).success;

if (page) {
  const { drills, setAside } = loadDrills(isDrill);
  const notice = $('[data-records-notice]');
  notice.hidden = !setAside;
  notice.textContent = setAside
    ? `${setAside} saved record${setAside === 1 ? '' : 's'} could not be read and ${setAside === 1 ? 'was' : 'were'} set aside; the data is kept and can be downloaded from My progress.`
    : '';
  $('[data-records-empty]').hidden = drills.length > 0;
  $('[data-records-table]').hidden = drills.length === 0;
  $('[data-records-actions]').hidden = drills.length === 0;

  const open = (record: DrillRecord) => {
    const section = $('[data-record]');
    const set = (field: string, value: string) => ($(`[data-field="${field}"]`, section).textContent = value);
    set('title', record.title);
    set('unit', record.setup.unit);
    set('shift', record.setup.shift || '—');
    set('date', record.setup.date);
    set('officer', record.setup.officer);
    set('members', record.setup.members.map((m) => (m.memberId ? `${m.name} (${m.memberId})` : m.name)).join(', '));
    set(
      'times',
      `${new Date(record.startedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })} to ${new Date(record.endedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`,
    );
    set('duration', formatDuration(record.durationSeconds));
    set('procedure', record.procedure);
    set('ending', record.ending);
    set('score', `${record.percent}% (${record.passed ? 'passed' : 'not passed'})`);
    set('notes', record.notes || '—');
    for (const row of section.querySelectorAll<HTMLElement>('[data-dimension]')) {
      const d = record.byDimension.find((x) => x.dimension === row.dataset.dimension);
      row.hidden = !d;
      if (d) $('[data-points]', row).textContent = `${d.earned} of ${d.possible}`;
    }
    $('[data-tallies]', section).replaceChildren(
      ...record.tallies.map((t) => {
        const tr = document.createElement('tr');
        const q = QUESTIONS.find((x) => x.key === t.question)!;
        for (const value of [t.step, `${q.letter}. ${t.question}`, String(t.yes), String(t.no), t.answer])
          tr.append(Object.assign(document.createElement('td'), { textContent: value }));
        return tr;
      }),
    );
    section.hidden = false;
    $('h2', section).focus();
  };

  $('[data-records-rows]').replaceChildren(
    ...drills.map((record) => {
      const tr = document.createElement('tr');
      for (const value of [
        record.setup.date,
        record.setup.unit,
        record.title,
        record.setup.officer,
        `${record.percent}%`,
      ])
        tr.append(Object.assign(document.createElement('td'), { textContent: value }));
      const cell = document.createElement('td');
      const button = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Open' });
      button.setAttribute('aria-label', `Open the record of ${record.title} on ${record.setup.date}`);
      button.addEventListener('click', () => open(record));
      cell.append(button);
      tr.append(cell);
      return tr;
    }),
  );
  $('[data-records-csv]').addEventListener('click', () =>
    download(`drill-records-${new Date().toISOString().slice(0, 10)}.csv`, drillsToCsv(drills), 'text/csv'),
  );
  $('[data-record-print]').addEventListener('click', () => print());
  page.hidden = false;
}
