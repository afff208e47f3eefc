import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { SECTIONS } from '../lib/links.ts';
import { pointLinksAtSiteRoot } from '../client/not-found.ts';

/** The sections the 404 page offers, by path from the site's root, in its order. */
const OFFERED = ['', 'scenarios/', 'lessons/', 'sop/'];

/**
 * The 404 page's parts. A host shows that page at any missing address, in any folder, so nothing on it
 * may depend on a relative path: the site's stylesheet and the link-fixing script are inlined, and the
 * Content-Security-Policy allows exactly those two by their hashes (no 'unsafe-inline'). Its links carry
 * their path from the site's root, which the script prefixes once it has found that root.
 */
export function notFoundPage(css = readFileSync('src/styles/global.css', 'utf8')) {
  const script = `(${pointLinksAtSiteRoot.toString()})();`;
  const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
  return {
    css,
    script,
    csp: `default-src 'self'; script-src ${hash(script)}; style-src ${hash(css)}; img-src 'self' data:; connect-src 'self'; base-uri 'self'; form-action 'self'; object-src 'none'`,
    links: OFFERED.map((path) => SECTIONS.find((s) => s.path === path)!),
  };
}
