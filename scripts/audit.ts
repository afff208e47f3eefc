/**
 * `npm run audit`: Lighthouse (mobile settings, Debian Chromium) on the home page, the catalogue, a
 * scenario and the progress page of the built site, printed as a table. Targets: performance >= 95,
 * accessibility 100, best practices 100, SEO >= 95. Exits non-zero when a target is missed.
 * Run `npm run build` first.
 */
import { spawn, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS } from '../tests/e2e/chromium.ts';

const port = 4411;
const pages = (process.argv[2] ?? ',scenarios/,scenarios/mower-at-115/,progress/').split(',');
const TARGETS = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 95 } as const;

if (!existsSync('dist/index.html')) {
  console.error('No build found: run npm run build first.');
  process.exit(2);
}
const chromePath =
  process.env.CHROME_PATH || execFileSync('bash', ['scripts/ensure-chromium.sh'], { encoding: 'utf8' }).trim();
const server = spawn('npx', ['astro', 'preview', '--host', '127.0.0.1', '--port', String(port)], {
  stdio: 'ignore',
  detached: true,
});
await new Promise((resolve) => setTimeout(resolve, 3000));

const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
});
const rows: string[] = [];
let missed = 0;
try {
  for (const page of pages) {
    const url = `http://127.0.0.1:${port}/${page}`;
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' });
    const categories = result!.lhr.categories;
    const score = (id: keyof typeof TARGETS) => Math.round((categories[id]?.score ?? 0) * 100);
    const cells = (Object.keys(TARGETS) as (keyof typeof TARGETS)[]).map((id) => {
      const s = score(id);
      if (s < TARGETS[id]) missed++;
      return s < TARGETS[id] ? `**${s}**` : String(s);
    });
    rows.push(`| /${page} | ${cells.join(' | ')} |`);
    for (const [id, audit] of Object.entries(result!.lhr.audits))
      if (audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === 'binary')
        console.error(`  /${page}: ${id}: ${audit.title}`);
  }
} finally {
  chrome.kill();
  try {
    process.kill(-server.pid!);
  } catch {
    // already gone
  }
}
console.log('| page | performance | accessibility | best practices | SEO |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const row of rows) console.log(row);
console.log(
  `\nTargets: performance >= 95, accessibility 100, best practices 100, SEO >= 95. ${missed ? `${missed} missed (in bold).` : 'All met.'}`,
);
process.exit(missed ? 1 : 0);
