/**
 * Registers the service worker that keeps the course available offline, and offers a new version
 * when one is waiting. The site may live in any folder, so the worker's address is worked out from
 * the manifest link, whose (relative) href the browser has already resolved against the page.
 * The offer waits while the page says it is busy (`data-busy` on <html>: mid-decision in the player,
 * a drill under way), and a page left open for days (a station TV) looks for a new version hourly.
 * Every page's layout calls it once; it returns the teardown.
 */
export function startOfflineRegistration(): () => void {
  const manifest = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
  const offerBox = document.querySelector<HTMLElement>('[data-update]');
  // Inside an LMS (launched with ?lms=…) the LMS's player frames the page and caching is its job.
  const inLms = new URLSearchParams(location.search).has('lms');
  if (!manifest || inLms || !('serviceWorker' in navigator) || !location.protocol.startsWith('http')) return () => {};
  const root = new URL('.', manifest.href);
  let asked = false;
  let hourly: ReturnType<typeof setInterval> | undefined;
  let busyWatch: MutationObserver | undefined;
  navigator.serviceWorker
    .register(new URL('sw.js', root), { scope: root.pathname })
    .then((registration) => {
      const offer = () => {
        const waiting = registration.waiting;
        if (!offerBox || !waiting || !navigator.serviceWorker.controller) return;
        const show = () => (offerBox.hidden = document.documentElement.hasAttribute('data-busy'));
        busyWatch?.disconnect();
        busyWatch = new MutationObserver(show);
        busyWatch.observe(document.documentElement, { attributeFilter: ['data-busy'] });
        show();
        offerBox.querySelector('button')!.onclick = () => {
          asked = true;
          waiting.postMessage({ type: 'SKIP_WAITING' });
        };
      };
      offer();
      registration.addEventListener('updatefound', () =>
        registration.installing?.addEventListener('statechange', offer),
      );
      hourly = setInterval(() => void registration.update().catch(() => undefined), 60 * 60 * 1000);
    })
    .catch(() => {
      // Offline use is a bonus: the course works online without it.
    });
  // Only the page whose reader asked reloads; other open tabs keep what they show.
  const reloadIfAsked = () => asked && location.reload();
  navigator.serviceWorker.addEventListener('controllerchange', reloadIfAsked);
  return () => {
    clearInterval(hourly);
    busyWatch?.disconnect();
    navigator.serviceWorker.removeEventListener('controllerchange', reloadIfAsked);
  };
}
