import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The source folders each hold one kind of thing (CONTRIBUTING's map): components render, page
 * scripts live in src/client/<page>/, services without UI in src/lib. A file in the wrong room is
 * named here, so the map stays true.
 */
const filesUnder = (folder: string): string[] =>
  readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)));

describe('the source layout', () => {
  it('src/components holds only Astro and Svelte components, and the MDX component maps', () => {
    const misplaced = filesUnder('src/components').filter(
      (file) => !/\.(astro|svelte)$/.test(file) && path.basename(file) !== 'index.ts',
    );
    expect(misplaced, 'move page scripts and state to src/client/<page>/').toEqual([]);
  });

  it('src/lib holds TypeScript services, no components', () => {
    const misplaced = filesUnder('src/lib').filter((file) => !/\.ts$/.test(file) || file.endsWith('.svelte.ts'));
    expect(misplaced, 'components go to src/components, page state to src/client/<page>/').toEqual([]);
  });

  it('src/client holds page scripts and page state, no components', () => {
    const misplaced = filesUnder('src/client').filter((file) => !/\.(ts|js)$/.test(file));
    expect(misplaced, 'components go to src/components').toEqual([]);
  });
});
