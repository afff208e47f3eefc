// Loaded by the course's service worker (sw.js) before its own routes. A page address without its
// trailing slash (`.../scenarios/mower-at-115`) is sent on to the address with it, as the web server
// would, so the page works offline too and its relative links resolve. (Query strings, such as an
// LMS adds, are ignored by the precache lookup: see src/authoring/offline.ts.)
self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  const page = !url.pathname.endsWith('/') && !/\.[a-z0-9]+$/i.test(url.pathname);
  if (event.request.mode !== 'navigate' || url.origin !== self.location.origin || !page) return;
  url.pathname += '/';
  event.respondWith(Response.redirect(url.href, 301));
});
