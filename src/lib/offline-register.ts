/**
 * Registers the service worker that keeps the course available offline. The site may live in any
 * folder, so the worker's address is worked out from the manifest link, whose (relative) href the
 * browser has already resolved against the page.
 */
const manifest = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
// Inside an LMS (launched with ?lms=…) the LMS's player frames the page and caching is its job.
const inLms = new URLSearchParams(location.search).has('lms');
if (manifest && !inLms && 'serviceWorker' in navigator && location.protocol.startsWith('http')) {
  const root = new URL('.', manifest.href);
  navigator.serviceWorker.register(new URL('sw.js', root), { scope: root.pathname }).catch(() => {
    // Offline use is a bonus: the course works online without it.
  });
}
