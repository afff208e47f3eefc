import { describe, expect, it } from 'vitest';
import { offlineList, OFFLINE_PAGE } from '../../../src/authoring/offline.ts';

/** A tiny build: two pages, the offline page, the 404 page, a shared stylesheet and chained scripts. */
const build: Record<string, string> = {
  'index.html': '<link rel="stylesheet" href="_astro/site.css"><script type="module" src="_astro/home.js"></script>',
  'scenarios/a/index.html':
    '<link rel="stylesheet" href="../../_astro/site.css"><script type="module" src="../../_astro/player.js"></script><a href="../b/">b</a>',
  [OFFLINE_PAGE]: '<link rel="stylesheet" href="../_astro/site.css"><link rel="icon" href="../favicon.svg">',
  '404.html': '<style>inline</style>',
  '_astro/site.css': 'body{}',
  '_astro/home.js': 'export const home = 1;',
  '_astro/player.js': 'import "./xstate.js";',
  '_astro/xstate.js': 'export const x = 1;',
  'favicon.svg': '<svg/>',
  'sw.js': '',
};
const read = (file: string) => (file in build ? Buffer.from(build[file]!) : undefined);

describe('the list of files the build writes for the offline copy', () => {
  const list = offlineList(Object.keys(build), read);

  it('lists every page a reader saves, by its address, and not the 404 or offline pages', () => {
    expect(list.pages.map((p) => p.url)).toEqual(['', 'scenarios/a/']);
  });

  it('gives each page the files it needs, following imports, each file listed once', () => {
    const files = (url: string) => list.pages.find((p) => p.url === url)!.files.map((i) => list.files[i]!.url);
    expect(files('')).toEqual(['_astro/home.js', '_astro/site.css']);
    expect(files('scenarios/a/')).toEqual(['_astro/player.js', '_astro/site.css', '_astro/xstate.js']);
    expect(list.files).toHaveLength(4);
  });

  it('puts the offline page and what it needs in the shell, and nothing else', () => {
    expect(list.shell).toEqual(['offline/', '_astro/site.css', 'favicon.svg']);
  });

  it('changes a revision, and the version, only when content changes', () => {
    const changed = offlineList(Object.keys(build), (file) =>
      file === '_astro/home.js' ? Buffer.from('export const home = 2;') : read(file),
    );
    const revision = (l: typeof list, url: string) => l.files.find((f) => f.url === url)!.revision;
    expect(revision(changed, '_astro/home.js')).not.toBe(revision(list, '_astro/home.js'));
    expect(revision(changed, '_astro/site.css')).toBe(revision(list, '_astro/site.css'));
    expect(changed.version).not.toBe(list.version);
    expect(offlineList(Object.keys(build), read).version).toBe(list.version);
  });
});
