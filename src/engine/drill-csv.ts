import { DIMENSIONS } from './clauses.ts';
import { toCsv } from './csv.ts';
import { describeDrillRecordStep, type DrillRecord } from './drill.ts';

/** Drill records as CSV for a records system: one row per drill, with members, tallies and score by dimension. */
export function drillsToCsv(records: readonly DrillRecord[]): string {
  const header = [
    'date',
    'unit',
    'shift',
    'officer',
    'members',
    'scenario',
    'title',
    'procedure',
    'started',
    'ended',
    'duration_seconds',
    'ending',
    'percent',
    'passed',
    'tallies',
    'crew_steps',
    ...DIMENSIONS,
    'notes',
  ];
  const rows = records.map((r) => [
    r.setup.date,
    r.setup.unit,
    r.setup.shift,
    r.setup.officer,
    r.setup.members.map((m) => (m.memberId ? `${m.name} (${m.memberId})` : m.name)).join('; '),
    r.scenario,
    r.title,
    r.procedure,
    r.startedAt,
    r.endedAt,
    r.durationSeconds,
    r.ending,
    r.percent,
    r.passed ? 'yes' : 'no',
    r.tallies.map((t) => `${t.step}.${t.question}: ${t.yes} yes / ${t.no} no = ${t.answer}`).join('; '),
    (r.steps ?? [])
      .map((s) => {
        const row = describeDrillRecordStep(s);
        return `${s.step}: ${row.given} (key: ${row.key}; ${s.earned}/${s.possible})`;
      })
      .join(' | '),
    ...DIMENSIONS.map((d) => {
      const s = r.byDimension.find((x) => x.dimension === d);
      return s ? `${s.earned}/${s.possible}` : '';
    }),
    r.notes,
  ]);
  return toCsv([header, ...rows]);
}
