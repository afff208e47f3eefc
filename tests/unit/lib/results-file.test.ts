import { describe, expect, it } from 'vitest';
import { readResultsFile, refuseBySize } from '../../../src/lib/results-file.ts';

const good = JSON.stringify({
  format: 'mp201-results',
  version: 1,
  exportedAt: '2026-11-02T00:00:00.000Z',
  trainee: { name: '<img src=x onerror=alert(1)>' },
  attempts: [],
});

describe('reading hand-in files', () => {
  it('accepts a results file; names stay text (the page writes them with textContent)', () => {
    const read = readResultsFile(good);
    expect(read.status === 'read' && read.file.trainee.name).toBe('<img src=x onerror=alert(1)>');
  });

  it.each([
    ['truncated', good.slice(0, 40), 'it is cut off or damaged (not complete JSON)'],
    ['not JSON', 'name,score\nAna,90', 'it is not a results file (not JSON)'],
    ['foreign', JSON.stringify({ hello: 'world' }), 'it is not a results file from this course'],
    [
      'deeply nested',
      `{"a":${'['.repeat(5000)}${']'.repeat(5000)}}`,
      'it is nested far deeper than a results file, so it was not read',
    ],
    ['wrong field', good.replace('"attempts":[]', '"attempts":{}'), 'attempts: expected a list'],
  ])('refuses a %s file with its reason', (_, text, reason) => {
    expect(readResultsFile(text)).toEqual({ status: 'refused', reason });
  });

  it('refuses a 50 MB file by its size, before reading it', () => {
    expect(refuseBySize(50 * 1024 * 1024)).toBe('it is 50.0 MB; a results file is far smaller, so it was not read');
    expect(refuseBySize(300 * 1024)).toBeUndefined();
  });
});
