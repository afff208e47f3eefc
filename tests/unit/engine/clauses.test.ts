import { describe, expect, it } from 'vitest';
import { clausesOf, readProcedure } from '../../../src/authoring/sop.ts';
import { CLAUSE_IDS, QUESTIONS, QUESTION_TEXT } from '../../../src/engine/index.ts';

describe('clause ids', () => {
  const procedure = readProcedure();
  it('match the procedure file, in order', () => {
    expect(clausesOf(procedure).map((c) => c.id)).toEqual([...CLAUSE_IDS]);
  });
  it('quote the seven questions in the procedure’s own words', () => {
    for (const q of QUESTIONS) expect(procedure).toContain(`[${q.clause}] ${QUESTION_TEXT[q.key]}`);
  });
});
