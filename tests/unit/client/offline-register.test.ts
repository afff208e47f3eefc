import { afterEach, describe, expect, it, vi } from 'vitest';
import { startOfflineRegistration } from '../../../src/client/offline/offline-register.ts';

/**
 * The offer of a new course version, with the browser's service-worker API stood in for: it shows
 * when a new worker is waiting, waits while the page is busy (mid-decision, a drill under way), and
 * asks the waiting worker to take over only when the reader clicks.
 */

class FakeRoot {
  attributes = new Set<string>();
  observers: (() => void)[] = [];
  hasAttribute(name: string) {
    return this.attributes.has(name);
  }
  toggle(name: string, on: boolean) {
    if (on) this.attributes.add(name);
    else this.attributes.delete(name);
    for (const notify of this.observers) notify();
  }
}

async function loadPage(options: { waiting: boolean; busy: boolean }) {
  const root = new FakeRoot();
  if (options.busy) root.attributes.add('data-busy');
  const button = { onclick: null as null | (() => void) };
  const offer = { hidden: true, querySelector: () => button };
  const posted: unknown[] = [];
  const waiting = { postMessage: (message: unknown) => posted.push(message) };
  const registration = {
    waiting: options.waiting ? waiting : null,
    installing: null,
    addEventListener: vi.fn(),
    update: vi.fn(() => Promise.resolve()),
  };
  vi.stubGlobal('document', {
    documentElement: root,
    querySelector: (selector: string) =>
      selector === '[data-update]' ? offer : { href: 'http://example.org/course/manifest.webmanifest' },
  });
  vi.stubGlobal('location', { protocol: 'http:', reload: vi.fn() });
  vi.stubGlobal('navigator', {
    serviceWorker: {
      controller: {},
      register: vi.fn(() => Promise.resolve(registration)),
      addEventListener: vi.fn(),
    },
  });
  vi.stubGlobal(
    'MutationObserver',
    class {
      constructor(private readonly notify: () => void) {}
      observe() {
        root.observers.push(this.notify);
      }
    },
  );
  vi.useFakeTimers();
  startOfflineRegistration();
  await vi.waitFor(() => expect(navigator.serviceWorker.register).toHaveBeenCalled());
  await Promise.resolve();
  await Promise.resolve();
  return { root, offer, button, posted, registration };
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the offer of a new version', () => {
  it('shows when a new version is waiting and reloads into it only on request', async () => {
    const page = await loadPage({ waiting: true, busy: false });
    expect(page.offer.hidden).toBe(false);
    expect(page.posted).toEqual([]);
    page.button.onclick!();
    expect(page.posted).toEqual([{ type: 'SKIP_WAITING' }]);
  });

  it('waits while the learner is mid-decision, and appears once the decision is made', async () => {
    const page = await loadPage({ waiting: true, busy: true });
    expect(page.offer.hidden).toBe(true);
    page.root.toggle('data-busy', false);
    expect(page.offer.hidden).toBe(false);
    page.root.toggle('data-busy', true);
    expect(page.offer.hidden).toBe(true);
  });

  it('stays hidden when nothing is waiting, and a page left open looks for a new version every hour', async () => {
    const page = await loadPage({ waiting: false, busy: false });
    expect(page.offer.hidden).toBe(true);
    vi.advanceTimersByTime(60 * 60 * 1000);
    expect(page.registration.update).toHaveBeenCalledTimes(1);
  });
});
