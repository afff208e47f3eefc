import { describe, expect, it } from 'vitest';
import {
  CALL_CREDIT,
  CALL_POINTS,
  CALL_REASONS,
  creditOf,
  describeDecisionKey,
  scoreText,
  SCORING_VERSION,
  analyzePaths,
  callPoints,
  explainCall,
  reviewDecision,
  scoreAttempt,
  type Answer,
  type Call,
  type DecisionStep,
} from '../../../src/engine/index.ts';
import { ALL_YES, decision, decisionByCall, ending, scene, valid } from './fixture.ts';

/** The keys that call for each call: all yes, only level no, and another no. */
const KEYS = { act: {}, ask: { level: 'no' }, decline: { safe: 'no' } } as const;

describe('the call-credit table', () => {
  it.each([
    ['act', 'act', 3, 'full'],
    ['act', 'ask', 1, 'partial'],
    ['act', 'decline', 0, 'none'],
    ['ask', 'act', 0, 'none'],
    ['ask', 'ask', 3, 'full'],
    ['ask', 'decline', 1, 'partial'],
    ['decline', 'act', 0, 'none'],
    ['decline', 'ask', 2, 'partial'],
    ['decline', 'decline', 3, 'full'],
  ] as const)('key %s, call %s: %i of 3 (%s credit)', (expected, made, points, credit) => {
    expect(CALL_CREDIT[expected][made]).toBe(points);
    expect(creditOf(points)).toBe(credit);
    expect(CALL_REASONS[expected][made].reason).toMatch(/\.$/);
    expect(callPoints(expected, made)).toBe(points);
    // Version 1 was all or nothing: full for the key's call, none otherwise.
    expect(callPoints(expected, made, 1)).toBe(expected === made ? CALL_POINTS : 0);
  });

  it('keeps CALL_POINTS at 3 and is on scoring version 2', () => {
    expect(CALL_POINTS).toBe(3);
    expect(SCORING_VERSION).toBe(2);
  });

  it.each(['act', 'ask', 'decline'] as const)(
    'a decision keyed %s totals 7 + the call’s points when every question matches',
    (expected) => {
      const s = valid([decision('d', { act: 'e', ask: 'e', decline: 'e' }, KEYS[expected]), ending('e')]);
      const key = (s.steps[0] as DecisionStep).key;
      for (const made of ['act', 'ask', 'decline'] as Call[]) {
        const answer: Answer = { kind: 'decision', step: 'd', answers: key, call: made };
        const points = CALL_CREDIT[expected][made];
        expect(scoreAttempt(s, [answer])).toMatchObject({ earned: 7 + points, possible: 10 });
        expect(scoreAttempt(s, [answer], 1)).toMatchObject({ earned: made === expected ? 10 : 7, possible: 10 });
        expect(reviewDecision(s.steps[0] as DecisionStep, answer)).toMatchObject({
          earned: 7 + points,
          callEarned: points,
          callPossible: 3,
          callCorrect: made === expected,
        });
      }
    },
  );

  it('sums partial credit over several decisions and scenes', () => {
    const s = valid([
      scene('a', [{ to: 'd1', grade: 'ok', trains: 'duty.respect' }]),
      decision('d1', { act: 'd2', ask: 'd2', decline: 'd2' }),
      decision('d2', { act: 'e', ask: 'e', decline: 'e' }, { policy: 'no' }),
      ending('e'),
    ]);
    const answers: Answer[] = [
      { kind: 'choice', step: 'a', choice: 0 },
      { kind: 'decision', step: 'd1', answers: ALL_YES, call: 'ask' },
      { kind: 'decision', step: 'd2', answers: { ...ALL_YES, policy: 'no' }, call: 'ask' },
    ];
    // choice 1/2 + d1 7+1 + d2 7+2 = 18 of 22
    const score = scoreAttempt(s, answers);
    expect(score).toMatchObject({ earned: 18, possible: 22, percent: 82 });
    expect(score.byDimension.find((d) => d.dimension === 'call')).toMatchObject({ earned: 3, possible: 6 });
  });
});

describe('explaining a call', () => {
  it('says what the trainee did, why it earned what it did, and the points', () => {
    expect(explainCall('act', 'ask')).toBe(
      'You asked your officer. That was safe, but every answer was yes: the call was yours to make, and waiting for permission cost the customer time. (1 of 3 points for the call.)',
    );
    expect(explainCall('decline', 'ask')).toMatch(
      /^You asked your officer\. Checking with your officer is never wrong.*\(2 of 3 points for the call\.\)$/,
    );
    expect(explainCall('ask', 'act')).toMatch(
      /^You acted\. .*beyond your authority\. \(0 of 3 points for the call\.\)$/,
    );
  });

  it('where acting keeps someone informed, says that telling is not asking permission', () => {
    expect(explainCall('act', 'ask', 'your captain')).toBe(
      'You asked your officer. That was safe, and keeping your captain informed is expected here, but telling is not asking permission: every answer was yes, so the call was yours to make. (1 of 3 points for the call.)',
    );
    expect(explainCall('act', 'act', 'command')).toContain(
      'Acting here includes keeping command informed: telling is not asking permission.',
    );
    // Not where the key calls for something else.
    expect(explainCall('decline', 'act', 'command')).not.toContain('informed');
  });

  it('reads inform into the decision and reviews the call with partial credit', () => {
    const s = valid([decision('d', { act: 'e', ask: 'e', decline: 'e' }, { inform: 'command' }), ending('e')]);
    const step = s.steps[0] as DecisionStep;
    expect(step.inform).toBe('command');
    const review = reviewDecision(step, { kind: 'decision', step: 'd', answers: step.key, call: 'ask' });
    expect(review).toMatchObject({ callCredit: 'partial', callEarned: 1, callPossible: 3, earned: 8, possible: 10 });
  });

  it('names the scoring version next to a score only when it is not today’s', () => {
    expect(scoreText(72, 2)).toBe('72%');
    expect(scoreText(72, undefined)).toBe('72% (scoring v1: all or nothing for the call)');
  });
});

describe('a decision’s key as its page shows it', () => {
  const keyOf = (over: Record<string, 'yes' | 'no'>) => ({ ...ALL_YES, ...over });

  it.each([
    [
      'all yes',
      {},
      undefined,
      { label: 'Act', note: 'do it now, without asking permission' },
      ['right', 'partial', 'wrong'],
    ],
    [
      'all yes, keeping command informed',
      {},
      ' command ',
      { label: 'Act, and keep command informed', note: 'telling is not asking permission' },
      ['right', 'partial', 'wrong'],
    ],
    [
      'level no',
      { level: 'no' },
      undefined,
      { label: 'Ask your officer', note: 'take it to the person who holds that level' },
      ['wrong', 'right', 'partial'],
    ],
    [
      'safe no, whoever inform names',
      { safe: 'no' },
      'command',
      { label: 'Decline', note: 'say no kindly and offer what you can do instead' },
      ['wrong', 'partial', 'right'],
    ],
  ] as const)('%s: the right call, and each call’s row in the review', (_, over, inform, right, classes) => {
    const described = describeDecisionKey(keyOf(over), inform);
    expect(described.right).toEqual(right);
    expect(described.calls.map((c) => c.call)).toEqual(['act', 'ask', 'decline']);
    expect(described.calls.map((c) => c.className)).toEqual(classes);
  });

  it('words each call’s result with its mark, its points and why', () => {
    const [act, ask] = describeDecisionKey(ALL_YES, 'command').calls;
    expect(act).toMatchObject({ mark: '✓', words: 'Best call', points: 3 });
    expect(act!.text).toContain('keeping command informed');
    expect(ask).toMatchObject({
      mark: '◐',
      words: 'Acceptable call',
      points: 1,
      text: explainCall('act', 'ask', 'command'),
    });
  });
});

describe('path analysis with partial credit', () => {
  it('counts a partly right call in the score range', () => {
    // One decision keyed act, each call to its own ending: 10/10, 8/10, 7/10.
    const s = valid([...decisionByCall('d')]);
    expect(analyzePaths(s).scoreRange).toEqual({ min: 70, max: 100 });
  });

  it('a decision keyed decline: acting 70%, declining 100%, the best path declines', () => {
    const s = valid([
      decision('d', { act: 'bad', ask: 'ok', decline: 'good' }, { safe: 'no' }),
      ending('good'),
      ending('ok', 'adequate'),
      ending('bad', 'poor'),
    ]);
    const a = analyzePaths(s);
    expect(a.scoreRange).toEqual({ min: 70, max: 100 });
    expect(a.bestPaths).toEqual([['d', 'good']]);
  });
});
