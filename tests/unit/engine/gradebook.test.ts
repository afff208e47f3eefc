import { describe, expect, it } from 'vitest';
import {
  addToClass,
  answersCsv,
  classHeatmap,
  decisionBreakdown,
  jsonDepthExceeds,
  learnerKey,
  notHandedIn,
  otherSessionCodes,
  rosterCsv,
  type AttemptRecord,
} from '../../../src/engine/index.ts';
import { ALL_YES } from './fixture.ts';
import { makeAttempt, makeResultsFile } from '../attempt-fixture.ts';

const yes = ALL_YES;
const attempt = (id: string, over: Partial<AttemptRecord> = {}): AttemptRecord =>
  makeAttempt({
    id,
    answers: [{ kind: 'decision', step: 'd1', answers: { ...yes, safe: 'no' }, call: 'decline' }],
    byDimension: [{ dimension: 'q.safe', earned: 1, possible: 1 }],
    sessionCode: 'ACAD-26-3',
    ...over,
  });
describe('building a class', () => {
  it('recognises a learner by name (case and spacing ignored) and member number together', () => {
    expect(learnerKey({ name: 'Ana  Ruiz' })).toBe(learnerKey({ name: 'ana ruiz' }));
    expect(learnerKey({ name: 'Ana Ruiz', memberId: 'E-1' })).not.toBe(learnerKey({ name: 'Ana Ruiz' }));
    expect(learnerKey({ name: 'Ana Ruiz', memberId: 'E-1' })).not.toBe(
      learnerKey({ name: 'Ben Cole', memberId: 'E-1' }),
    );
  });

  it('counts the same attempt once when a file is handed in twice, and merges a learner’s files', () => {
    let learners = addToClass([], makeResultsFile('Ana Ruiz', [attempt('a1')]), 'ana.json').learners;
    const again = addToClass(learners, makeResultsFile('Ana Ruiz', [attempt('a1')]), 'ana (1).json');
    expect(again.added).toBe(0);
    learners = addToClass(
      again.learners,
      makeResultsFile('ana ruiz', [attempt('a2', { scenario: 'fire' })]),
      'ana-2.json',
    ).learners;
    expect(learners).toHaveLength(1);
    expect(learners[0]!.attempts.map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(learners[0]!.files).toEqual(['ana.json', 'ana (1).json', 'ana-2.json']);
  });

  it('flags files from another session', () => {
    expect(
      otherSessionCodes(makeResultsFile('Ana', [attempt('a1', { sessionCode: 'ACAD-26-2' })]), 'acad-26-3'),
    ).toEqual(['ACAD-26-2']);
    expect(otherSessionCodes(makeResultsFile('Ana', [attempt('a1')]), 'acad-26-3')).toEqual([]);
  });

  it('lists class members who have not handed in', () => {
    const learners = addToClass([], makeResultsFile('Ana Ruiz', [attempt('a1')]), 'a.json').learners;
    expect(notHandedIn(['ana ruiz', 'Ben Cole', ' '], learners)).toEqual(['Ben Cole']);
  });
});

describe('class views', () => {
  let learners = addToClass([], makeResultsFile('Ana Ruiz', [attempt('a1')]), 'a.json').learners;
  learners = addToClass(
    learners,
    makeResultsFile('Ben Cole', [
      attempt('b1', {
        answers: [{ kind: 'decision', step: 'd1', answers: yes, call: 'act' }],
        byDimension: [{ dimension: 'q.safe', earned: 0, possible: 1 }],
        percent: 60,
        passed: false,
      }),
    ]),
    'b.json',
  ).learners;

  it('breaks a decision down: yes/no per question with the key, and the calls made', () => {
    const [d] = decisionBreakdown(
      'mower',
      [{ id: 'd1', title: 'Finish the lawn?', key: { ...yes, safe: 'no' } }],
      learners,
    );
    expect(d).toMatchObject({ answered: 2, rightCall: 'decline', calls: { act: 1, ask: 0, decline: 1 } });
    expect(d!.questions.find((q) => q.key === 'safe')).toEqual({
      key: 'safe',
      letter: 'd',
      expected: 'no',
      yes: 1,
      no: 1,
    });
  });

  it('gives each learner a percent per question and responsibility', () => {
    const map = classHeatmap(learners);
    expect(map.map((r) => [r.learner.name, r.cells[3]])).toEqual([
      ['Ana Ruiz', 100],
      ['Ben Cole', 0],
    ]);
    expect(map[0]!.cells[0]).toBeNull();
  });

  it('writes a roster CSV and an answers CSV, one row per learner × decision × question, safe for spreadsheets', () => {
    const evil = addToClass([], makeResultsFile('=HYPERLINK("x")', [attempt('e1')]), 'e.json').learners;
    const roster = rosterCsv(evil, [{ id: 'mower', title: 'The Mower' }]).split('\r\n');
    // The last three columns: the scoring version (1: the file names none), verified (not checked here), flags.
    expect(roster[1]).toMatch(/^"'=HYPERLINK\(""x""\)",,ACAD-26-3,mower,The Mower,passed,90,yes,1,10,1,,$/);
    const answers = answersCsv(learners, { mower: [{ id: 'd1', title: 'Finish', key: { ...yes, safe: 'no' } }] })
      .trim()
      .split('\r\n');
    expect(answers).toHaveLength(1 + 2 * 8);
    expect(answers).toContain('Ben Cole,,mower,b1,d1,d. safe,yes,no,no,0/1,1');
    expect(answers).toContain('Ana Ruiz,,mower,a1,d1,call,decline,decline,yes,3/3,1');
  });
});

describe('jsonDepthExceeds', () => {
  it('measures nesting without parsing, ignoring brackets inside strings', () => {
    expect(jsonDepthExceeds('{"a":[{"b":"[[[[[[["}]}', 3)).toBe(false);
    expect(jsonDepthExceeds('['.repeat(100000), 24)).toBe(true);
    expect(jsonDepthExceeds('{"a":"\\"{{{{"}', 1)).toBe(false);
  });
});
