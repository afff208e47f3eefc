// The course's service worker. src/authoring/offline.ts writes it into the build as sw.js, after a
// line that declares COURSE: { version, shell, list, caches } (see src/lib/offline-copy.ts).
// - On install it stores the shell (the offline page and what it needs) and the page that registered
//   it, so the first page read works offline too. Nothing else is fetched without the reader asking.
// - Pages are network first: a reader online always gets the current page, and the copy is kept.
// - Scripts and styles in _astro/ are cache first: their names change when their content does.
// - A page this device has not saved shows the offline page, at the address that was asked for.
// - "Make the course available offline" (the home page) fills the same caches from COURSE.list.
/* global COURSE */

const ROOT = new URL('./', self.location.href);
const SHELL = `${COURSE.caches.shell}-${COURSE.version} ${ROOT.href}`;
const PAGES = `${COURSE.caches.pages} ${ROOT.href}`;
const ASSETS = `${COURSE.caches.assets} ${ROOT.href}`;
const MATCH = { ignoreSearch: true, ignoreVary: true };

/** The address a copy is kept under: without query string (an LMS or a link tracker adds one) or fragment. */
const keyOf = (url) => {
  const key = new URL(url);
  key.search = '';
  key.hash = '';
  return key.href;
};

/** Keep a response in a cache, if it is a whole, successful one. */
const keep = async (cacheName, key, response) => {
  if (!response.ok || response.type === 'opaqueredirect') return;
  const cache = await caches.open(cacheName);
  await cache.put(key, response);
};

/** Store the pages open in windows the worker does not control yet (the page that registered it), with their files. */
async function keepOpenPages() {
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const open = windows.map((client) => keyOf(client.url)).filter((url) => url.startsWith(ROOT.href));
  if (!open.length) return;
  const list = await (await fetch(new URL(COURSE.list, ROOT))).json();
  for (const page of list.pages) {
    const address = new URL(page.url, ROOT).href;
    if (!open.includes(address)) continue;
    await keep(PAGES, address, await fetch(address));
    for (const i of page.files) {
      const file = new URL(list.files[i].url, ROOT).href;
      await keep(ASSETS, file, await fetch(file));
    }
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const shell = await caches.open(SHELL);
      await shell.addAll(COURSE.shell.map((url) => new URL(url, ROOT).href));
      // Offline use of the first page is a bonus: a failure here must not stop the worker installing.
      await keepOpenPages().catch(() => undefined);
    })(),
  );
});

// An older shell, and the whole-course precache of earlier versions of this worker, are removed.
self.addEventListener('activate', (event) => {
  const old = (name) =>
    (name.startsWith(`${COURSE.caches.shell}-`) && name.endsWith(` ${ROOT.href}`) && name !== SHELL) ||
    (name.startsWith('workbox-precache') && name.endsWith(self.registration.scope));
  event.waitUntil(caches.keys().then((names) => Promise.all(names.filter(old).map((name) => caches.delete(name)))));
});

// The page whose reader clicked "Reload to update" asks the new worker to take over.
self.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') self.skipWaiting();
});

/** The offline page, shown at the address that was asked for: a <base> keeps its links and styles working. */
async function offlinePage() {
  const page = new URL(COURSE.shell[0], ROOT).href;
  const cached = await caches.match(page, MATCH);
  if (!cached) return Response.error();
  const html = (await cached.text()).replace('<head>', `<head><base href="${page}">`);
  return new Response(html, { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}

/** Network first, keeping a copy; offline, the kept copy (or, for a page, the offline page). */
async function networkFirst(event, isPage) {
  const key = keyOf(event.request.url);
  try {
    const response = await fetch(event.request);
    event.waitUntil(keep(PAGES, key, response.clone()).catch(() => undefined));
    return response;
  } catch (error) {
    const cached = await caches.match(key, MATCH);
    if (cached) return cached;
    if (isPage) return offlinePage();
    throw error;
  }
}

/** Cache first for files whose name changes with their content. */
async function cacheFirst(event) {
  const key = keyOf(event.request.url);
  const cached = await caches.match(key, MATCH);
  if (cached) return cached;
  const response = await fetch(event.request);
  event.waitUntil(keep(ASSETS, key, response.clone()).catch(() => undefined));
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || !url.href.startsWith(ROOT.href)) return;
  if (request.mode === 'navigate') {
    // A page address without its trailing slash goes on to the address with it, as the web server
    // would, so that the page works offline too and its relative links resolve.
    if (!url.pathname.endsWith('/') && !/\.[a-z0-9]+$/i.test(url.pathname)) {
      url.pathname += '/';
      event.respondWith(Response.redirect(url.href, 301));
    } else event.respondWith(networkFirst(event, true));
  } else if (url.pathname.startsWith(`${ROOT.pathname}_astro/`)) event.respondWith(cacheFirst(event));
  else event.respondWith(networkFirst(event, false));
});
