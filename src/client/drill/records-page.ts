import type { DrillRecord } from '../../engine/drill.ts';
import { fillDrillRecord } from './record-view.ts';
import { drillsToCsv } from '../../engine/drill-csv.ts';
import { drillRecordSchema } from '../../engine/results-schema.ts';
import { download } from '../../lib/download.ts';
import { loadDrills } from '../../lib/drill-store.ts';

const isDrill = (data: unknown): data is DrillRecord => drillRecordSchema.safeParse(data).success;

/**
 * Past drills: lists the drill records kept in this browser and opens one as a printable training
 * record. Returns the teardown.
 */
export function startDrillRecords(page: HTMLElement): () => void {
  const listening = new AbortController();
  const { signal } = listening;
  const $ = <T extends HTMLElement = HTMLElement>(selector: string, root: ParentNode = page) =>
    root.querySelector<T>(selector)!;
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
    section.querySelector('[data-field="title"]')!.textContent = record.title;
    section.querySelector('[data-field="notes"]')!.textContent = record.notes || '—';
    fillDrillRecord(section, record);
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
      button.addEventListener('click', () => open(record), { signal });
      cell.append(button);
      tr.append(cell);
      return tr;
    }),
  );
  $('[data-records-csv]').addEventListener(
    'click',
    () => download(`drill-records-${new Date().toISOString().slice(0, 10)}.csv`, drillsToCsv(drills), 'text/csv'),
    { signal },
  );
  $('[data-record-print]').addEventListener('click', () => print(), { signal });
  page.hidden = false;
  return () => listening.abort();
}
