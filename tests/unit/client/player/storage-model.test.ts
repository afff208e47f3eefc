import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AttemptRecord } from '../../../../src/engine/results-schema.ts';
import { FakeStorage } from '../../lib/fake-storage.ts';
import { ALL_YES, decision, ending, scene, valid } from '../../engine/fixture.ts';

/**
 * A model of what learners do to their saved work, driven in random orders against the real storage,
 * attempt and results modules: tabs opening, playing, reloading, starting over and closing; content
 * updates (a new content hash); storage that fills up or is blocked; and damage to stored data. Each
 * tab gets its own copy of the modules, as each browser tab has its own memory. Properties: nothing
 * throws; every finished result is either in the browser's storage (read back by a fresh page) or was
 * offered for download by the tab that finished it while that tab is open; damaged data is never lost.
 */

const scenario = valid([
  scene('start', [{ to: 'd' }, { to: 'e2' }]),
  decision('d', { act: 'e1', ask: 'e2', decline: 'e3' }),
  ending('e1'),
  ending('e2'),
  ending('e3', 'poor'),
]);

/** A fresh copy of the modules a page loads (each tab has its own memory). */
async function pageModules() {
  vi.resetModules();
  return {
    session: await import('../../../../src/client/player/attempt-session.ts'),
    attempts: await import('../../../../src/lib/attempt-store.ts'),
    results: await import('../../../../src/lib/results-store.ts'),
    data: await import('../../../../src/lib/progress-data.ts'),
    machine: await import('../../../../src/engine/machine.ts'),
    snapshots: await import('../../../../src/engine/saved-snapshot.ts'),
    xstate: await import('xstate'),
  };
}
type Modules = Awaited<ReturnType<typeof pageModules>>;

interface Tab {
  mods: Modules;
  session: InstanceType<Modules['session']['AttemptSession']>;
  actor: ReturnType<Modules['xstate']['createActor']>;
  /** Results this tab finished that the browser did not keep: the tab offered them for download. */
  offered: Set<string>;
}

/** The browser: one disk shared by every tab, which can fill up or refuse access. */
class Browser {
  disk = new FakeStorage();
  blocked = false;
  hash = 'v1';
  tabs: Tab[] = [];
  /** Finished results the browser reported as kept (id -> percent). */
  kept = new Map<string, number>();
  /** Damaged text written into storage, which must never disappear. */
  damage: string[] = [];

  /** What a tab opened now sees as localStorage. */
  storageForNewTab(): Storage {
    if (!this.blocked) return this.disk;
    const deny = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    return { length: 0, key: () => null, getItem: deny, setItem: deny, removeItem: deny, clear: deny } as Storage;
  }

  async open(): Promise<Tab> {
    vi.stubGlobal('localStorage', this.storageForNewTab());
    const mods = await pageModules();
    const machine = mods.machine.createScenarioMachine(scenario);
    const restorable = (snapshot: unknown) => {
      try {
        const probe = mods.xstate.createActor(machine, { snapshot: snapshot as never }).start();
        const state = probe.getSnapshot();
        probe.stop();
        return !!scenario.steps.find((s) => s.id === mods.snapshots.currentStep(state)) && state.status !== 'error';
      } catch {
        return false;
      }
    };
    const loaded = mods.attempts.loadAttempt(scenario.id, this.hash, restorable);
    const session = new mods.session.AttemptSession(scenario, this.hash, loaded);
    const actor = mods.xstate.createActor(
      machine,
      loaded.status === 'found' ? { snapshot: loaded.attempt.snapshot as never } : {},
    );
    actor.start();
    const tab: Tab = { mods, session, actor, offered: new Set() };
    if (actor.getSnapshot().status === 'done') this.record(tab, tab.session.finish(actor.getSnapshot().context));
    this.tabs.push(tab);
    return tab;
  }

  /** One move of the learner in a tab (choose, decide, continue or see the ending; once finished, nothing). */
  move(tab: Tab, pick: number): string {
    const snapshot = tab.actor.getSnapshot();
    if (snapshot.status === 'done') return '';
    if (snapshot.hasTag('review')) tab.actor.send({ type: 'CONTINUE' });
    else if (snapshot.can({ type: 'SEE' })) tab.actor.send({ type: 'SEE' });
    else if (tab.mods.snapshots.currentStep(snapshot) === 'start') tab.actor.send({ type: 'CHOOSE', index: pick % 2 });
    else tab.actor.send({ type: 'DECIDE', answers: ALL_YES, call: (['act', 'ask', 'decline'] as const)[pick % 3]! });
    const report = tab.session.save(tab.actor.getPersistedSnapshot());
    const next = tab.actor.getSnapshot();
    if (next.status === 'done') this.record(tab, tab.session.finish(next.context));
    return report.notice;
  }

  /** Note where a finished result went: the browser's storage, or an offered download. */
  record(tab: Tab, report: { offerDownload: boolean }) {
    const mine = tab.mods.results.readResults().results.map((r) => r.data as AttemptRecord);
    const latest = mine.sort((a, b) => a.finishedAt.localeCompare(b.finishedAt)).at(-1);
    if (!latest) throw new Error('A finished result is not even in the page that finished it');
    if (report.offerDownload) tab.offered.add(latest.id);
    else if (!tab.offered.has(latest.id)) this.kept.set(latest.id, latest.percent);
  }

  startOver(tab: Tab) {
    tab.session = tab.session.restart();
    tab.actor = tab.mods.xstate.createActor(tab.mods.machine.createScenarioMachine(scenario)).start();
  }

  close(tab: Tab) {
    tab.actor.stop();
    this.tabs = this.tabs.filter((t) => t !== tab);
  }

  /** Everything on the disk, read raw (reading through the modules would tidy it up). */
  raw(): Map<string, string> {
    return new Map(
      [...Array(this.disk.length).keys()].map((i) => [this.disk.key(i)!, this.disk.getItem(this.disk.key(i)!)!]),
    );
  }

  /** Check the properties on the disk as it is, without touching it. */
  check() {
    const disk = this.raw();
    const data = (text: string | undefined) => {
      try {
        const parsed = JSON.parse(text ?? 'null') as { data?: unknown } | null;
        return (parsed && typeof parsed === 'object' && 'data' in parsed ? parsed.data : parsed) as
          Record<string, unknown> | undefined;
      } catch {
        return undefined; // Damaged text: checked below as text.
      }
    };
    for (const [id, percent] of this.kept)
      expect(data(disk.get(`mp201:result:${id}`))?.percent, `result ${id}`).toBe(percent);
    const setAside = [...disk]
      .filter(([key]) => key.startsWith('mp201:set-aside:'))
      .map(([, text]) => data(text)?.value);
    for (const text of this.damage)
      expect([...disk.values()].includes(text) || setAside.includes(text), `damaged data ${text}`).toBe(true);
    // Results a tab offered for download are still in that tab while it is open.
    for (const tab of this.tabs) {
      const held = new Set(tab.mods.results.readResults().results.map((r) => r.data.id));
      for (const id of tab.offered) expect(held.has(id)).toBe(true);
    }
  }

  /** At the end, My progress opened on healthy storage lists every kept result and throws nothing. */
  async finalCheck() {
    this.disk.full = false;
    vi.stubGlobal('localStorage', this.disk);
    const mods = await pageModules();
    const found = new Map(mods.data.loadLearnerData().attempts.map((a) => [a.id, a.percent]));
    for (const [id, percent] of this.kept) expect(found.get(id), `result ${id}`).toBe(percent);
    this.check();
  }
}

type Command =
  | { kind: 'open' }
  | { kind: 'openAndMove'; pick: number }
  | { kind: 'move'; tab: number; pick: number; times: number }
  | { kind: 'reload'; tab: number }
  | { kind: 'startOver'; tab: number }
  | { kind: 'close'; tab: number }
  | { kind: 'update' }
  | { kind: 'full'; on: boolean }
  | { kind: 'blocked'; on: boolean }
  | { kind: 'damage'; target: 'attempt' | 'result' | 'set-aside'; text: string };

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.constant({ kind: 'open' as const }),
  fc.record({ kind: fc.constant('openAndMove' as const), pick: fc.nat(5) }),
  fc.record({
    kind: fc.constant('move' as const),
    tab: fc.nat(3),
    pick: fc.nat(5),
    times: fc.integer({ min: 1, max: 4 }),
  }),
  fc.record({ kind: fc.constant('reload' as const), tab: fc.nat(3) }),
  fc.record({ kind: fc.constant('startOver' as const), tab: fc.nat(3) }),
  fc.record({ kind: fc.constant('close' as const), tab: fc.nat(3) }),
  fc.constant({ kind: 'update' as const }),
  fc.record({ kind: fc.constant('full' as const), on: fc.boolean() }),
  fc.record({ kind: fc.constant('blocked' as const), on: fc.boolean() }),
  fc.record({
    kind: fc.constant('damage' as const),
    target: fc.constantFrom('attempt' as const, 'result' as const, 'set-aside' as const),
    text: fc.constantFrom(
      '{"record":"attempt"',
      'null',
      '[]',
      '{"record":"attempt","version":3,"rev":2,"data":{"scenario":"fixture"}}',
      '{"format":"mp201-attempt","version":2,"snapshot":{"value":"nowhere","status":"active"}}',
      '42',
    ),
  }),
);

async function run(commands: Command[]) {
  const browser = new Browser();
  let damageCount = 0;
  const tabAt = (i: number) => browser.tabs[i % Math.max(1, browser.tabs.length)];
  for (const c of commands) {
    if (c.kind === 'open') await browser.open();
    else if (c.kind === 'openAndMove') {
      const healthy = !browser.blocked && !browser.disk.full;
      const tab = await browser.open();
      const notice = browser.move(tab, c.pick);
      // A tab that opens on healthy storage saves its first move (after a content update too):
      // nothing moved on since it loaded, so it is never told that another tab did.
      if (healthy) expect(notice).not.toBe('otherTab');
    } else if (c.kind === 'update') browser.hash = `v${Number(browser.hash.slice(1)) + 1}`;
    else if (c.kind === 'full') browser.disk.full = c.on;
    else if (c.kind === 'blocked') browser.blocked = c.on;
    else if (c.kind === 'damage') {
      const text = `${c.text}`;
      const key =
        c.target === 'attempt'
          ? `mp201:attempt:${scenario.id}`
          : c.target === 'result'
            ? `mp201:result:junk-${damageCount++}`
            : `mp201:set-aside:2026-11-01T10:00:0${damageCount++ % 10}.000Z:mp201:result:x`;
      if (browser.disk.full) continue;
      // Damage replaces what was at the key; earlier damage still there is overwritten by it, not lost by us.
      const before = browser.disk.getItem(key);
      if (before !== null) browser.damage = browser.damage.filter((t) => t !== before);
      browser.disk.setItem(key, text);
      browser.damage.push(text);
    } else {
      const tab = tabAt(c.tab);
      if (!tab) continue;
      if (c.kind === 'move') for (let i = 0; i < c.times; i++) browser.move(tab, c.pick + i);
      else if (c.kind === 'startOver') browser.startOver(tab);
      else if (c.kind === 'close') browser.close(tab);
      else if (c.kind === 'reload') {
        browser.close(tab);
        await browser.open();
      }
    }
    browser.check();
  }
  for (const tab of [...browser.tabs]) browser.close(tab);
  await browser.finalCheck();
}

afterEach(() => vi.unstubAllGlobals());

it('keeps damaged data that cannot be set aside because storage is full', async () => {
  await run([
    { kind: 'damage', target: 'attempt', text: 'null' },
    { kind: 'full', on: true },
    { kind: 'openAndMove', pick: 0 },
  ]);
});

describe('saved work under random reloads, tabs, updates, full or blocked storage and damage', () => {
  it('never loses a finished result or damaged data, and never throws', async () => {
    await fc.assert(fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 25 }), run), { numRuns: 120 });
  }, 120_000);
});
