/** URL of a page of this site, respecting the configured base so the build can live in a sub-folder. */
export function pageUrl(path = ''): string {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  return base + path.replace(/^\//, '');
}

/** Deep link to a clause of the procedure. */
export function clauseUrl(clause: string): string {
  return pageUrl(`sop/#${clause}`);
}

/** The site's sections, in the order the site header lists them. */
export const SECTIONS = [
  { path: '', label: 'Home' },
  { path: 'lessons/', label: 'Lessons' },
  { path: 'scenarios/', label: 'Scenarios' },
  { path: 'instructors/', label: 'Instructors' },
  { path: 'sop/', label: 'The procedure' },
  { path: 'progress/', label: 'My progress' },
] as const;

/** The site header's links on the page at path `here`, the current section marked. */
export function siteNav(here: string): { href: string; label: string; current: boolean }[] {
  return SECTIONS.map(({ path, label }) => {
    const href = pageUrl(path);
    return { href, label, current: href === here };
  });
}
