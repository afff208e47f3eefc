/** URL of a page of this site, respecting the configured base so the build can live in a sub-folder. */
export function pageUrl(path = ''): string {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  return base + path.replace(/^\//, '');
}

/** Deep link to a clause of the procedure. */
export function clauseUrl(clause: string): string {
  return pageUrl(`sop/#${clause}`);
}
