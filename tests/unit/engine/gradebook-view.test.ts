import { describe, expect, it } from 'vitest';
import {
  addReadings,
  classAverage,
  classListOf,
  DEFAULT_FILTER,
  dimensionLabel,
  exportFileName,
  gradebookCatalogueOf,
  gradebookCatalogueSchema,
  gradebookView,
  STRENGTH_DIMENSIONS,
  importSummary,
  mostPlayedScenario,
  nextSort,
  ROSTER_PRINT_COLUMNS,
  type GradebookCatalogue,
  type GradebookClass,
  type GradebookFilter,
} from '../../../src/engine/index.ts';
import { makeResultsFile } from '../attempt-fixture.ts';
import { CLASS_NOW, classKey, classScenario, played } from './class-fixture.ts';
import { ALL_YES } from './fixture.ts';

/** The course: the fixture scenario (keyed) and nine more without attempts, so the roster needs blocks to print. */
const catalogue: GradebookCatalogue = {
  scenarios: [
    { id: 'fixture', title: 'The Fixture', decisions: [{ id: 'd', title: 'The call', key: ALL_YES }] },
    ...Array.from({ length: 9 }, (_, i) => ({ id: `s${i + 2}`, title: `Scenario ${i + 2}`, decisions: [] })),
  ],
  dimensions: STRENGTH_DIMENSIONS.map((id) => ({ id, label: dimensionLabel(id) })),
  keys: [classKey],
};
const empty: GradebookClass = { sessionCode: 'ACAD-26-3', classList: [], learners: [], files: [] };

/** A class from hand-ins: Ana acts (the key's call), Ben asks, Cy claims a pass his answers do not earn. */
function aClass(): GradebookClass {
  return addReadings(empty, [
    { name: 'ana.json', file: makeResultsFile('Ana Ruiz', [played('act', { id: 'a' })]) },
    { name: 'ben.json', file: makeResultsFile('Ben Cole', [played('ask', { id: 'b' })]) },
    { name: 'cy.json', file: makeResultsFile('Cy Park', [played('decline', { id: 'c', passed: true })]) },
  ]);
}
const view = (book = aClass(), filter: Partial<GradebookFilter> = {}) =>
  gradebookView(book, catalogue, { ...DEFAULT_FILTER, ...filter }, CLASS_NOW);

describe('the roster', () => {
  it('lists learners A to Z with passes, time, checks and each scenario’s best score', () => {
    const { roster } = view();
    expect(roster.columns.map((c) => c.label).slice(0, 5)).toEqual([
      'Learner',
      'Passed',
      'Time',
      'Checks',
      'The Fixture',
    ]);
    expect(roster.columns[0]!.sorted).toBe('ascending');
    expect(roster.rows.map((r) => r.name)).toEqual(['Ana Ruiz', 'Ben Cole', 'Cy Park']);
    expect(roster.rows[0]!.cells.slice(0, 4).map((c) => c.text)).toEqual([
      '1 of 10',
      '10 min',
      '1 of 1 attempt verified',
      '100% ✓',
    ]);
    expect(roster.rows[0]!.cells[3]).toMatchObject({ passed: true });
    expect(roster.rows[0]!.cells[4]!.text).toBe('—');
  });

  it('counts a claimed pass only when the check agrees, and flags it', () => {
    const cy = view().roster.rows[2]!;
    expect(cy.cells[0]!.text).toBe('0 of 10');
    expect(cy.cells[2]!.text).toBe('0 of 1 attempt verified');
    expect(cy.cells[3]).toEqual({ text: '75%', flag: '⚑ flagged' });
  });

  it('sorts by a column pressed: high to low first, the same column flips, names start A to Z', () => {
    expect(nextSort(DEFAULT_FILTER.sort, 'fixture')).toEqual({ column: 'fixture', descending: true });
    expect(nextSort({ column: 'fixture', descending: true }, 'fixture')).toEqual({
      column: 'fixture',
      descending: false,
    });
    expect(nextSort({ column: 'fixture', descending: true }, 'name')).toEqual({ column: 'name', descending: false });
    const byScore = view(aClass(), { sort: { column: 'fixture', descending: true } }).roster;
    expect(byScore.rows.map((r) => r.name)).toEqual(['Ana Ruiz', 'Ben Cole', 'Cy Park']);
    expect(byScore.columns.find((c) => c.id === 'fixture')!.sorted).toBe('descending');
    const byChecks = view(aClass(), { sort: { column: 'checks', descending: true } }).roster;
    expect(byChecks.rows[0]!.name).toBe('Cy Park');
  });

  it('shows one scenario’s figures, and finds learners by part of a name', () => {
    const one = view(aClass(), { scenario: 'fixture', learner: ' co' }).roster;
    expect(one.columns.map((c) => c.label)).toEqual([
      'Learner',
      'Best score (self-reported)',
      'Passed',
      'Attempts',
      'Time',
      'Checks',
    ]);
    expect(one.rows.map((r) => [r.name, ...r.cells.map((c) => c.text)])).toEqual([
      ['Ben Cole', '83% ✓', 'yes', '1', '10 min', '1 of 1 attempt verified'],
    ]);
    // A scenario the course does not have shows every scenario instead.
    expect(view(aClass(), { scenario: 'gone' }).roster.columns).toHaveLength(4 + 10);
  });

  it('names the class-list members who have not handed in', () => {
    expect(view({ ...aClass(), classList: ['ana ruiz', 'Dee Lopez'] }).missing).toEqual(['Dee Lopez']);
  });
});

describe('what was checked', () => {
  it('says how many attempts verified and lists each flag under the learner', () => {
    const { checks } = view();
    expect(checks.summary).toBe('2 of 3 attempts verified; 1 learner with something to look at.');
    expect(checks.learners).toEqual([
      {
        name: 'Cy Park',
        lines: [expect.stringMatching(/^The Fixture, finished 2026-11-01: .*below the pass mark of 80%/)],
      },
    ]);
    expect(view(empty).checks.summary).toBe('No attempts yet.');
  });
});

describe('the heat map', () => {
  it('averages the class over the learners who were scored on a column, and reads its colours in words', () => {
    expect(classAverage([100, null, 50, 0])).toBe(50);
    expect(classAverage([null, null])).toBeNull();
    const { heatmap } = view();
    expect(heatmap.columns.map((c) => c.label).slice(1)).toEqual([
      'a. customer',
      'b. department',
      'c. legal',
      'd. safe',
      'e. level',
      'f. accountable',
      'g. policy',
      'respect',
      'urgency',
      'added value',
      'exceptional',
      'image',
    ]);
    expect(heatmap.columns[4]!.title).toBe('4 d. Is it safe?');
    expect(heatmap.classRow!.name).toBe('Whole class');
    expect(heatmap.classRow!.cells[0]).toEqual({ text: '100%', band: 'strong' });
    expect(heatmap.classRow!.cells[11]).toEqual({ text: '—', band: 'none' });
    expect(heatmap.legend).toBe('Below 70%: a gap to work on. 70–84%: fair. 85% and above: strong.');
    expect(view(empty).heatmap.classRow).toBeUndefined();
  });
});

describe('the decision debrief', () => {
  it('opens on the scenario most learners played until the instructor picks one', () => {
    expect(mostPlayedScenario(['s2', 'fixture'], aClass().learners)).toBe('fixture');
    expect(mostPlayedScenario(['s2', 's3'], aClass().learners)).toBe('s2');
    expect(view().breakdown.scenario).toBe('fixture');
    expect(view(aClass(), { breakdown: 's3' }).breakdown).toEqual({ scenario: 's3', title: 'Scenario 3', tables: [] });
  });

  it('counts answers and calls with the key and the points each call earns', () => {
    const [table] = view().breakdown.tables;
    expect(table!.caption).toBe('Decision 1: The call (3 learners answered)');
    expect(table!.rows[0]).toEqual({
      question: '4 a. Is it the right thing for the customer?',
      yes: '3 (100%)',
      no: '0 (0%)',
      key: 'yes',
    });
    expect(table!.call).toEqual({
      made: 'Act: 1 (33%; 3 of 3 points each); Ask your officer: 1 (33%; 1 of 3 points each); Decline: 1 (33%; 0 of 3 points each)',
      key: 'Act',
    });
    expect(table!.points).toBe('4 of 9 (44%), partial credit included');
  });
});

describe('the class summary as printed', () => {
  it('prints every learner and every scenario column in blocks that each start with the learner', () => {
    const { print } = view(aClass(), { learner: 'ana', scenario: 'fixture' });
    const [facts, ...scenarios] = print.roster;
    expect(facts!.columns.map((c) => c.label)).toEqual(['Learner', 'Passed', 'Time', 'Checks']);
    expect(scenarios).toHaveLength(Math.ceil(10 / ROSTER_PRINT_COLUMNS));
    expect(scenarios.map((b) => b.caption)).toEqual(['Roster, best scores 1 of 2', 'Roster, best scores 2 of 2']);
    expect(scenarios.flatMap((b) => b.columns.slice(1).map((c) => c.label))).toEqual(
      catalogue.scenarios.map((s) => s.title),
    );
    for (const block of print.roster) {
      expect(block.columns[0]!.label).toBe('Learner');
      expect(block.rows.map((r) => r.name)).toEqual(['Ana Ruiz', 'Ben Cole', 'Cy Park']);
      for (const row of block.rows) expect(row.cells).toHaveLength(block.columns.length - 1);
    }
    expect(scenarios[0]!.rows[0]!.cells[0]!.text).toBe('100% ✓');
  });

  it('prints the heat map as questions, then responsibilities, the class average first in each', () => {
    const { print } = view();
    expect(print.heatmap.map((b) => [b.caption, b.columns.length - 1])).toEqual([
      ['Percent of points by question', 7],
      ['Percent of points by responsibility', 5],
    ]);
    expect(print.heatmap.map((b) => b.rows[0]!.name)).toEqual(['Whole class', 'Whole class']);
    expect(print.heatmap.flatMap((b) => b.columns.slice(1).map((c) => c.id))).toEqual(STRENGTH_DIMENSIONS);
  });
});

describe('importing files', () => {
  it('logs each file: what it added, a skipped file’s reason, another session’s code', () => {
    const book = addReadings({ ...empty, sessionCode: 'ACAD-26-3' }, [
      { name: 'ana.json', file: makeResultsFile('Ana Ruiz', [played('act', { id: 'a' })]) },
      { name: 'notes.json', skipped: 'it is not a results file (not JSON)' },
      { name: 'ana (1).json', file: makeResultsFile('Ana Ruiz', [played('act', { id: 'a' })]) },
      { name: 'cy.json', file: makeResultsFile('Cy Park', [played('act', { id: 'c', sessionCode: 'ACAD-26-2' })]) },
    ]);
    expect(book.files).toEqual([
      { name: 'ana.json', status: 'imported', detail: 'Ana Ruiz, 1 new attempt' },
      { name: 'notes.json', status: 'skipped', detail: 'it is not a results file (not JSON)' },
      { name: 'ana (1).json', status: 'imported', detail: 'Ana Ruiz, nothing new (already imported)' },
      {
        name: 'cy.json',
        status: 'imported',
        detail: 'Cy Park, 1 new attempt',
        flagged: 'session ACAD-26-2, not ACAD-26-3',
      },
    ]);
    const { files, skippedHint } = view(book);
    expect(files[1]).toEqual({
      name: 'notes.json',
      text: 'skipped, it is not a results file (not JSON)',
      skipped: true,
    });
    expect(files[3]!.flag).toBe('Flag: session ACAD-26-2, not ACAD-26-3');
    expect(skippedHint).toMatch(/^For a skipped file, ask the learner/);
  });

  it('says what an import did in one sentence', () => {
    const readings = [
      { name: 'a.json', file: makeResultsFile('Ana', []) },
      { name: 'b.json', skipped: 'damaged' },
    ];
    expect(importSummary(readings, true)).toBe('1 of 2 files imported.');
    expect(importSummary(readings.slice(0, 1), true)).toBe('1 of 1 file imported.');
    expect(importSummary(readings, false)).toBe('Nothing was imported: the saved gradebook could not be read.');
  });

  it('reads a class list one name a line, blank lines dropped', () => {
    expect(classListOf(' Ana Ruiz \r\n\nBen Cole\n  ')).toEqual(['Ana Ruiz', 'Ben Cole']);
  });
});

describe('the catalogue built into the page', () => {
  it('carries titles, decisions, heat map names and keys, and passes its own check', () => {
    const built = gradebookCatalogueOf([{ scenario: classScenario, hash: 'h1' }]);
    expect(built.scenarios).toEqual([
      {
        id: 'fixture',
        title: classScenario.frontmatter.title,
        decisions: [{ id: 'd', title: expect.any(String), key: ALL_YES }],
      },
    ]);
    expect(built.dimensions[3]).toEqual({ id: 'q.safe', label: '4 d. Is it safe?' });
    expect(built.keys).toEqual([classKey]);
    expect(gradebookCatalogueSchema.safeParse(JSON.parse(JSON.stringify(built))).success).toBe(true);
    expect(gradebookCatalogueSchema.safeParse({ ...built, keys: [{ id: 'x' }] }).success).toBe(false);
  });
});

describe('names and titles', () => {
  it('names downloads by session and day, and titles the printed summary', () => {
    expect(exportFileName('ACAD 26/3', 'roster', 'csv', CLASS_NOW)).toBe('ACAD-26-3-roster-2026-11-02.csv');
    expect(exportFileName('', 'answers', 'csv', CLASS_NOW)).toBe('class-answers-2026-11-02.csv');
    expect(view().print.title).toBe('Class summary, session ACAD-26-3, printed 2026-11-02.');
  });
});
