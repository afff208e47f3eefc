import { describe, expect, it } from 'vitest';
import { clausesOf, readProcedure } from '../../../src/authoring/sop.ts';
import {
  CLAUSE_IDS,
  QUESTIONS,
  questionOf,
  questionShortLabel,
  QUESTION_TEXT,
  clauseLabel,
  clauseNumber,
  plainClauses,
  plainClausesInHtml,
} from '../../../src/engine/index.ts';

describe('clause ids', () => {
  const procedure = readProcedure();
  it('match the procedure file, in order', () => {
    expect(clausesOf(procedure).map((c) => c.id)).toEqual([...CLAUSE_IDS]);
  });
  it('quote the seven questions in the procedure’s own words', () => {
    for (const q of QUESTIONS) expect(procedure).toContain(`[${q.clause}] ${QUESTION_TEXT[q.key]}`);
  });
});

describe('clauseLabel', () => {
  it.each([
    ['q.customer', '4 a. Right for the customer?'],
    ['q.policy', '4 g. Consistent with values and policies?'],
    ['duty.urgency', '2. Urgency'],
    ['duty.image', '5. Positive public image'],
    ['image.attention', '5 c. Undivided attention'],
    ['officer.develop', 'Officer 3. Develop people'],
    ['customer.related', 'Customer: family, friends, neighbors'],
    ['not.a-clause', 'not.a-clause'],
  ])('%s reads "%s"', (id, label) => {
    expect(clauseLabel(id)).toBe(label);
  });

  it('numbers every clause as the procedure file does', () => {
    const numbered: [string, string][] = [];
    let section = '';
    let top = '';
    for (const line of readProcedure().split('\n')) {
      if (line.startsWith('## ')) section = line;
      const item = /^(\d+)\. \[([a-z.-]+)\]/.exec(line);
      if (item) {
        top = item[1]!;
        numbered.push([item[2]!, section.includes('Officers') ? `Officer ${top}` : top]);
      }
      const sub = /^\s+- ([a-z])\. \[([a-z.-]+)\]/.exec(line);
      if (sub) numbered.push([sub[2]!, `${top} ${sub[1]}`]);
    }
    expect(numbered.length).toBe(5 + 7 + 4 + 5);
    for (const [id, number] of numbered) expect(clauseNumber(id), id).toBe(number);
  });

  it('gives every clause a label that is not its id', () => {
    for (const id of CLAUSE_IDS.filter((c) => c.includes('.'))) expect(clauseLabel(id)).not.toContain(id);
  });
});

describe('plainClauses', () => {
  it('replaces cited ids in prose and leaves other words alone', () => {
    expect(plainClauses('She felt heard (duty.respect, image.attention). See q.safe or e.g. no.thing.')).toBe(
      'She felt heard (1. Respect, 5 c. Undivided attention). See 4 d. Safe? or e.g. no.thing.',
    );
  });
  it('touches only the text of HTML', () => {
    expect(plainClausesInHtml('<a href="../sop/#q.level" data-x="duty.respect">q.level</a>')).toBe(
      '<a href="../sop/#q.level" data-x="duty.respect">4 e. On your organizational level?</a>',
    );
  });
});

describe('questionOf', () => {
  it('finds one of the seven questions by its attribute name or its clause id, and nothing else', () => {
    expect(questionOf('safe')?.letter).toBe('d');
    expect(questionOf('q.safe')?.key).toBe('safe');
    expect(questionOf('duty.respect')).toBeUndefined();
    expect(questionOf('call')).toBeUndefined();
    expect(questionShortLabel(questionOf('q.safe')!)).toBe('d. safe');
  });
});
