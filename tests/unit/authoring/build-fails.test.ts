import { spawnSync } from 'node:child_process';
import { mkdtempSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../../src/authoring/compile.ts';

describe('a broken scenario never produces a site', () => {
  it('stops `astro build` with every problem of every file, each as file:line:col', () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'mp201-')), 'scenarios');
    mkdirSync(dir);
    copyFileSync('tests/fixtures/scenarios/valid/minimal.mdx', path.join(dir, 'minimal.mdx'));
    copyFileSync('tests/fixtures/scenarios/broken/five-problems.mdx', path.join(dir, 'five-problems.mdx'));
    copyFileSync('tests/fixtures/scenarios/rules/unknown-target.mdx', path.join(dir, 'unknown-target.mdx'));
    const out = path.join(path.dirname(dir), 'dist');
    const run = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', out], {
      env: { ...process.env, MP201_SCENARIOS: dir, ASTRO_TELEMETRY_DISABLED: '1' },
      encoding: 'utf8',
      // The error is printed before anything else happens; if astro ever lingers after it, stop waiting.
      timeout: 60_000,
      killSignal: 'SIGKILL',
    });
    const output = run.stdout + run.stderr;
    expect(run.status).not.toBe(0);
    expect(output).toContain('6 problem(s) in 2 scenario file(s)');
    expect(output).toMatch(
      /five-problems\.mdx:13:1 {2}<Choice> "Go to the kitchen\." leads to "kitchen", but no step has that id/,
    );
    expect(output).toMatch(/five-problems\.mdx:31:1 {2}ending "end": expected outcome=/);
    expect(output).toMatch(/unknown-target\.mdx:21:1 {2}<Choice> "Walk straight in\." leads to "dnoe"/);
  }, 120_000);
});

describe('the authoring guide', () => {
  it('its complete example is a valid scenario that passes the strict check', () => {
    const guide = readFileSync('content/authoring-guide.md', 'utf8');
    const example = /```mdx\n([\s\S]*?)```/.exec(guide)?.[1];
    expect(example).toBeDefined();
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'mp201-guide-')), 'the-locked-car.mdx');
    writeFileSync(file, example!);
    const result = compileScenario(file);
    expect(result.problems).toEqual([]);
    expect(result.scenario?.steps.map((s) => s.id)).toEqual(['parking-lot', 'window', 'out', 'glass', 'waited']);
  });
});
