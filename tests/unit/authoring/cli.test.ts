import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// Runs the real CLI the way `npm run lint:scenarios` does (process.execPath is the pinned Node).
const lint = (...args: string[]) =>
  spawnSync(process.execPath, ['src/authoring/cli.ts', ...args], { encoding: 'utf8' });

// Each case starts the CLI, which loads a spelling dictionary: allow it time on a busy machine.
describe('lint:scenarios CLI', { timeout: 60_000 }, () => {
  it('exits 0 and prints a summary line for a clean file', () => {
    const run = lint('tests/fixtures/scenarios/valid/minimal.mdx');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      'tests/fixtures/scenarios/valid/minimal.mdx: 3 steps, 1 decision, 1 ending, 4 paths, best path 3 steps (scores 0–100%), 5 min',
    );
    expect(run.stdout).toContain('1 scenario(s): 0 error(s), 0 warning(s).');
  });

  it('exits 1 and locates every problem when a file has errors', () => {
    const run = lint('tests/fixtures/scenarios/broken/five-problems.mdx');
    expect(run.status).toBe(1);
    expect(run.stdout.match(/^tests\/fixtures\/scenarios\/broken\/five-problems\.mdx:\d+:\d+ {2}/gm)).toHaveLength(5);
  });

  it('treats warnings as advice unless --strict', () => {
    const file = 'tests/fixtures/scenarios/rules/no-feedback.mdx';
    expect(lint(file).status).toBe(0);
    const strict = lint('--strict', file);
    expect(strict.status).toBe(1);
    expect(strict.stdout).toContain(`${file}:21:1  warning: <Choice> "Walk straight in." has no <Feedback>`);
  });

  it('exits 2 on an unknown option', () => {
    const run = lint('--fix');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Unknown option --fix');
  });

  it('runs as the command the authoring guide names, npm run lint:scenarios', () => {
    const run = spawnSync(
      'npm',
      ['run', '-s', 'lint:scenarios', '--', 'tests/fixtures/scenarios/rules/unknown-target.mdx'],
      { encoding: 'utf8' },
    );
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      'tests/fixtures/scenarios/rules/unknown-target.mdx:21:1  <Choice> "Walk straight in." leads to "dnoe"',
    );
  });
});
