/**
 * The site's root URL, wherever the site is hosted: the manifest link's href is relative in the
 * HTML, and the browser has already resolved it against the page.
 */
export function siteRoot(): URL {
  const manifest = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
  return new URL('.', manifest?.href ?? location.href);
}
