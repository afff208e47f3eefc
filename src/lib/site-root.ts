/**
 * The site's root URL, wherever the site is hosted: the manifest link's href is relative in the
 * HTML, and the browser has already resolved it against the page.
 */
export function siteRoot(): URL {
  const manifest = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
  return new URL('.', manifest?.href ?? location.href);
}

/** The address of a page of this site from the browser (`siteUrl('scenarios/x/')`), wherever the site is hosted. */
export function siteUrl(path: string): string {
  return new URL(path, siteRoot()).href;
}
