import { describe, expect, it } from 'vitest';
import { analyzePaths, teachingWarnings } from '../../../src/engine/index.ts';
import { decisionByCall, ending, scene, valid } from './fixture.ts';

describe('analyzePaths', () => {
  const scenario = valid([
    scene('a', [
      { to: 'd', grade: 'best', trains: 'duty.respect' },
      { to: 'b', grade: 'poor', trains: 'duty.respect' },
    ]),
    scene('b', [
      { to: 'a', grade: 'ok', trains: 'duty.respect' },
      { to: 'bad', grade: 'poor', trains: 'duty.respect' },
    ]),
    ...decisionByCall('d'),
  ]);
  const analysis = analyzePaths(scenario);

  it('finds every step reachable and every path ending', () => {
    expect(analysis.reachablePercent).toBe(100);
    expect(analysis.stuck).toEqual([]);
    // a-d-{good,meh,bad}, a-b-bad; a-b-a is not simple, so the loop back adds no path.
    expect(analysis.pathCount).toBe(4);
  });

  it('knows the best path and the score range', () => {
    expect(analysis.bestPaths).toEqual([['a', 'd', 'good']]);
    expect(analysis.scoreRange).toEqual({ min: 0, max: 100 });
  });

  it('lists the endings reached by playing well', () => {
    expect(analysis.goodFaithEndings).toEqual(['good']);
  });

  it('stops counting at the cap and says so, instead of hanging on a combinatorial graph', () => {
    // 16 two-way forks in a row: 65,536 paths.
    const steps = Array.from({ length: 16 }, (_, i) =>
      scene(`s${i}`, [{ to: i === 15 ? 'end' : `s${i + 1}` }, { to: i === 15 ? 'end' : `s${i + 1}`, grade: 'ok' }]),
    );
    const big = valid([...steps, ending('end')]);
    const result = analyzePaths(big, 1000);
    expect(result).toMatchObject({ pathCount: 1000, capped: true });
    expect(teachingWarnings(big, result).map((p) => p.code)).toContain('too-many-paths');
  });
});
