import { describe, expect, it } from 'vitest';
import { procedureHtml, procedureSource, readProcedure } from '../../../src/authoring/sop.ts';

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
