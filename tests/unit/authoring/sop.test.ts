import { describe, expect, it } from 'vitest';
import { clausesOf, procedureHtml, procedureSource, readProcedure, trainedRows } from '../../../src/authoring/sop.ts';
import type { Scenario } from '../../../src/engine/index.ts';

describe('the procedure page text', () => {
  const markdown = readProcedure();
  const html = procedureHtml(markdown);
  const visible = html.replace(/<span class="visually-hidden">.*?<\/span>/g, '').replace(/<[^>]+>/g, '');

  it('starts with the procedure itself, not with notes for authors', () => {
    expect(visible.trim()).toMatch(/^Purpose/);
    expect(visible).not.toContain('use these ids');
  });

  it('shows no clause id in the text a reader sees, and keeps every clause an anchor', () => {
    expect(visible).not.toMatch(/\b(q|duty|image|officer|customer|benefit)\.[a-z]/);
    expect(html).toContain('id="q.customer" href="#trained-q.customer"');
    expect(html).toContain('What trains 4 a. Right for the customer?');
  });

  it('keeps the source line for the page to show above the text', () => {
    expect(procedureSource(markdown)).toBe(
      'Source: Phoenix Regional Standard Operating Procedures, M.P. 201.00 "Customer Service Management", revision marks 10/15-R and 06/20-SR, two pages.',
    );
  });
});

describe('where each clause is trained', () => {
  const markdown = readProcedure();
  const scenario = (id: string, title: string) => ({ id, frontmatter: { title } }) as Scenario;
  const scenarios = [
    { scenario: scenario('kitchen', 'Kitchen at two'), clauses: ['duty.respect', 'q.safe'] },
    { scenario: scenario('visit', 'Station visit'), clauses: ['duty.respect'] },
  ];
  const lessons = [{ id: 'the-test', data: { title: 'The seven questions', sop: ['q.safe', 'empowered'] } }];
  const rows = trainedRows(markdown, scenarios, lessons);

  it('has a row for every clause of the procedure, in its order, by its number and name', () => {
    expect(rows.map((r) => r.id)).toEqual(clausesOf(markdown).map((c) => c.id));
    expect(rows.find((r) => r.id === 'q.safe')).toMatchObject({ label: '4 d. Safe?' });
    expect(rows[0]).toEqual({ id: 'purpose', label: 'Purpose', scenarios: [], lessons: [] });
  });

  it.each([
    ['duty.respect', ['Kitchen at two', 'Station visit'], []],
    ['q.safe', ['Kitchen at two'], ['The seven questions']],
    ['empowered', [], ['The seven questions']],
    ['benefit.fun', [], []],
  ])('lists what trains %s', (id, scenarioTitles, lessonTitles) => {
    const row = rows.find((r) => r.id === id)!;
    expect(row.scenarios.map((s) => s.title)).toEqual(scenarioTitles);
    expect(row.lessons.map((l) => l.title)).toEqual(lessonTitles);
  });
});
