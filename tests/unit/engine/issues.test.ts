import { describe, expect, it } from 'vitest';
import * as zm from 'zod/mini';
import { describeIssue, describeValue } from '../../../src/engine/issues.ts';
import { frontmatterSchema } from '../../../src/engine/schema.ts';
import { checkScenarioPageData } from '../../../src/engine/page-data.ts';

const record = zm.object({
  score: zm.number().check(zm.maximum(100)),
  call: zm.enum(['act', 'ask', 'decline']),
  steps: zm.array(zm.string()),
  finishedAt: zm.iso.datetime(),
});
const valid = { score: 80, call: 'act', steps: [], finishedAt: '2026-11-26T09:30:00Z' };
const why = (data: unknown, whole?: string) => {
  const parsed = record.safeParse(data);
  if (parsed.success) throw new Error('expected a refusal');
  return describeIssue(parsed.error, whole);
};

describe('describeIssue: why data was refused, in words', () => {
  it('names the field and what was expected, for each kind of problem', () => {
    expect(why({ ...valid, score: 120 })).toBe('score: expected at most 100');
    expect(why({ ...valid, call: 'maybe' })).toBe('call: expected "act" or "ask" or "decline"');
    expect(why({ ...valid, steps: 'a' })).toBe('steps: expected a list');
    expect(why({ ...valid, finishedAt: 'Tuesday' })).toBe(
      'finishedAt: expected a date and time like 2026-11-26T09:30:00Z',
    );
  });

  it('names the whole when the problem is at the top, as the caller calls it', () => {
    expect(why([])).toBe('the file: expected a record');
    expect(why('text', 'the page data')).toBe('the page data: expected a record');
    expect(describeIssue({ issues: [] }, 'the page data')).toBe('the page data does not match what was expected');
  });
});

describe('describeValue: a found value as an author reads it', () => {
  it('says what was found, and the front matter uses it', () => {
    expect(describeValue(undefined)).toBe('nothing');
    expect(describeValue(['a'])).toBe('a list');
    expect(describeValue('ten')).toBe('string "ten"');
    const parsed = frontmatterSchema.safeParse({ minutes: 'ten' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message)).toContain('expected a number of minutes but found string "ten"');
  });
});

describe('checkScenarioPageData: a damaged drill page is caught', () => {
  it('accepts a scenario with its hash and refuses anything else with a reason', () => {
    const scenario = { id: 'x', file: 'x.mdx', frontmatter: {}, steps: [] };
    expect(checkScenarioPageData({ scenario, hash: 'abc' }).success).toBe(true);
    for (const broken of [null, {}, { scenario, hash: 1 }, { scenario: { ...scenario, steps: 'no' }, hash: 'abc' }]) {
      const checked = checkScenarioPageData(broken);
      expect(checked.success).toBe(false);
      if (!checked.success)
        expect(describeIssue(checked.error, 'the page data')).toBe('the page data: expected a scenario and its hash');
    }
  });
});
