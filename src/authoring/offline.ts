import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { filesForPage } from './lms-package.ts';
import { CACHE_PREFIXES, OFFLINE_LIST, type OfflineFile, type OfflineList } from '../lib/offline-copy.ts';

/** The page a reader sees offline at an address this device has not saved. Part of the shell. */
export const OFFLINE_PAGE = 'offline/index.html';

/** The service worker's source; the build puts the course's facts (COURSE) in front of it. */
const WORKER_SOURCE = fileURLToPath(new URL('../client/service-worker.js', import.meta.url));

/** A page's address relative to the site root: `scenarios/x/index.html` -> `scenarios/x/`, `index.html` -> ``. */
const pageAddress = (file: string) => file.replace(/(^|\/)index\.html$/, '$1');

const revisionOf = (content: Buffer) => createHash('sha256').update(content).digest('hex').slice(0, 16);

/**
 * The list of every page of the build and the files each needs, with revisions and gzip sizes
 * (`read` returns a built file's content, or undefined). The shell is what the offline page needs.
 * The site's 404 page and the offline page are not pages a reader saves.
 */
export function offlineList(files: readonly string[], read: (file: string) => Buffer | undefined): OfflineList {
  const text = (file: string) => read(file)?.toString('utf8');
  const entry = (file: string, url: string): OfflineFile => {
    const content = read(file) ?? Buffer.alloc(0);
    return { url, revision: revisionOf(content), bytes: gzipSync(content, { level: 9 }).length };
  };
  const assets: OfflineFile[] = [];
  const index = new Map<string, number>();
  const assetIndex = (file: string) => {
    if (!index.has(file)) index.set(file, assets.push(entry(file, file)) - 1);
    return index.get(file)!;
  };
  const htmlPages = files.filter((f) => f.endsWith('.html') && f !== '404.html' && f !== OFFLINE_PAGE).sort();
  const pages = htmlPages.map((file) => ({
    ...entry(file, pageAddress(file)),
    files: filesForPage(file, text).map(assetIndex),
  }));
  const shell = [pageAddress(OFFLINE_PAGE), ...filesForPage(OFFLINE_PAGE, text)];
  const version = revisionOf(Buffer.from(JSON.stringify([shell, pages, assets])));
  return { version, shell, pages, files: assets };
}

/** Every file under `dir`, relative to it, with `/` separators. */
function walk(dir: string, under = ''): string[] {
  return readdirSync(path.join(dir, under), { withFileTypes: true }).flatMap((item) => {
    const name = under ? `${under}/${item.name}` : item.name;
    return item.isDirectory() ? walk(dir, name) : [name];
  });
}

/**
 * Writes the course's service worker and its list of files into the build. The worker stores only
 * the shell when it installs (what the offline page needs) and the page that registered it; pages
 * and scripts are kept as they are read, and the home page's "Make the course available offline"
 * saves the rest from `offline-files.json`. Addresses are relative to the site root, so the same
 * build works at a domain root or in a sub-folder. A new deployment installs alongside the old one
 * and waits: every page offers to reload into it (src/client/offline/offline-register.ts), never in the middle
 * of a decision, so no open tab is switched to new content mid-attempt.
 */
export function offline(): AstroIntegration {
  return {
    name: 'mp201-offline',
    hooks: {
      // astro-relative-links does its work in an integration it adds at this point; adding ours after it
      // makes the list see the pages' final, relative links.
      'astro:config:setup': ({ updateConfig }) => void updateConfig({ integrations: [offlineWorker()] }),
    },
  };
}

/** The part of `offline()` that runs once the pages are final. */
function offlineWorker(): AstroIntegration {
  return {
    name: 'mp201-offline-worker',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const read = (file: string) => {
          try {
            return readFileSync(path.join(out, file));
          } catch {
            return undefined;
          }
        };
        const list = offlineList(walk(out), read);
        writeFileSync(path.join(out, OFFLINE_LIST), JSON.stringify(list));
        const course = { version: list.version, shell: list.shell, list: OFFLINE_LIST, caches: CACHE_PREFIXES };
        const worker = `const COURSE = ${JSON.stringify(course)};\n${readFileSync(WORKER_SOURCE, 'utf8')}`;
        writeFileSync(path.join(out, 'sw.js'), worker);
        const shellBytes = list.shell.reduce((sum, url) => {
          const file = url.endsWith('/') ? `${url}index.html` : url;
          return sum + gzipSync(read(file) ?? Buffer.alloc(0), { level: 9 }).length;
        }, 0);
        const all = [...list.pages, ...list.files].reduce((sum, f) => sum + f.bytes, 0);
        logger.info(
          `service worker stores ${list.shell.length} files on install (${Math.round(shellBytes / 1024)} KB gzip); ` +
            `the whole course is ${list.pages.length} pages and ${list.files.length} files (${Math.round(all / 1024)} KB gzip)`,
        );
      },
    },
  };
}
