import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../../src/authoring/compile.ts';
import { renderScenarioMap } from '../../../src/authoring/scenario-map.ts';

describe('renderScenarioMap', () => {
  const { scenario } = compileScenario('tests/fixtures/scenarios/valid/minimal.mdx');
  const map = renderScenarioMap(scenario!);

  it('draws a node for every step and an edge for every choice and branch', () => {
    for (const id of ['door', 'check', 'done']) expect(map.svg).toContain(`data-step="${id}"`);
    expect(map.svg.match(/<g class="edge/g)).toHaveLength(2 + 3);
    expect(map.svg).toContain('data-from="check" data-to="done"');
  });

  it('marks the right call and the best choice, and the start, which it draws in the top-left corner', () => {
    expect(map.svg).toMatch(/<g class="edge good" data-from="check" data-to="done">.*?decline ✓/);
    expect(map.svg).toContain('Scene · start');
    expect(map.svg).toMatch(/data-step="door" data-start><rect x="12" y="12"/);
  });

  it('has a text alternative', () => {
    expect(map.svg).toMatch(
      /role="img" aria-labelledby="map-title-minimal"><title id="map-title-minimal">Map of "Minimal": 3 steps/,
    );
    expect(map.text.find((row) => row.id === 'check')?.exits).toEqual(['act → Done', 'ask → Done', 'decline ✓ → Done']);
  });
});
