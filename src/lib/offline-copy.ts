/**
 * The offline copy of the course, as plain data and pure rules: the list of files the build writes
 * (`offline-files.json`), what is saved on this device, what a download still has to fetch, and the
 * sentences the home page's control shows. The service worker (src/client/service-worker.js) keeps pages
 * as they are read; the control (src/client/offline/offline-control.ts) saves the rest on request.
 */

/** The file the build writes next to the service worker, listing every page and file of the course. */
export const OFFLINE_LIST = 'offline-files.json';

/**
 * Cache names, each followed by the site's root address so that two copies of the course on one
 * host keep separate copies. `shell` is followed by the build's version as well.
 */
export const CACHE_PREFIXES = {
  /** What every page needs to show offline: the stylesheet, the offline page, the icon. Per build. */
  shell: 'mp201-shell',
  /** Pages, kept as they are read (network first) or saved by the control. */
  pages: 'mp201-pages',
  /** Scripts and other hashed files (cache first: a changed file has a new name). */
  assets: 'mp201-assets',
  /** The control's record of which revision of each file is saved. */
  record: 'mp201-saved',
} as const;

/** A cache's full name for the course at `root` (an absolute URL ending in `/`). */
export function cacheName(kind: keyof typeof CACHE_PREFIXES, root: string): string {
  return `${CACHE_PREFIXES[kind]} ${root}`;
}

/** One file of the course: its address relative to the site root, a hash of its content, its gzip size. */
export interface OfflineFile {
  url: string;
  revision: string;
  bytes: number;
}

/** A page, with the files it needs to work (indexes into `files`). */
export interface OfflinePage extends OfflineFile {
  files: number[];
}

/** What `offline-files.json` holds. */
export interface OfflineList {
  version: string;
  /** What the service worker stores when it installs (addresses relative to the site root). */
  shell: string[];
  pages: OfflinePage[];
  files: OfflineFile[];
}

/** Which revision of each address (relative to the site root) this device has saved. */
export type SavedRevisions = Readonly<Record<string, string>>;

/** One step of a download: a page and the files it needs that are not saved yet. */
export interface DownloadStep {
  page: OfflinePage;
  fetch: OfflineFile[];
}

/**
 * What a download has to fetch, page by page: everything whose saved revision differs from the
 * list's (so an update refreshes what changed and nothing else). A file several pages share is
 * fetched with the first of them.
 */
export function planDownload(list: OfflineList, saved: SavedRevisions): DownloadStep[] {
  const planned = new Set<string>();
  const stale = (file: OfflineFile) => saved[file.url] !== file.revision && !planned.has(file.url);
  return list.pages.map((page) => {
    const fetch = [page, ...page.files.map((i) => list.files[i]!)].filter(stale);
    for (const file of fetch) planned.add(file.url);
    return { page, fetch };
  });
}

/** How many bytes (gzip, as served) a plan downloads. */
export function planBytes(plan: readonly DownloadStep[]): number {
  return plan.reduce((sum, step) => sum + step.fetch.reduce((s, f) => s + f.bytes, 0), 0);
}

/** The offline copy's state on this device. */
export type OfflineState =
  | { kind: 'none' }
  | { kind: 'complete' }
  /** A download stopped part way: `saved` of `total` pages are here, `bytes` still to fetch. */
  | { kind: 'partial'; saved: number; total: number; bytes: number }
  /** Saved whole, but the course has changed since: `changed` pages or files to refresh. */
  | { kind: 'outdated'; changed: number; bytes: number };

/** The state of the offline copy, from the build's list and what this device has saved. */
export function offlineState(list: OfflineList, saved: SavedRevisions): OfflineState {
  if (Object.keys(saved).length === 0) return { kind: 'none' };
  const plan = planDownload(list, saved);
  const bytes = planBytes(plan);
  const missing = list.pages.filter((page) => !(page.url in saved)).length;
  if (missing) return { kind: 'partial', saved: list.pages.length - missing, total: list.pages.length, bytes };
  const changed = plan.reduce((n, step) => n + step.fetch.length, 0);
  return changed === 0 ? { kind: 'complete' } : { kind: 'outdated', changed, bytes };
}

/** A size as a learner reads it on a data plan: "0.9 MB", "350 KB". */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The progress line: "Saved 37 of 137 pages". */
export function progressText(done: number, total: number): string {
  return `Saved ${done} of ${total} page${total === 1 ? '' : 's'}`;
}

/** Why a download stopped. */
export type DownloadFailure = 'quota' | 'network' | 'server';

/** What went wrong, in the words of a thrown error or a failed response. */
export function failureOf(error: unknown): DownloadFailure {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'QuotaExceededError') return 'quota';
  return name === 'ServerError' ? 'server' : 'network';
}

/** One plain sentence for a download that stopped, saying what is kept. */
export function failureText(failure: DownloadFailure, done: number, total: number): string {
  const kept = `${done} of ${total} pages are saved`;
  switch (failure) {
    case 'quota':
      return `This device has no room left for the course (${kept}); free some space and try again.`;
    case 'server':
      return `The site did not send every page (${kept}); try again later.`;
    case 'network':
      return `The connection dropped (${kept}); try again when you are back online.`;
  }
}
