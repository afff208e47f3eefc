import validateStatement from '@learninglocker/xapi-validation';
import { describe, expect, it } from 'vitest';
import { lmsScore } from '../../../src/engine/index.ts';
import { PROGRESS_STATE_ID, startCmi5Session, type Cmi5Environment } from '../../../src/lib/lms/cmi5-session.ts';
import {
  answeredStatement,
  finishedStatements,
  initializedStatement,
  readLaunch,
  terminatedStatement,
  type Cmi5Launch,
  type LaunchData,
  type Statement,
} from '../../../src/lib/lms/cmi5-statements.ts';
import { LMS_NOTICES } from '../../../src/lib/lms/scorm-session.ts';
import { ALL_YES } from '../engine/fixture.ts';
import { LMS_SCENARIO as scenario, playLms, TO_DECISION, TO_END } from './lms-fixture.ts';

const HASH = '0123456789abcdef';
const LAUNCH: Cmi5Launch = {
  endpoint: 'http://127.0.0.1:9/lrs/',
  fetch: 'http://127.0.0.1:9/fetch/one-time',
  registration: '6f2b7c1e-1d0a-4c3b-9e8f-0a1b2c3d4e5f',
  activityId: 'https://training.example.org/mp201/au/keys',
  actor: { objectType: 'Agent', account: { homePage: 'https://lms.example.org', name: 'ff-1207' } },
};
const SESSION_ID = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const DATA: LaunchData = {
  contextTemplate: {
    contextActivities: { grouping: [{ id: 'https://training.example.org/mp201/au/keys' }] },
    extensions: { [SESSION_ID]: 'session-1' },
  },
  launchMode: 'Normal',
  returnURL: 'https://lms.example.org/course',
};
let n = 0;
const stamp = () => ({
  id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  timestamp: '2026-12-01T06:00:00.000Z',
});
const verbOf = (s: Statement) =>
  String((s.verb as { id: string }).id)
    .split('/')
    .pop();
const score = lmsScore(scenario, [
  { kind: 'choice', step: 'a', choice: 0 },
  { kind: 'decision', step: 'd', answers: ALL_YES, call: 'act' },
]);
/** Learning Locker's validator: [] when the statement is valid xAPI. */
const problems = (s: Statement) => validateStatement(s).map((w) => `${w.constructor.name} at ${w.path.join('.')}`);

describe('cmi5 launch parameters', () => {
  it('are read from the address, and missing ones mean no cmi5 launch', () => {
    const search = `?lms=cmi5&${new URLSearchParams({ ...LAUNCH, actor: JSON.stringify(LAUNCH.actor) })}`;
    expect(readLaunch(search)).toEqual(LAUNCH);
    expect(readLaunch('?lms=cmi5&endpoint=x&fetch=y&registration=z&activityId=a')).toBeUndefined();
    expect(readLaunch(search.replace('actor=', 'actor=%7B'))).toBeUndefined();
  });
});

describe('cmi5 statements', () => {
  const all = [
    initializedStatement(LAUNCH, DATA, stamp()),
    answeredStatement(LAUNCH, DATA, stamp(), {
      id: 'd.call',
      response: 'act',
      correct: ['act'],
      result: 'correct',
      description: 'Scene d: the call',
    }),
    ...finishedStatements(LAUNCH, DATA, stamp, score, 75.5, { completed: false, judged: false }).statements,
    terminatedStatement(LAUNCH, DATA, stamp(), 80),
  ];

  it('are valid xAPI (Learning Locker’s validator), every one', () => {
    expect(all.map(verbOf)).toEqual(['initialized', 'answered', 'completed', 'passed', 'terminated']);
    for (const s of all) expect(problems(s)).toEqual([]);
  });

  it('the validator catches a broken statement (the check can fail)', () => {
    const broken = { ...all[3]!, result: { score: { scaled: 7 }, duration: '75 seconds' } };
    expect(problems(broken)).toEqual(expect.arrayContaining([expect.stringContaining('result')]));
  });

  it('carry the LMS’s context template, the registration, and the cmi5 and moveOn categories', () => {
    const [initialized, answered, completed, passed] = all as [Statement, Statement, Statement, Statement];
    const context = (s: Statement) => s.context as Record<string, Record<string, unknown>>;
    for (const s of all) {
      expect(context(s).registration).toBe(LAUNCH.registration);
      expect(context(s).extensions![SESSION_ID]).toBe('session-1');
      expect(context(s).contextActivities!.grouping).toEqual([{ id: LAUNCH.activityId }]);
      expect(s.actor).toEqual(LAUNCH.actor);
    }
    const categories = (s: Statement) =>
      ((context(s).contextActivities!.category as { id: string }[] | undefined) ?? []).map((c) =>
        c.id.split('/').pop(),
      );
    expect(categories(initialized)).toEqual(['cmi5']);
    expect(categories(answered)).toEqual([]);
    expect(categories(completed)).toEqual(['cmi5', 'moveon']);
    expect(categories(passed)).toEqual(['cmi5', 'moveon']);
  });

  it('report the engine’s score, the pass by the pass mark and the time as ISO 8601 durations', () => {
    const passed = all[3]!;
    expect(passed.result).toEqual({
      score: { scaled: score.scaled, raw: score.raw, min: 0, max: 100 },
      success: true,
      duration: 'PT0H1M15S',
    });
    expect(all[2]!.result).toEqual({ completion: true, duration: 'PT0H1M15S' });
    expect(all[4]!.result).toEqual({ duration: 'PT0H1M20S' });
    expect(all[1]!.result).toEqual({ response: 'act', success: true });
  });

  it('judge by the LMS’s mastery score when LaunchData gives one, and say so in the statement', () => {
    // The course's pass mark says 70 passes; the LMS asks for 80.
    const strict = { ...DATA, masteryScore: 0.8 };
    const seventy = { ...score, raw: 70, scaled: 0.7, passed: true };
    const [, failed] = finishedStatements(LAUNCH, strict, stamp, seventy, 1, {
      completed: false,
      judged: false,
    }).statements;
    expect(verbOf(failed!)).toBe('failed');
    expect((failed!.context as { extensions: Record<string, unknown> }).extensions).toMatchObject({
      'https://w3id.org/xapi/cmi5/context/extensions/masteryscore': strict.masteryScore,
    });
    expect(problems(failed!)).toEqual([]);
  });

  it('send completed and passed or failed once per registration, and none in Browse or Review mode', () => {
    const again = finishedStatements(LAUNCH, DATA, stamp, score, 1, { completed: true, judged: true });
    expect(again.statements).toEqual([]);
    for (const launchMode of ['Browse', 'Review'] as const)
      expect(
        finishedStatements(LAUNCH, { ...DATA, launchMode }, stamp, score, 1, { completed: false, judged: false })
          .statements,
      ).toEqual([]);
  });
});

/** A stand-in LRS: the fetch URL works once, LaunchData, a state document, statements; `down` answers 500. */
function fakeLrs(launchData: LaunchData = DATA, progress?: string) {
  const lrs = {
    down: false,
    fetches: 0,
    statements: [] as Statement[],
    state:
      progress === undefined ? undefined : JSON.stringify({ progress, reported: { completed: false, judged: false } }),
    notices: [] as string[],
    kept: new Map<string, string>(),
    exits: [] as string[],
  };
  const net = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    const answer = (status: number, body = '') => new Response(status === 204 ? null : body, { status });
    if (url.pathname.startsWith('/fetch/'))
      return ++lrs.fetches === 1 ? answer(200, '{"auth-token":"dG9rZW4="}') : answer(400);
    if (new Headers(init?.headers).get('Authorization') !== 'Basic dG9rZW4=') return answer(401);
    if (lrs.down) return answer(500);
    if (url.pathname.endsWith('/statements')) {
      lrs.statements.push(...(JSON.parse(String(init!.body)) as Statement[]));
      return answer(200, '[]');
    }
    const stateId = url.searchParams.get('stateId');
    if (stateId === 'LMS.LaunchData') return answer(200, JSON.stringify(launchData));
    if (stateId === PROGRESS_STATE_ID) {
      if (init?.method === 'PUT') return ((lrs.state = String(init.body)), answer(204));
      return lrs.state ? answer(200, lrs.state) : answer(404);
    }
    return answer(404);
  }) as typeof fetch;
  const env: Cmi5Environment = {
    net,
    store: { getItem: (k) => lrs.kept.get(k) ?? null, setItem: (k, v) => void lrs.kept.set(k, v) },
    now: () => 1_000_000,
    uuid: () => crypto.randomUUID(),
    tell: (text) => void lrs.notices.push(text),
    offerExit: (url) => void lrs.exits.push(url),
  };
  return { lrs, env };
}
/** What one play of the scenario to its best ending sends: a choice, a decision's eight, completion, pass. */
const ONE_PLAY = ['initialized', ...Array(1 + 8).fill('answered'), 'completed', 'passed'];
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const play = (events: Parameters<typeof playLms>[0]) => playLms(events).getPersistedSnapshot();

describe('startCmi5Session', () => {
  it('uses the fetch URL once: a reload in the same tab keeps the token', async () => {
    const { lrs, env } = fakeLrs();
    await startCmi5Session(LAUNCH, scenario, HASH, env);
    const again = await startCmi5Session(LAUNCH, scenario, HASH, env);
    expect(lrs.fetches).toBe(1);
    expect(again.notice).toBe('');
  });

  it('sends initialized first, every answer, completed and passed once, and offers the way back', async () => {
    const { lrs, env } = fakeLrs();
    const session = await startCmi5Session(LAUNCH, scenario, HASH, env);
    session.resume(undefined);
    session.record(play(TO_DECISION));
    session.record(play(TO_END));
    session.record(play(TO_END));
    await settle();
    expect(lrs.statements.map(verbOf)).toEqual(ONE_PLAY);
    expect(lrs.statements.every((s) => problems(s).length === 0)).toBe(true);
    expect(JSON.parse(lrs.state!)).toEqual({
      progress: 'mp1.0123456789ab.0-ayyyyyyy.-',
      reported: { completed: true, judged: true },
    });
    expect(lrs.exits).toEqual([DATA.returnURL]);
  });

  it('resumes from the state document, and a new session of the registration reports no second pass', async () => {
    const { lrs, env } = fakeLrs(DATA, 'mp1.0123456789ab.0.-');
    const session = await startCmi5Session(LAUNCH, scenario, HASH, env);
    const resumed = session.resume(undefined) as { value: unknown };
    expect(resumed.value).toEqual({ d: 'answer' });
    expect(session.notice).toBe(LMS_NOTICES.resumed);
    session.record(play(TO_END));
    await settle();
    // The first answer was sent in the earlier session: only the decision's eight go now.
    expect(lrs.statements.map(verbOf)).toEqual(['initialized', ...Array(8).fill('answered'), 'completed', 'passed']);

    // A new launch of the same registration in a new tab: a new fetch URL, no sessionStorage.
    lrs.kept.clear();
    lrs.fetches = 0;
    const next = await startCmi5Session(LAUNCH, scenario, HASH, env);
    next.resume(undefined);
    next.record(play(TO_END));
    await settle();
    expect(lrs.statements.slice(11).map(verbOf)).toEqual(['initialized']);
  });

  it('Browse mode sends the answers but no score, completion, pass or fail', async () => {
    const { lrs, env } = fakeLrs({ ...DATA, launchMode: 'Browse' });
    const session = await startCmi5Session(LAUNCH, scenario, HASH, env);
    session.resume(undefined);
    session.record(play(TO_END));
    await settle();
    expect(lrs.statements.map(verbOf)).not.toContain('passed');
    expect(lrs.statements.map(verbOf)).not.toContain('completed');
    expect(lrs.statements.some((s) => 'score' in ((s.result as object | undefined) ?? {}))).toBe(false);
  });

  it('an LRS that fails loses nothing: the learner is told once, and the queue goes with the next decision', async () => {
    const { lrs, env } = fakeLrs();
    const session = await startCmi5Session(LAUNCH, scenario, HASH, env);
    session.resume(undefined);
    await settle();
    lrs.down = true;
    session.record(play(TO_DECISION));
    await settle();
    expect(lrs.notices).toEqual([LMS_NOTICES.notSaving]);
    // A reload now finds the queue in sessionStorage.
    expect(JSON.parse([...lrs.kept.values()][0]!).queue.map(verbOf)).toEqual(['answered']);
    lrs.down = false;
    session.record(play(TO_END));
    await settle();
    expect(lrs.notices).toEqual([LMS_NOTICES.notSaving, LMS_NOTICES.savingAgain]);
    expect(lrs.statements.map(verbOf)).toEqual(ONE_PLAY);
  });

  it('without an LRS (the fetch URL refused) says so once and keeps working locally', async () => {
    const { lrs, env } = fakeLrs();
    lrs.fetches = 1;
    const session = await startCmi5Session(LAUNCH, scenario, HASH, env);
    expect(session.notice).toBe(LMS_NOTICES.noApi);
    expect(session.record(play(TO_DECISION))).toBe('');
  });

  it('sends terminated last, with keepalive, when the page is hidden for good', async () => {
    const win = new EventTarget();
    Object.assign(globalThis, { addEventListener: win.addEventListener.bind(win) });
    const { lrs, env } = fakeLrs();
    const keepalive: boolean[] = [];
    const net = env.net;
    env.net = (input, init) => (keepalive.push(Boolean(init?.keepalive)), net(input, init));
    const session = await startCmi5Session(LAUNCH, scenario, HASH, env);
    Reflect.deleteProperty(globalThis, 'addEventListener');
    session.resume(undefined);
    await settle();
    win.dispatchEvent(Object.assign(new Event('pagehide'), { persisted: false }));
    win.dispatchEvent(Object.assign(new Event('pagehide'), { persisted: false }));
    await settle();
    expect(lrs.statements.map(verbOf)).toEqual(['initialized', 'terminated']);
    expect(keepalive.slice(-2)).toEqual([true, true]);
    expect(session.record(play(TO_DECISION))).toBe('');
  });
});
