/**
 * `npm run bench`: build-time scaling. Generates 50, 100 and 200 scenarios, builds the whole site for
 * each set (one run each; builds are long enough that one run is a fair figure on a quiet machine),
 * and prints seconds per scenario. Targets: growth close to linear, and 200 scenarios under 2 minutes.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateScenario } from './generate.ts';

const sizes = (process.argv[2] ?? '50,100,200').split(',').map(Number);
const rows: { n: number; seconds: number }[] = [];
for (const n of sizes) {
  const base = path.resolve(`bench/out/build-${n}`);
  rmSync(base, { recursive: true, force: true });
  mkdirSync(`${base}/scenarios`, { recursive: true });
  for (let i = 0; i < n; i++) writeFileSync(`${base}/scenarios/generated-${i}.mdx`, generateScenario(i, 3 + (i % 5)));
  writeFileSync(`${base}/completion.json`, JSON.stringify({ required: ['generated-0', 'generated-1'] }));
  const start = performance.now();
  const run = spawnSync('npx', ['astro', 'build', '--outDir', `${base}/dist`], {
    env: {
      ...process.env,
      MP201_SCENARIOS: `${base}/scenarios`,
      MP201_COMPLETION: `${base}/completion.json`,
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    encoding: 'utf8',
  });
  const seconds = (performance.now() - start) / 1000;
  if (run.status !== 0)
    throw new Error(`build of ${n} scenarios failed:\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-3000)}`);
  rows.push({ n, seconds });
  console.log(
    `${String(n).padStart(4)} scenarios: ${seconds.toFixed(1)} s  (${((seconds / n) * 1000).toFixed(0)} ms per scenario)`,
  );
}
if (rows.length > 1) {
  const first = rows[0]!;
  const last = rows.at(-1)!;
  // Fixed start-up cost aside, time per extra scenario should stay about the same.
  const marginal = (last.seconds - first.seconds) / (last.n - first.n);
  const mid = rows[Math.floor(rows.length / 2)]!;
  const predicted = first.seconds + marginal * (mid.n - first.n);
  console.log(
    `marginal cost ${(marginal * 1000).toFixed(0)} ms per scenario; ${mid.n} scenarios took ${mid.seconds.toFixed(1)} s against ${predicted.toFixed(1)} s on a straight line`,
  );
}
const biggest = rows.find((r) => r.n === 200);
if (biggest)
  console.log(
    `200 scenarios: ${biggest.seconds.toFixed(1)} s [target < 120 s] ${biggest.seconds < 120 ? 'OK' : 'TOO SLOW'}`,
  );
