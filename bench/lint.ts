/**
 * `npm run bench:lint`: how fast the authoring checks are.
 * 1. The lint CLI over 200 generated scenarios (target: under 5 s on a 2-core machine).
 * 2. Extract + validate + path-analyse one 1,001-step scenario (target: under 1 s).
 * Quotes medians of several runs; machines here are shared and noisy.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { extractScenario } from '../src/authoring/parse.ts';
import { analyzePaths, validateScenario } from '../src/engine/index.ts';
import { generateScenario } from './generate.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const dir = path.resolve('bench/out/lint-200');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
for (let i = 0; i < 200; i++) writeFileSync(path.join(dir, `generated-${i}.mdx`), generateScenario(i, 3 + (i % 5)));

const runs: number[] = [];
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  const run = spawnSync(process.execPath, ['src/authoring/cli.ts', '--strict', dir + '/'], {
    encoding: 'utf8',
    shell: false,
  });
  runs.push(performance.now() - t);
  if (i === 0 && !run.stdout.includes('200 scenario(s): 0 error(s), 0 warning(s)')) {
    const globbed = spawnSync(
      process.execPath,
      [
        'src/authoring/cli.ts',
        '--strict',
        ...Array.from({ length: 200 }, (_, n) => path.join(dir, `generated-${n}.mdx`)),
      ],
      { encoding: 'utf8' },
    );
    if (!globbed.stdout.includes('200 scenario(s): 0 error(s), 0 warning(s)'))
      throw new Error(`generated scenarios did not lint clean:\n${globbed.stdout.slice(-2000)}`);
  }
}
console.log(
  `lint CLI, 200 scenarios (whole process, median of ${runs.length}): ${(median(runs) / 1000).toFixed(2)} s  [target < 5 s]`,
);

const big = generateScenario(0, 499); // 499 rounds * 2 + 3 endings = 1,001 steps
const times: number[] = [];
let steps = 0;
let paths = 0;
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  const { raw } = extractScenario(big, 'bench/big.mdx');
  const { scenario, problems } = validateScenario(raw);
  if (!scenario) throw new Error(problems.map((p) => p.message).join('\n'));
  const analysis = analyzePaths(scenario);
  times.push(performance.now() - t);
  steps = scenario.steps.length;
  paths = analysis.pathCount;
}
console.log(
  `one ${steps}-step scenario, extract + validate + path analysis (${paths} paths), median of ${times.length}: ${median(times).toFixed(0)} ms  [target < 1000 ms]`,
);
