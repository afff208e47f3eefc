/**
 * Size budget for the built site (run after `npm run build`): for each page type, the JavaScript a
 * visitor downloads (external chunks, their static imports, island components and inline scripts)
 * and the CSS, gzipped, and which files cost what on the heaviest page of each type. Scenario pages
 * (the player) have their own, tighter JavaScript budget and must load no Svelte (the player is
 * framework-free; Svelte views on other pages must not reach it through a shared chunk). Exits
 * non-zero when a budget is exceeded or Svelte reaches a scenario page.
 */
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = path.resolve(process.argv[2] ?? 'dist');
const BUDGET = { js: 40 * 1024, css: 15 * 1024, fonts: 100 * 1024 };
/**
 * JavaScript budgets by page type (DESIGN.md: a scenario page ships at most 20 KB, others 40 KB), with
 * the pages that carry an app named, so a change to one limit is a deliberate line here.
 */
const JS_BUDGETS: { type: RegExp; bytes: number; svelte: boolean }[] = [
  { type: /^\/scenarios\/\*\/$/, bytes: 20 * 1024, svelte: false },
  { type: /^\/progress\/$/, bytes: 40 * 1024, svelte: true },
  { type: /^\/certificate\/$/, bytes: 40 * 1024, svelte: true },
  { type: /^\/gradebook\/$/, bytes: 40 * 1024, svelte: true },
  { type: /^\/drill\/\*\/$/, bytes: 40 * 1024, svelte: true },
];

/** The JavaScript budget of a page type. */
export function jsBudget(type: string): number {
  return JS_BUDGETS.find((b) => b.type.test(type))?.bytes ?? BUDGET.js;
}

/** Whether a page type may load the Svelte runtime (every type may, except the scenario page). */
export function svelteAllowed(type: string): boolean {
  return JS_BUDGETS.find((b) => b.type.test(type))?.svelte ?? true;
}

/**
 * True when a built JavaScript file is, or carries, the Svelte runtime: the chunk the build names
 * `svelte` (astro.config.mjs) or code with Svelte's error links.
 */
export function isSvelteChunk(name: string, code: string): boolean {
  return /(^|\/)svelte\.[\w-]+\.js$/.test(name) || code.includes('svelte.dev/e/');
}

/** A page's type: its path with the scenario, lesson or drill id replaced by `*`. */
export function pageType(page: string): string {
  // scenarios/x/map/index.html -> /scenarios/*/map/
  return `/${page.replace(/index\.html$/, '').replace(/^(scenarios|lessons|drill)\/[^/]+\//, '$1/*/')}`;
}

const gz = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function pages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return pages(full);
    return name.endsWith('.html') ? [full] : [];
  });
}

/** Resolve a URL used in a page to a file in dist. */
function fileFor(url: string, page: string): string | undefined {
  if (/^[a-z]+:/i.test(url) || url.startsWith('//')) return undefined;
  const clean = url.split(/[?#]/)[0]!;
  const file = clean.startsWith('/') ? path.join(DIST, clean) : path.resolve(path.dirname(page), clean);
  return existsSync(file) ? file : undefined;
}

/**
 * A JS file plus everything it imports, each counted once: static imports load with the page,
 * dynamic `import()`s only when the page asks for them (`onDemand`).
 */
function withImports(file: string, seen: Set<string>, onDemand?: Set<string>): void {
  if (seen.has(file)) return;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const match of code.matchAll(/(from|import)\s*(\(?)\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g)) {
    const next = path.resolve(path.dirname(file), match[3]!);
    if (!existsSync(next)) continue;
    if (match[1] === 'import' && match[2] && onDemand) withImports(next, onDemand);
    else withImports(next, seen, onDemand);
  }
}

export interface PageSize {
  page: string;
  js: number;
  css: number;
  fonts: number;
  /** What each JavaScript file (or the inline scripts) costs, gzipped, largest first. */
  parts: { name: string; bytes: number }[];
  /** The files loaded with the page that are the Svelte runtime (see isSvelteChunk). */
  svelte: string[];
  /** JavaScript loaded only when the page asks for it (dynamic imports), not counted in `js`. */
  onDemand: { name: string; bytes: number }[];
}

/** Measure one built page. */
export function measure(page: string): PageSize {
  const html = readFileSync(page, 'utf8');
  const scripts = new Set<string>();
  const later = new Set<string>();
  let inline = 0;
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const src = /\bsrc="([^"]+)"/.exec(match[1]!)?.[1];
    if (src) {
      const file = fileFor(src, page);
      if (file) withImports(file, scripts, later);
    } else if (!/type="application\/(ld\+)?json"/.test(match[1]!)) inline += gz(match[2]!);
  }
  for (const match of html.matchAll(/\b(?:component-url|renderer-url|href)="([^"]+\.js)"/g)) {
    const file = fileFor(match[1]!, page);
    if (file) withImports(file, scripts, later);
  }
  let css = 0;
  for (const match of html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)) {
    const file = fileFor(match[1]!, page);
    if (file) css += gz(readFileSync(file));
  }
  for (const match of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)) css += gz(match[1]!);
  let fonts = 0;
  for (const file of readdirSync(DIST, { recursive: true }) as string[])
    if (/\.(woff2?|ttf|otf)$/.test(file)) fonts += statSync(path.join(DIST, file)).size;
  const parts = [...scripts].map((file) => ({ name: path.relative(DIST, file), bytes: gz(readFileSync(file)) }));
  const svelte = [...scripts]
    .filter((file) => isSvelteChunk(path.basename(file), readFileSync(file, 'utf8')))
    .map((file) => path.relative(DIST, file));
  if (inline) parts.push({ name: '(inline scripts)', bytes: inline });
  parts.sort((a, b) => b.bytes - a.bytes);
  const js = parts.reduce((sum, part) => sum + part.bytes, 0);
  const onDemand = [...later]
    .filter((file) => !scripts.has(file))
    .map((file) => ({ name: path.relative(DIST, file), bytes: gz(readFileSync(file)) }));
  return { page: path.relative(DIST, page), js, css, fonts, parts, svelte, onDemand };
}

/** Group pages by type (first path segment) and keep the heaviest of each. */
function byType(sizes: PageSize[]): [string, PageSize][] {
  const worst = new Map<string, PageSize>();
  for (const size of sizes) {
    const type = pageType(size.page);
    const current = worst.get(type);
    if (!current || size.js + size.css > current.js + current.css) worst.set(type, size);
  }
  return [...worst.entries()];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!existsSync(DIST)) {
    console.error(`No build found at ${DIST}: run npm run build first.`);
    process.exit(2);
  }
  const sizes = pages(DIST).map(measure);
  const rows = byType(sizes);
  console.log('| page type | heaviest page | JS gzip | JS budget | Svelte | CSS gzip | fonts |');
  console.log('| --- | --- | ---: | ---: | --- | ---: | ---: |');
  for (const [type, r] of rows) {
    const svelte = r.svelte.length ? 'loaded' : svelteAllowed(type) ? '—' : 'none (required)';
    console.log(
      `| ${type} | ${r.page} | ${kb(r.js)} | ${kb(jsBudget(type))} | ${svelte} | ${kb(r.css)} | ${kb(r.fonts)} |`,
    );
  }
  console.log('\nWhat costs what (JavaScript, gzip) on the heaviest page of each type that loads any:');
  for (const [type, r] of rows) {
    if (r.js < 1024) continue;
    console.log(`\n${type} (${r.page}), ${kb(r.js)}:`);
    for (const part of r.parts) console.log(`  ${kb(part.bytes).padStart(8)}  ${part.name}`);
    for (const part of r.onDemand)
      console.log(`  ${kb(part.bytes).padStart(8)}  ${part.name} (only when the page asks for it)`);
  }
  const over = sizes.flatMap((s) => [
    ...(s.js > jsBudget(pageType(s.page))
      ? [`${s.page}: JavaScript ${kb(s.js)} is over the ${kb(jsBudget(pageType(s.page)))} budget`]
      : []),
    ...(s.svelte.length && !svelteAllowed(pageType(s.page))
      ? [
          `${s.page}: loads the Svelte runtime (${s.svelte.join(', ')}); scenario pages must not (the player is framework-free)`,
        ]
      : []),
    ...(s.css > BUDGET.css ? [`${s.page}: CSS ${kb(s.css)} is over the ${kb(BUDGET.css)} budget`] : []),
    ...(s.fonts > BUDGET.fonts ? [`${s.page}: fonts ${kb(s.fonts)} are over the ${kb(BUDGET.fonts)} budget`] : []),
  ]);
  if (over.length) {
    console.error(`\nOver budget:\n${[...new Set(over)].join('\n')}`);
    process.exit(1);
  }
  console.log(
    `\nAll ${sizes.length} pages are within budget (JS ${kb(jsBudget('/scenarios/*/'))} and no Svelte on scenario pages, ${kb(BUDGET.js)} elsewhere; CSS ${kb(BUDGET.css)}, fonts ${kb(BUDGET.fonts)}).`,
  );
}
