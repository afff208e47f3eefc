import { questionOf } from '../../engine/clauses.ts';
import { questionShortLabel } from '../../engine/vocabulary.ts';
import { describeDrillRecordStep, formatDuration, type DrillRecord } from '../../engine/drill.ts';

const time = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** Fill a DrillRecordView with a record; `titleOf` names a step (its id where the titles are not at hand). */
export function fillDrillRecord(
  root: HTMLElement,
  record: DrillRecord,
  titleOf: (stepId: string) => string = (id) => id,
): void {
  const set = (field: string, value: string) => {
    root.querySelector(`[data-field="${field}"]`)!.textContent = value;
  };
  set('unit', record.setup.unit);
  set('shift', record.setup.shift || '—');
  set('date', record.setup.date);
  set('officer', record.setup.officer);
  set('members', record.setup.members.map((m) => (m.memberId ? `${m.name} (${m.memberId})` : m.name)).join(', '));
  set('times', `${time(record.startedAt)} to ${time(record.endedAt)}`);
  set('duration', formatDuration(record.durationSeconds));
  set('procedure', record.procedure);
  set('scenario', `${record.title} (version ${record.contentHash.slice(0, 8)})`);
  set('ending', titleOf(record.ending));
  set('score', `${record.percent}% (${record.passed ? 'passed' : 'not passed'})`);
  for (const row of root.querySelectorAll<HTMLElement>('[data-dimension]')) {
    const d = record.byDimension.find((x) => x.dimension === row.dataset.dimension);
    row.hidden = !d;
    if (d) row.querySelector('[data-points]')!.textContent = `${d.earned} of ${d.possible}`;
  }
  const steps = record.steps ?? [];
  root.querySelector<HTMLElement>('[data-record-steps-table]')!.hidden = steps.length === 0;
  root.querySelector('[data-record-steps]')!.replaceChildren(
    ...steps.map((step) => {
      const row = describeDrillRecordStep(step);
      const tr = document.createElement('tr');
      for (const value of [step.title, row.given, row.key, `${step.earned} of ${step.possible}`])
        tr.append(Object.assign(document.createElement('td'), { textContent: value }));
      return tr;
    }),
  );
  root.querySelector('[data-tallies]')!.replaceChildren(
    ...record.tallies.map((t) => {
      const tr = document.createElement('tr');
      for (const value of [
        titleOf(t.step),
        questionShortLabel(questionOf(t.question)!),
        String(t.yes),
        String(t.no),
        t.answer,
      ])
        tr.append(Object.assign(document.createElement('td'), { textContent: value }));
      return tr;
    }),
  );
}
