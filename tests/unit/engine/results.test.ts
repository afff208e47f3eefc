import { describe, expect, it } from 'vitest';
import {
  attemptRecordSchema,
  csvField,
  mergeAttempts,
  resultsToCsv,
  standing,
  strengthsOf,
  suggestNext,
  summarizeProgress,
  toCsv,
} from '../../../src/engine/index.ts';
import { makeAttempt } from '../attempt-fixture.ts';

const attempt = makeAttempt;

describe('attemptRecordSchema', () => {
  it('accepts a record and rejects one with a score over 100, naming the field', () => {
    expect(attemptRecordSchema.safeParse(attempt()).success).toBe(true);
    const bad = attemptRecordSchema.safeParse(attempt({ percent: 140 }));
    expect(bad.error?.issues[0]?.path).toEqual(['percent']);
  });
});

describe('mergeAttempts', () => {
  it('keeps the same attempt once and takes only what is new', () => {
    const result = mergeAttempts(
      [attempt()],
      [attempt(), attempt({ id: 'a2', finishedAt: '2026-11-02T10:00:00.000Z' })],
    );
    expect(result.attempts.map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(result).toMatchObject({ added: 1, updated: 0 });
    expect(result.taken.map((a) => a.id)).toEqual(['a2']);
  });

  it('lets a newer copy of an attempt win and never overwrites newer data with older', () => {
    const newer = attempt({ finishedAt: '2026-11-05T10:00:00.000Z', percent: 100 });
    expect(mergeAttempts([attempt()], [newer]).attempts[0]?.percent).toBe(100);
    const kept = mergeAttempts([newer], [attempt()]);
    expect(kept.attempts[0]?.percent).toBe(100);
    expect(kept.taken).toEqual([]);
  });
});

describe('progress figures', () => {
  const attempts = [
    attempt({
      id: '1',
      percent: 60,
      passed: false,
      finishedAt: '2026-11-01T10:00:00.000Z',
      byDimension: [{ dimension: 'q.safe', earned: 0, possible: 1 }],
    }),
    attempt({ id: '2', percent: 90, passed: true, finishedAt: '2026-11-02T10:00:00.000Z' }),
    attempt({
      id: '3',
      percent: 70,
      passed: false,
      finishedAt: '2026-11-03T10:00:00.000Z',
      byDimension: [{ dimension: 'q.level', earned: 0, possible: 2 }],
    }),
  ];

  it('gives each scenario its status, best and latest score and time', () => {
    const [mower, fire, dog] = summarizeProgress(['mower', 'fire', 'dog'], attempts, new Set(['fire']));
    expect(mower).toMatchObject({ status: 'passed', attempts: 3, seconds: 1800 });
    expect(mower?.best?.percent).toBe(90);
    expect(mower?.latest?.percent).toBe(70);
    expect(fire).toMatchObject({ status: 'in progress', attempts: 0 });
    expect(dog).toMatchObject({ status: 'not started' });
  });

  it('measures strengths on the latest attempt of each scenario and suggests the scenario for the weakest question', () => {
    const strengths = strengthsOf(attempts);
    expect(strengths.find((s) => s.dimension === 'q.level')).toMatchObject({ earned: 0, possible: 2, percent: 0 });
    expect(strengths.find((s) => s.dimension === 'q.safe')?.percent).toBeNull();
    const progress = summarizeProgress(['mower', 'card', 'visits'], attempts);
    const next = suggestNext(
      strengths,
      [
        { id: 'mower', title: 'Mower', decisive: ['q.level'] },
        { id: 'card', title: 'Card', decisive: ['q.safe'] },
        { id: 'visits', title: 'Visits', decisive: ['q.level'] },
      ],
      progress,
    );
    expect(next).toEqual({ scenario: { id: 'visits', title: 'Visits', decisive: ['q.level'] }, because: 'q.level' });
  });
});

describe('standing', () => {
  it.each([
    [null, 'none'],
    [69, 'gap'],
    [70, 'fair'],
    [84, 'fair'],
    [85, 'strong'],
  ] as const)('%s%% reads as %s', (percent, expected) => expect(standing(percent)).toBe(expected));
});

describe('CSV', () => {
  it.each([
    ['plain', 'plain'],
    ['Ruiz, Ana', '"Ruiz, Ana"'],
    ['She said "no"', '"She said ""no"""'],
    ['two\nlines', '"two\nlines"'],
    ['=1+1', "'=1+1"],
    ['+SUM(A1)', "'+SUM(A1)"],
    ['-2+3', "'-2+3"],
    ['@cmd', "'@cmd"],
    ['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
    // Spreadsheets skip leading whitespace and fold full-width signs, so these are formulas too.
    [' =1+1', "' =1+1"],
    ['\n=1+1', '"\'\n=1+1"'],
    ['\uff1d1+1', "'\uff1d1+1"],
    ['\u3000\uff0bcmd', "'\u3000\uff0bcmd"],
    ['-3', '-3'],
    ['Ana Ruiz', 'Ana Ruiz'],
  ])('escapes %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('writes rows with CRLF line ends, after a byte-order mark so spreadsheets read UTF-8 (José stays José)', () => {
    expect(
      toCsv([
        ['José', 1],
        ['b', null],
      ]),
    ).toBe('\ufeffJosé,1\r\nb,\r\n');
  });

  it('flattens a results file, one row per attempt, with every dimension', () => {
    const csv = resultsToCsv({
      format: 'mp201-results',
      version: 1,
      exportedAt: '2026-11-26T00:00:00.000Z',
      trainee: { name: '=Ruiz, Ana' },
      attempts: [attempt()],
    });
    const [header, row] = csv.trim().split('\r\n');
    expect(header).toMatch(
      /^name,member_id,session,scenario,title,content_hash,started,finished,seconds,ending,outcome,percent,passed,q\.customer,/,
    );
    expect(row).toMatch(/^"'=Ruiz, Ana",,,mower,The Mower,h1,/);
    expect(row).toContain(',90,yes,');
  });
});
