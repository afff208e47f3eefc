import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CALLS, CALL_CREDIT, callCreditRows } from '../../../src/engine/index.ts';

/** The rows of the first Markdown table whose header starts with `firstHeader`: cells as text. */
function tableAfter(file: string, firstHeader: string): string[][] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const start = lines.findIndex((l) => l.startsWith(`| ${firstHeader}`));
  expect(start, `${file} has a table starting "| ${firstHeader}"`).toBeGreaterThan(-1);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim()),
    );
  }
  return rows;
}

describe('the call-credit table as the documents show it', () => {
  it('the authoring guide shows the engine’s points and reasons, cell by cell', () => {
    const rows = tableAfter('content/authoring-guide.md', "key's call");
    expect(rows).toEqual(
      callCreditRows().map((r) => [r.expected, ...r.cells.map((c) => `${c.points} (${c.summary})`)]),
    );
  });

  it('the empowerment-test lesson shows the engine’s points', () => {
    const rows = tableAfter('content/lessons/the-empowerment-test.md', 'the right call was');
    expect(rows).toEqual(CALLS.map((expected) => [expected, ...CALLS.map((made) => String(CALL_CREDIT[expected][made]))]));
  });
});
