import { describe, expect, it } from 'vitest';
import { isSvelteChunk, jsBudget, pageType, svelteAllowed } from '../../../scripts/budget.ts';

describe('the size budget', () => {
  it('gives each page type its JavaScript limit: 20 KB on a scenario page, 40 KB elsewhere', () => {
    expect(jsBudget(pageType('scenarios/mower-at-115/index.html'))).toBe(20 * 1024);
    expect(jsBudget(pageType('progress/index.html'))).toBe(40 * 1024);
    expect(jsBudget(pageType('certificate/index.html'))).toBe(40 * 1024);
    expect(jsBudget(pageType('gradebook/index.html'))).toBe(40 * 1024);
    expect(jsBudget(pageType('scenarios/mower-at-115/map/index.html'))).toBe(40 * 1024);
  });

  it('lets no Svelte onto a scenario page, and allows it on the results pages', () => {
    expect(svelteAllowed(pageType('scenarios/mower-at-115/index.html'))).toBe(false);
    expect(svelteAllowed(pageType('progress/index.html'))).toBe(true);
    expect(svelteAllowed(pageType('certificate/index.html'))).toBe(true);
  });

  it('recognises the Svelte runtime by its chunk name or by the error links in its code', () => {
    expect(isSvelteChunk('svelte.CGNSOfku.js', '')).toBe(true);
    expect(isSvelteChunk('storage.COHAwO6x.js', 'throw new Error(`https://svelte.dev/e/${code}`)')).toBe(true);
    expect(isSvelteChunk('storage.COHAwO6x.js', 'export{a as b}')).toBe(false);
  });
});
