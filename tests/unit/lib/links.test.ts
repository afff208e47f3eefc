import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { notFoundPage } from '../../../src/authoring/not-found-page.ts';
import { siteNav } from '../../../src/lib/links.ts';

describe('the site header', () => {
  it.each([
    ['/', 'Home'],
    ['/scenarios/', 'Scenarios'],
    ['/progress/', 'My progress'],
    ['/scenarios/mower-at-115/', undefined],
  ])('on %s marks %s as the current section', (here, current) => {
    const nav = siteNav(here);
    expect(nav.map((item) => item.label)).toEqual([
      'Home',
      'Lessons',
      'Scenarios',
      'Instructors',
      'The procedure',
      'My progress',
    ]);
    expect(nav.filter((item) => item.current).map((item) => item.label)).toEqual(current ? [current] : []);
  });
});

describe('the 404 page', () => {
  const page = notFoundPage('body { color: black; }');
  const sha = (text: string) => createHash('sha256').update(text).digest('base64');

  it('allows exactly its inlined script and style, by their hashes', () => {
    expect(page.csp).toContain(`script-src 'sha256-${sha(page.script)}';`);
    expect(page.csp).toContain(`style-src 'sha256-${sha('body { color: black; }')}';`);
    expect(page.csp).not.toContain('unsafe-inline');
    expect(page.script).toMatch(/^\(function pointLinksAtSiteRoot\(\)/);
  });

  it('offers home, the scenarios, the lessons and the procedure, by their paths from the site’s root', () => {
    expect(page.links).toEqual([
      { path: '', label: 'Home' },
      { path: 'scenarios/', label: 'Scenarios' },
      { path: 'lessons/', label: 'Lessons' },
      { path: 'sop/', label: 'The procedure' },
    ]);
  });
});
