import { describe, expect, it } from 'vitest';
import { coverageTable } from '../../../src/authoring/coverage.ts';
import { decision, ending, scene, valid } from '../engine/fixture.ts';

const kitchen = {
  ...valid(
    [
      scene('door', [{ to: 'hall', trains: 'duty.respect image.attention' }]),
      decision('hall', { act: 'burned', ask: 'asked', decline: 'safe' }, { safe: 'no' }),
      ending('burned', 'poor'),
      ending('asked', 'adequate'),
      ending('safe'),
    ],
    { title: 'Kitchen at two', audiences: ['recruit', 'drill'] },
  ),
  id: 'kitchen',
};
const visit = {
  ...valid([scene('porch', [{ to: 'bye' }]), ending('bye')], { title: 'Station visit', audiences: ['recruit'] }),
  id: 'visit',
};
const table = coverageTable([
  { scenario: kitchen, clauses: ['customer.recipient', 'duty.image', 'duty.respect', 'image.attention', 'q.safe'] },
  { scenario: visit, clauses: ['customer.recipient', 'duty.respect'] },
]);
const row = (clause: string) => table.rows.find((r) => r.clause === clause);

describe('the coverage page', () => {
  it('lists a row for each customer kind, duty, question, image and officer item, in the procedure’s order', () => {
    expect(table.rows.map((r) => r.label).slice(0, 6)).toEqual([
      'Customer: the person we serve',
      'Customer: family, friends, neighbors',
      'Customer: people we meet on the job',
      'Customer: our own members',
      '1. Respect',
      '2. Urgency',
    ]);
    expect(table.rows).toHaveLength(4 + 5 + 7 + 4 + 5);
  });

  it.each(['purpose', 'customer', 'duty', 'empowered', 'officer', 'benefit', 'benefit.fun'])(
    'has no row for %s, which no step trains',
    (clause) => {
      expect(row(clause)).toBeUndefined();
    },
  );

  it.each([
    [
      'customer.recipient',
      ['Kitchen at two trains Customer: the person we serve', 'Station visit trains Customer: the person we serve'],
      2,
    ],
    ['q.safe', ['Kitchen at two trains 4 d. Safe?', undefined], 1],
    ['image.attention', ['Kitchen at two trains 5 c. Undivided attention', undefined], 1],
    ['officer.regional', [undefined, undefined], 0],
  ])('marks which scenario trains %s, and the total', (clause, cells, total) => {
    expect(row(clause)?.cells.map((c) => c.trainedLabel)).toEqual(cells);
    expect(row(clause)?.total).toBe(total);
  });

  it('numbers the scenarios as its columns and counts the course', () => {
    expect(table.columns).toEqual([
      { id: 'kitchen', number: 1, title: 'Kitchen at two' },
      { id: 'visit', number: 2, title: 'Station visit' },
    ]);
    expect(table).toMatchObject({ scenarios: 2, decisions: 1, calls: { act: 0, ask: 0, decline: 1 } });
    expect(table.audiences).toEqual([
      { name: 'Recruit academy', count: 2 },
      { name: 'Continuing education', count: 0 },
      { name: 'Company drill', count: 1 },
      { name: 'Officers', count: 0 },
    ]);
  });

  it('counts the decisions where each question is “no”, by the procedure’s numbering', () => {
    expect(table.questions.find((q) => q.clause === 'q.safe')).toMatchObject({ label: '4 d. Safe?', no: 1, onlyNo: 1 });
    expect(table.questions.find((q) => q.clause === 'q.level')).toMatchObject({ no: 0, onlyNo: 0 });
  });
});
