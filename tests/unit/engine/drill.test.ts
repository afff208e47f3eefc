import { describe, expect, it } from 'vitest';
import {
  buildDrillRecord,
  drillRecordSchema,
  drillsToCsv,
  formatDuration,
  groupAnswer,
  parseMembers,
  scoreAttempt,
  setupProblems,
} from '../../../src/engine/index.ts';
import { ending, scene, valid } from './fixture.ts';

describe('groupAnswer', () => {
  it.each([
    [{ yes: 3, no: 1 }, 'yes'],
    [{ yes: 1, no: 3 }, 'no'],
    [{ yes: 2, no: 2 }, undefined],
    [{ yes: 2, no: 2, consensus: 'no' as const }, 'no'],
    [{ yes: 4, no: 0, consensus: 'no' as const }, 'no'],
    [undefined, undefined],
  ])('%o -> %s', (tally, answer) => expect(groupAnswer(tally)).toBe(answer));
});

describe('drill setup and record', () => {
  it('reads members one per line with optional member numbers', () => {
    expect(parseMembers(' Ruiz, 4471\n\nPatel\nHenderson; 5120 ')).toEqual([
      { name: 'Ruiz', memberId: '4471' },
      { name: 'Patel' },
      { name: 'Henderson', memberId: '5120' },
    ]);
  });

  it('names what is missing before a drill can start', () => {
    expect(setupProblems({ unit: ' ', shift: '', date: '26/11/2026', officer: '', members: [] })).toEqual([
      'the unit or company',
      "the officer's name",
      'the date',
      'at least one member present',
    ]);
  });

  it('builds a record with duration and the group score, which the stored-record schema accepts and CSV flattens', () => {
    const s = valid([scene('a', [{ to: 'e' }]), ending('e')]);
    const answers = [{ kind: 'choice' as const, step: 'a', choice: 0 }];
    const record = buildDrillRecord(
      {
        id: 'd1',
        scenario: s.id,
        title: 'Fixture',
        contentHash: 'h',
        setup: {
          unit: 'Engine 21',
          shift: 'B',
          date: '2026-11-26',
          officer: 'Capt. Okafor',
          members: [{ name: 'Ruiz', memberId: '4471' }],
        },
        startedAt: '2026-11-26T19:00:00.000Z',
        endedAt: '2026-11-26T19:24:30.000Z',
        path: ['a', 'e'],
        answers,
        tallies: [],
        notes: '=cmd',
      },
      scoreAttempt(s, answers),
    );
    expect(record).toMatchObject({ durationSeconds: 1470, ending: 'e', percent: 100, passed: true });
    expect(formatDuration(record.durationSeconds)).toBe('24 min 30 s');
    expect(drillRecordSchema.safeParse(record).success).toBe(true);
    const row = drillsToCsv([record]).split('\r\n')[1];
    expect(row).toMatch(/^2026-11-26,Engine 21,B,Capt\. Okafor,Ruiz \(4471\),fixture,/);
    expect(row?.endsWith(",'=cmd")).toBe(true);
  });
});
