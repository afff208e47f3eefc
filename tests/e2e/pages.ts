import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Every page of the built site, as a path relative to the site root (e.g. `scenarios/x/`). */
export function builtPages(dir = 'dist'): string[] {
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((name) => {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) return walk(full);
      return name === 'index.html' ? [path.relative(dir, d).split(path.sep).join('/')] : [];
    });
  return walk(dir)
    .map((p) => (p ? `${p}/` : ''))
    .sort();
}

/** One page of each kind, for the slower checks. */
export function samplePages(): string[] {
  const pages = builtPages();
  const kinds = new Map<string, string>();
  for (const page of pages) {
    const kind = page.replace(/^(scenarios|lessons|drill)\/[^/]+\//, '$1/*/');
    if (!kinds.has(kind)) kinds.set(kind, page);
  }
  return [...kinds.values()];
}
