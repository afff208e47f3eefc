import { describe, expect, it } from 'vitest';
import { lmsScore, type PlayerEvent } from '../../../src/engine/index.ts';
import type { ScormApi } from '../../../src/lib/lms/scorm-api.ts';
import { LMS_NOTICES, startScormSession } from '../../../src/lib/lms/scorm-session.ts';
import { isoDuration, timespan12 } from '../../../src/lib/lms/scorm-values.ts';
import { ALL_YES } from '../engine/fixture.ts';
import { LMS_SCENARIO as scenario, playLms, TO_DECISION as toDecision, TO_END as toEnd } from './lms-fixture.ts';

const HASH = '0123456789abcdef';

/** An LMS's data model in a Map; commits fail while `failing` is set, and keep nothing. */
function fakeLms(initial: Record<string, string> = {}) {
  const committed = new Map(Object.entries(initial));
  let pending = new Map(committed);
  const lms: { committed: Map<string, string>; failing: boolean; terminated: number; api: ScormApi } = {
    committed,
    failing: false,
    terminated: 0,
    api: {
      initialize: () => true,
      get: (k) => pending.get(k) ?? (k === 'cmi.interactions._count' ? '0' : ''),
      set: (k, v) => (pending.set(k, v), true),
      commit: () => {
        if (lms.failing) {
          pending = new Map(committed);
          return false;
        }
        for (const [k, v] of pending) committed.set(k, v);
        const count = [...committed.keys()].filter((k) => /^cmi\.interactions\.\d+\.id$/.test(k)).length;
        committed.set('cmi.interactions._count', String(count));
        return true;
      },
      terminate: () => (lms.terminated++, true),
      lastError: () => (lms.failing ? '101: General exception' : ''),
    } satisfies ScormApi,
  };
  return lms;
}

const play = (events: PlayerEvent[]) => playLms(events).getPersistedSnapshot();

describe('SCORM times', () => {
  it.each([
    [0, '0000:00:00.00', 'PT0H0M0S'],
    [3723.456, '0001:02:03.45', 'PT1H2M3S'],
  ])('%s seconds is %s (1.2) and %s (2004)', (seconds, v12, v2004) => {
    expect(timespan12(seconds)).toBe(v12);
    expect(isoDuration(seconds)).toBe(v2004);
  });
});

describe('startScormSession', () => {
  it('without an LMS says so once and keeps working locally', () => {
    const session = startScormSession('scorm12', scenario, HASH, undefined);
    expect(session.notice).toBe(LMS_NOTICES.noApi);
    expect(session.record(play(toDecision))).toBe('');
  });

  it('reports progress as incomplete and suspended, then the engine’s score and status at the end (1.2)', () => {
    const lms = fakeLms();
    const session = startScormSession('scorm12', scenario, HASH, lms.api);
    session.resume(undefined);
    expect(session.record(play(toDecision))).toBe('');
    expect(lms.committed.get('cmi.core.lesson_status')).toBe('incomplete');
    expect(lms.committed.get('cmi.core.exit')).toBe('suspend');
    expect(lms.committed.get('cmi.core.lesson_location')).toBe('d');
    expect(lms.committed.get('cmi.suspend_data')).toBe('mp1.0123456789ab.0.-');
    session.record(play(toEnd));
    const score = lmsScore(scenario, [
      { kind: 'choice', step: 'a', choice: 0 },
      { kind: 'decision', step: 'd', answers: ALL_YES, call: 'act' },
    ]);
    expect(lms.committed.get('cmi.core.score.raw')).toBe(String(score.raw));
    expect(lms.committed.get('cmi.core.lesson_status')).toBe(score.passed ? 'passed' : 'failed');
    expect(lms.committed.get('cmi.core.exit')).toBe('');
    expect(lms.committed.get('cmi.interactions._count')).toBe(String(1 + 8));
    expect(lms.committed.get('cmi.interactions.8.id')).toBe('d.call');
    expect(lms.committed.get('cmi.interactions.8.student_response')).toBe('act');
  });

  it('never turns a reported pass back into incomplete when the learner starts over', () => {
    const lms = fakeLms({ 'cmi.core.lesson_status': 'passed', 'cmi.core.score.raw': '90' });
    const session = startScormSession('scorm12', scenario, HASH, lms.api);
    session.record(play(toDecision));
    expect(lms.committed.get('cmi.core.lesson_status')).toBe('passed');
    expect(lms.committed.get('cmi.core.score.raw')).toBe('90');
    expect(lms.committed.get('cmi.suspend_data')).toBe('mp1.0123456789ab.0.-');

    const fresh = fakeLms();
    const again = startScormSession('scorm2004', scenario, HASH, fresh.api);
    again.record(play(toEnd));
    again.record(play(toDecision));
    expect(fresh.committed.get('cmi.completion_status')).toBe('completed');
    expect(fresh.committed.get('cmi.success_status')).toBe('passed');
  });

  it('sets completion, success and a scaled score in 2004', () => {
    const lms = fakeLms();
    const session = startScormSession('scorm2004', scenario, HASH, lms.api);
    session.record(play(toEnd));
    expect(lms.committed.get('cmi.completion_status')).toBe('completed');
    expect(lms.committed.get('cmi.success_status')).toBe('passed');
    expect(lms.committed.get('cmi.score.scaled')).toBe('1');
    expect(lms.committed.get('cmi.exit')).toBe('normal');
    expect(lms.committed.get('cmi.interactions.0.description')).toBe('Scene a: Choice 0');
  });

  it('tells the learner when a commit fails, and sends every missed answer once with the next commit', () => {
    const lms = fakeLms();
    const session = startScormSession('scorm12', scenario, HASH, lms.api);
    lms.failing = true;
    expect(session.record(play(toDecision))).toBe(LMS_NOTICES.notSaving);
    expect(lms.committed.get('cmi.suspend_data')).toBeUndefined();
    lms.failing = false;
    expect(session.record(play(toEnd))).toBe(LMS_NOTICES.savingAgain);
    expect(lms.committed.get('cmi.interactions._count')).toBe('9');
    expect(lms.committed.get('cmi.interactions.0.id')).toBe('a.choice');
  });

  it('never truncates progress that does not fit: keeps the LMS’s last copy and tells the learner', () => {
    const lms = fakeLms({ 'cmi.suspend_data': 'mp1.0123456789ab..-' });
    const session = startScormSession('scorm12', scenario, HASH, lms.api, Date.now, 10);
    expect(session.record(play(toDecision))).toBe(LMS_NOTICES.tooLong);
    expect(lms.committed.get('cmi.suspend_data')).toBe('mp1.0123456789ab..-');
    expect(lms.committed.get('cmi.core.lesson_location')).toBe('d');
  });

  it('resumes from the LMS, or from this browser when it carries on from the LMS', () => {
    const saved = {
      'cmi.suspend_data': 'mp1.0123456789ab.0.-',
      'cmi.interactions.0.id': 'a.choice',
      'cmi.interactions._count': '1',
    };
    const fromLms = startScormSession('scorm12', scenario, HASH, fakeLms(saved).api);
    const resumed = fromLms.resume(undefined) as { value: unknown };
    expect(resumed.value).toEqual({ d: 'answer' });
    expect(fromLms.notice).toBe(LMS_NOTICES.resumed);

    const lms = fakeLms(saved);
    const local = play([...toDecision, { type: 'DECIDE', answers: ALL_YES, call: 'act' }]);
    expect(startScormSession('scorm12', scenario, HASH, lms.api).resume(local)).toBe(local);
    // What only this browser had reached the LMS at once.
    expect(lms.committed.get('cmi.suspend_data')).toBe('mp1.0123456789ab.0-ayyyyyyy.r');
    expect(lms.committed.get('cmi.interactions._count')).toBe('9');
  });

  it('terminates once, when the page is hidden for good', () => {
    // Node has no window: give the session one to listen on.
    const win = new EventTarget();
    Object.assign(globalThis, { addEventListener: win.addEventListener.bind(win) });
    const lms = fakeLms();
    startScormSession('scorm2004', scenario, HASH, lms.api);
    Reflect.deleteProperty(globalThis, 'addEventListener');
    const hide = (persisted: boolean) => win.dispatchEvent(Object.assign(new Event('pagehide'), { persisted }));
    hide(true);
    expect(lms.terminated).toBe(0);
    hide(false);
    hide(false);
    expect(lms.terminated).toBe(1);
  });
});

describe('connectLms', () => {
  it('costs nothing outside an LMS, and says so when the bridge is missing inside one', async () => {
    const { connectLms, LMS_MISSING } = await import('../../../src/lib/lms/connect.ts');
    const { NOTICES } = await import('../../../src/client/player/attempt-session.ts');
    expect(connectLms(scenario, HASH, '?step=a')).toBeUndefined();
    // The notice is a key whose sentence the page holds (PlayerNotice.astro writes every NOTICES text).
    const notice = (await connectLms(scenario, HASH, '?lms=scorm12'))?.notice;
    expect(notice).toBe(LMS_MISSING);
    expect(NOTICES[notice as keyof typeof NOTICES]).toMatch(
      /LMS did not load, so your progress is kept only in this browser/,
    );
  });
});
