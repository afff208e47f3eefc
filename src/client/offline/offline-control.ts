import {
  cacheName,
  failureOf,
  failureText,
  offlineState,
  OFFLINE_LIST,
  planBytes,
  planDownload,
  progressText,
  sizeText,
  type OfflineList,
  type SavedRevisions,
} from '../../lib/offline-copy.ts';
import { siteRoot } from '../../lib/site-root.ts';

/** How long to wait for the service worker before saying that offline use is not available. */
const WORKER_WAIT_MS = 10_000;

/**
 * "Make the course available offline" (OfflineCopy.astro): saves every page and file of the course
 * into the caches the service worker reads, with visible progress, a Cancel button and a one-sentence
 * reason when it stops; says "Available offline" when done, offers to update a copy the course has
 * changed since and to remove the copy. Hidden inside an LMS; where the browser cannot keep an offline
 * copy (a file share, plain HTTP) the markup's sentence saying so stays. Returns a teardown.
 */
export function startOfflineControl(root: HTMLElement): () => void {
  const part = <T extends HTMLElement = HTMLElement>(name: string) => root.querySelector<T>(`[data-offline-${name}]`)!;
  const [intro, save, running, bar, count, cancel, message, remove] = [
    part('intro'),
    part<HTMLButtonElement>('save'),
    part('running'),
    part<HTMLProgressElement>('bar'),
    part('count'),
    part<HTMLButtonElement>('cancel'),
    part('message'),
    part<HTMLButtonElement>('remove'),
  ];
  // Inside an LMS (launched with ?lms=…, or a package page without the manifest link) caching is the LMS's job.
  if (new URLSearchParams(location.search).has('lms') || !document.querySelector('link[rel="manifest"]')) {
    root.hidden = true;
    return () => undefined;
  }
  // Where the browser has no service worker (plain HTTP, a file share) the markup's own sentence stays.
  if (!('serviceWorker' in navigator) || !('caches' in window) || !location.protocol.startsWith('http'))
    return () => undefined;

  const home = siteRoot().href;
  const address = (url: string) => new URL(url, home).href;
  const names = {
    pages: cacheName('pages', home),
    assets: cacheName('assets', home),
    record: cacheName('record', home),
  };
  const recordKey = address('offline-copy-record');
  let list: OfflineList | undefined;
  let download: AbortController | undefined;

  const readSaved = async (): Promise<Record<string, string>> => {
    const found = await (await caches.open(names.record)).match(recordKey);
    return found ? ((await found.json()) as Record<string, string>) : {};
  };
  const writeSaved = async (saved: SavedRevisions) =>
    (await caches.open(names.record)).put(recordKey, new Response(JSON.stringify(saved)));

  const say = (text: string) => {
    message.textContent = text;
  };

  /** Show the copy's state: not saved, saved, or saved but changed since. */
  async function show() {
    running.hidden = true;
    save.hidden = false;
    if (!list) {
      try {
        const response = await fetch(address(OFFLINE_LIST));
        if (!response.ok) throw new Error(String(response.status));
        list = (await response.json()) as OfflineList;
      } catch {
        intro.textContent = 'The list of the course’s pages could not be loaded; reload this page when you are online.';
        save.hidden = true;
        return;
      }
    }
    const state = offlineState(list, await readSaved().catch(() => ({})));
    remove.hidden = state.kind === 'none';
    save.hidden = state.kind === 'complete';
    if (state.kind === 'none') {
      const bytes = planBytes(planDownload(list, {}));
      intro.textContent = `Pages you open are kept on this device as you read them. To take the whole course with you, save all ${list.pages.length} pages now (about ${sizeText(bytes)}).`;
      save.textContent = 'Make the course available offline';
    } else if (state.kind === 'complete') {
      intro.textContent = 'Available offline: the whole course is saved on this device.';
    } else if (state.kind === 'partial') {
      intro.textContent = `${progressText(state.saved, state.total)} so far; the rest is about ${sizeText(state.bytes)}.`;
      save.textContent = 'Save the rest of the course';
    } else {
      intro.textContent = `The course has changed since you saved it: ${state.changed} files to update (about ${sizeText(state.bytes)}).`;
      save.textContent = 'Update the offline copy';
    }
  }

  /** The service worker that will serve the copy, or undefined when the browser did not start one. */
  const workerReady = () =>
    Promise.race([
      navigator.serviceWorker.ready,
      new Promise<undefined>((resolve) => setTimeout(resolve, WORKER_WAIT_MS, undefined)),
    ]);

  async function saveAll() {
    if (!list) return;
    const controller = (download = new AbortController());
    const saved = await readSaved().catch(() => ({}) as Record<string, string>);
    const plan = planDownload(list, saved);
    const total = plan.length;
    let done = plan.filter((step) => step.fetch.length === 0).length;
    const tick = () => {
      bar.max = total;
      bar.value = done;
      count.textContent = progressText(done, total);
    };
    save.hidden = true;
    remove.hidden = true;
    running.hidden = false;
    say('');
    tick();
    cancel.focus();
    if (!(await workerReady())) {
      say('This browser did not start the course’s offline support, so nothing was saved; try reloading the page.');
      await show();
      return;
    }
    // Ask the browser to keep the copy when space runs low (it may decide on its own, or ask the reader).
    void navigator.storage?.persist?.().catch(() => undefined);
    try {
      const [pages, assets] = await Promise.all([caches.open(names.pages), caches.open(names.assets)]);
      for (const step of plan) {
        if (!step.fetch.length) continue;
        for (const file of step.fetch) {
          const response = await fetch(address(file.url), { signal: controller.signal, cache: 'no-cache' });
          if (!response.ok) throw Object.assign(new Error(`${response.status}`), { name: 'ServerError' });
          await (file === step.page ? pages : assets).put(address(file.url), response);
          saved[file.url] = file.revision;
        }
        await writeSaved(saved);
        done++;
        tick();
      }
      say(`Done: ${progressText(total, total).toLowerCase()}.`);
    } catch (error) {
      await writeSaved(saved).catch(() => undefined);
      if (controller.signal.aborted) say(`Stopped: ${done} of ${total} pages are saved.`);
      else say(failureText(failureOf(error), done, total));
    } finally {
      download = undefined;
    }
    await show();
    message.focus();
  }

  async function removeCopy() {
    await Promise.all(Object.values(names).map((name) => caches.delete(name)));
    await show();
    say('The offline copy was removed from this device.');
    save.focus();
  }

  const onSave = () => void saveAll();
  const onCancel = () => download?.abort();
  const onRemove = () => void removeCopy();
  save.addEventListener('click', onSave);
  cancel.addEventListener('click', onCancel);
  remove.addEventListener('click', onRemove);
  void show();
  return () => {
    download?.abort();
    save.removeEventListener('click', onSave);
    cancel.removeEventListener('click', onCancel);
    remove.removeEventListener('click', onRemove);
  };
}
