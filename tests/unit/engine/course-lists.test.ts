import { describe, expect, it } from 'vitest';
import {
  analyzePaths,
  answerKey,
  audienceNames,
  bestPathTitles,
  catalogueCards,
  certificateCatalogueOf,
  drillMinutes,
  drillScenarios,
  instructorList,
  pathFigures,
  progressCatalogueOf,
  type Scenario,
} from '../../../src/engine/index.ts';
import { ending, scene, sceneThenDecline, valid } from './fixture.ts';

/** A recruit scenario with one scene and one decision keyed "safe: no" (decline). */
const kitchen = {
  ...valid(
    sceneThenDecline(
      'door',
      [
        { grade: 'best', label: 'Knock and wait' },
        { grade: 'poor', label: 'Walk in' },
      ],
      'hall',
      { act: 'burned', ask: 'asked', decline: 'safe' },
    ),
    {
      title: 'Kitchen at two',
      summary: 'Smoke in a kitchen.',
      audiences: ['recruit', 'drill'],
      customers: ['customer.recipient', 'customer.related'],
      minutes: 8,
    },
  ),
  id: 'kitchen',
};
/** A continuing-education scenario without a decision, not offered as a drill. */
const visit = {
  ...valid([scene('porch', [{ to: 'bye' }]), ending('bye')], {
    title: 'Station visit',
    summary: 'Children at the station.',
    audiences: ['ce', 'officer'],
    minutes: 5,
  }),
  id: 'visit',
};
const course = [
  { scenario: kitchen, readingGrade: 6.5, clauses: ['duty.respect', 'q.safe'], hash: 'h-kitchen' },
  { scenario: visit, readingGrade: 4, clauses: ['duty.respect'], hash: 'h-visit' },
];

describe('catalogueCards', () => {
  it.each([
    [
      'a required drill scenario with one decision',
      0,
      ['kitchen', 'visit'],
      { required: true, drill: true, decisions: 1 },
    ],
    ['a scenario the rule does not name', 0, ['visit'], { required: false, drill: true, decisions: 1 }],
    ['a scenario without a decision, not a drill', 1, ['visit'], { required: true, drill: false, decisions: 0 }],
  ] as const)('marks %s', (_, index, required, expected) => {
    expect(catalogueCards(course, required)[index]).toMatchObject(expected);
  });

  it('gives each card its words, its tags by name and the ids the filters read', () => {
    expect(catalogueCards(course, [])[0]).toEqual({
      id: 'kitchen',
      title: 'Kitchen at two',
      summary: 'Smoke in a kitchen.',
      minutes: 8,
      readingGrade: 6.5,
      decisions: 1,
      required: false,
      drill: true,
      tags: ['Recruit academy', 'Company drill'],
      filterBy: {
        audiences: 'recruit drill',
        customers: 'customer.recipient customer.related',
        clauses: 'duty.respect q.safe',
      },
    });
  });
});

describe('the instructors’ list and the drills', () => {
  it('lists every scenario, offering a drill and its guide only where the scenario is for drills', () => {
    expect(instructorList([kitchen, visit])).toEqual([
      { id: 'kitchen', title: 'Kitchen at two', drill: true },
      { id: 'visit', title: 'Station visit', drill: false },
    ]);
  });

  it('runs only the drill scenarios as drills, each taking twice its minutes with discussion', () => {
    expect(drillScenarios(course).map(({ scenario }) => [scenario.id, drillMinutes(scenario)])).toEqual([
      ['kitchen', 16],
    ]);
  });

  it.each([
    [kitchen, 'Recruit academy, Company drill'],
    [visit, 'Continuing education, Officers'],
  ] as const)('names who %# is for', (scenario: Scenario, names) => {
    expect(audienceNames(scenario)).toBe(names);
  });
});

describe('a scenario’s map page', () => {
  const analysis = analyzePaths(kitchen);

  it('walks the best path by step title', () => {
    expect(bestPathTitles(kitchen, analysis)).toEqual(['Scene door', 'Decision hall', 'Ending safe']);
    expect(bestPathTitles(kitchen, { bestPaths: [] })).toEqual([]);
  });

  it('gives the paths figures as the page words them', () => {
    expect(pathFigures(kitchen, analysis)).toMatchObject({
      steps: 5,
      reachablePercent: 100,
      paths: '6',
      goodFaithEndings: 'Ending safe',
    });
    expect(pathFigures(kitchen, { ...analysis, pathCount: 5000, capped: true, goodFaithEndings: [] })).toMatchObject({
      paths: '5000+',
      goodFaithEndings: 'none',
    });
  });

  it('gives the answer key of each decision by the procedure’s numbering, with the right call', () => {
    const [table] = answerKey(kitchen);
    expect(answerKey(kitchen)).toHaveLength(1);
    expect(table).toMatchObject({ title: 'Decision hall', action: 'Do the thing', call: 'Decline' });
    expect(table!.rows[3]).toEqual({ question: '4 d. Safe?', key: 'no' });
    expect(table!.rows.map((r) => r.key).filter((k) => k === 'yes')).toHaveLength(6);
  });
});

describe('what My progress and the certificate are built with', () => {
  const rule = { required: ['kitchen'] };

  it('gives My progress every scenario with its deciding questions, and the names of the dimensions', () => {
    const catalogue = progressCatalogueOf([kitchen, visit], rule);
    expect(catalogue.scenarios).toEqual([
      { id: 'kitchen', title: 'Kitchen at two', decisive: ['q.safe'] },
      { id: 'visit', title: 'Station visit', decisive: [] },
    ]);
    expect(catalogue.rule).toBe(rule);
    expect(catalogue.labels['q.safe']).toBe('4 d. Is it safe?');
    expect(catalogue.labels.call).toBe('Making the right call (act, ask or decline)');
  });

  it('gives the certificate every scenario’s minutes and the keys of the required scenarios only', () => {
    const catalogue = certificateCatalogueOf(course, rule);
    expect(catalogue.scenarios).toEqual([
      { id: 'kitchen', title: 'Kitchen at two', minutes: 8 },
      { id: 'visit', title: 'Station visit', minutes: 5 },
    ]);
    expect(catalogue.keys.map((k) => [k.id, k.hash])).toEqual([['kitchen', 'h-kitchen']]);
  });
});
