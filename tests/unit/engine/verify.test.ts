import { describe, expect, it } from 'vitest';
import {
  addToClass,
  answersCsv,
  attemptRecordSchema,
  checkAttempt,
  checkClass,
  classRoster,
  decisionBreakdown,
  rosterCsv,
  type AttemptRecord,
} from '../../../src/engine/index.ts';
import { ALL_YES } from './fixture.ts';
import { makeResultsFile } from '../attempt-fixture.ts';
import { CLASS_NOW, classKey, played } from './class-fixture.ts';

const key = classKey;
const keys = new Map([['fixture', key]]);
const NOW = CLASS_NOW;
const context = { sessionCode: 'ACAD-26-3', now: NOW };
const codes = (a: AttemptRecord) => checkAttempt(a, key, context).flags.map((f) => f.code);

describe('checking a handed-in attempt', () => {
  it('verifies an honest attempt: re-scored by the engine to the same figures', () => {
    const check = checkAttempt(played('ask'), key, context);
    expect(check).toMatchObject({ verified: true, flags: [], passed: true, scoringVersion: 2 });
    // 2 + 7 + 1 of 2 + 7 + 3 = 10 of 12
    expect(check.rescored).toEqual({ earned: 10, possible: 12, percent: 83, passed: true });
  });

  it('re-scores an old file (no scoring version: all or nothing) with its own rules, keeping its original score', () => {
    const old = played('ask', {}, 1);
    expect(old.scoringVersion).toBeUndefined();
    expect(old.percent).toBe(75); // 9 of 12: nothing for the call under version 1
    const check = checkAttempt(old, key, context);
    expect(check).toMatchObject({ verified: true, scoringVersion: 1, passed: false });
    expect(check.rescored?.percent).toBe(75);
  });

  it('flags "passed" at 0 %, and does not count it as passed', () => {
    const fake = played('decline', { passed: true, percent: 0 });
    expect(codes(fake)).toEqual(['score', 'pass']);
    expect(checkAttempt(fake, key, context).passed).toBe(false);
    expect(checkAttempt(fake, undefined, context)).toMatchObject({ passed: false });
  });

  it('flags a score the answers do not earn', () => {
    const inflated = played('decline', { percent: 100, earned: 12, passed: true });
    const check = checkAttempt(inflated, key, context);
    expect(check.flags[0]).toEqual({
      code: 'score',
      message: 'it states 100% (12 of 12), but its answers earn 75% (9 of 12)',
    });
  });

  it('flags a path that does not follow the scenario', () => {
    expect(codes(played('act', { path: ['a', 'd', 'bad'], ending: 'bad' }))).toEqual(['path']);
    expect(codes(played('act', { path: ['d', 'good'] }))).toEqual(['path']);
  });

  it('flags an unknown scenario and another content version', () => {
    expect(checkAttempt(played('act', { scenario: 'nope' }), undefined, context).flags.map((f) => f.code)).toEqual([
      'unknown-scenario',
    ]);
    expect(codes(played('act', { contentHash: 'h0' }))).toEqual(['other-version']);
  });

  it('flags implausible times: finished before started, dated 9999, more play than time, faster than reading', () => {
    expect(codes(played('act', { finishedAt: '2026-11-01T09:00:00.000Z' }))).toEqual(['time']);
    expect(codes(played('act', { finishedAt: '9999-01-01T00:00:00.000Z' }))).toEqual(['time']);
    expect(codes(played('act', { seconds: 7200 }))).toEqual(['time']);
    expect(codes(played('act', { seconds: 2 }))).toEqual(['time']);
  });

  it('flags a missing or other session code when the class has one', () => {
    const { sessionCode: _, ...bare } = played('act');
    void _;
    expect(codes(bare)).toEqual(['no-session']);
    expect(codes(played('act', { sessionCode: 'ACAD-26-2' }))).toEqual(['other-session']);
    expect(checkAttempt(bare, key, { sessionCode: '', now: NOW }).flags).toEqual([]);
  });

  it('flags a scoring version this course does not have', () => {
    expect(codes(played('act', { scoringVersion: 9 }))).toEqual(['scoring-version']);
  });

  it('refuses numbers no real result has (they added up to "Infinity%")', () => {
    expect(attemptRecordSchema.safeParse(played('act', { earned: 1e308 })).success).toBe(false);
    expect(attemptRecordSchema.safeParse(played('act', { seconds: 1e308 })).success).toBe(false);
    expect(attemptRecordSchema.safeParse(played('act')).success).toBe(true);
  });
});

describe('checking a class', () => {
  it('keeps two people who typed the same member number apart, and flags both', () => {
    let learners = addToClass([], makeResultsFile('Ana Ruiz', [played('act')], 'E-1'), 'ana.json').learners;
    learners = addToClass(
      learners,
      makeResultsFile('Ben Cole', [played('ask', { id: 'b1' })], 'E-1'),
      'ben.json',
    ).learners;
    expect(learners.map((l) => l.name)).toEqual(['Ana Ruiz', 'Ben Cole']);
    const check = checkClass(learners, keys, context);
    expect(check.get(learners[0]!.key)!.flags).toEqual([
      { code: 'identity', message: 'member number E-1 is also used by Ben Cole' },
    ]);
    expect(check.get(learners[1]!.key)!.flags[0]!.message).toBe('member number E-1 is also used by Ana Ruiz');
  });

  it('counts a pass only where the check agrees, and says so in the roster CSV', () => {
    const learners = addToClass(
      [],
      makeResultsFile('Ana Ruiz', [played('decline', { passed: true, percent: 0 })]),
      'a.json',
    ).learners;
    const check = checkClass(learners, keys, context);
    expect(classRoster(learners, ['fixture'])[0]!.progress[0]!.status).toBe('not passed');
    expect(classRoster(learners, ['fixture'], check)[0]!.progress[0]!.status).toBe('not passed');
    const row = rosterCsv(learners, [{ id: 'fixture', title: 'Fixture' }], check).split('\r\n')[1]!;
    expect(row).toContain(',no,');
    expect(row).toMatch(
      /,2,no,"it states 0% \(9 of 12\), but its answers earn 75% \(9 of 12\); it says passed, but 75% is below the pass mark of 80%"$/,
    );
  });

  it('writes the answers CSV even when a file names scenario "constructor" or "__proto__"', () => {
    const learners = addToClass(
      [],
      makeResultsFile('Ana Ruiz', [
        played('act', { scenario: 'constructor' }),
        played('ask', { id: 'p', scenario: '__proto__' }),
      ]),
      'a.json',
    ).learners;
    const csv = answersCsv(learners, { fixture: [{ id: 'd', title: 'D', key: ALL_YES }] });
    expect(csv).toContain('Ana Ruiz,,constructor,x-act,d,call,act,,,,2');
    expect(csv).toContain('Ana Ruiz,,__proto__,p,d,call,ask,,,,2');
    const check = checkClass(learners, keys, context);
    expect([...check.get(learners[0]!.key)!.attempts.values()].map((c) => c.flags[0]?.code)).toEqual([
      'unknown-scenario',
      'unknown-scenario',
    ]);
  });
});

describe('the per-decision breakdown with partial credit', () => {
  it('counts each call’s points under the table, and old attempts under their own version', () => {
    let learners = addToClass([], makeResultsFile('Ana', [played('act')]), 'a.json').learners;
    learners = addToClass(learners, makeResultsFile('Ben', [played('ask', { id: 'b' })]), 'b.json').learners;
    learners = addToClass(learners, makeResultsFile('Cal', [played('decline', { id: 'c' })]), 'c.json').learners;
    learners = addToClass(learners, makeResultsFile('Dee', [played('ask', { id: 'd' }, 1)]), 'd.json').learners;
    const [d] = decisionBreakdown('fixture', [{ id: 'd', title: 'D', key: ALL_YES }], learners);
    expect(d).toMatchObject({
      answered: 4,
      rightCall: 'act',
      calls: { act: 1, ask: 2, decline: 1 },
      credit: { act: 3, ask: 1, decline: 0 },
      // Ana 3 + Ben 1 + Cal 0 + Dee 0 (asked under version 1: all or nothing)
      callEarned: 4,
      callPossible: 12,
    });
    const csv = answersCsv(learners, { fixture: [{ id: 'd', title: 'D', key: ALL_YES }] });
    expect(csv).toContain('Ben,,fixture,b,d,call,ask,act,no,1/3,2');
    expect(csv).toContain('Dee,,fixture,d,d,call,ask,act,no,0/3,1');
  });
});
