import { describe, expect, it } from 'vitest';
import { authoringGuideHtml } from '../../../src/authoring/guide-page.ts';

describe('the authoring guide page', () => {
  const html = authoringGuideHtml(
    '# Guide\n\n```mdx\n<Scene />\n```\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n```sh\nnpm run lint\n```\n\n| c |\n| - |\n| 3 |\n',
  );

  it.each([
    [
      'each code example',
      /<pre tabindex="0" role="region" aria-label="Example (\d) \(scrolls sideways\)">/g,
      ['1', '2'],
    ],
    [
      'each table',
      /<div class="table-scroll" tabindex="0" role="region" aria-label="Table (\d) of the guide"><table>/g,
      ['1', '2'],
    ],
  ])('puts %s in its own named region that scrolls sideways', (_, pattern, numbers) => {
    expect([...html.matchAll(pattern)].map((m) => m[1])).toEqual(numbers);
  });

  it('closes every table’s region after the table', () => {
    expect(html.match(/<\/table><\/div>/g)).toHaveLength(2);
  });

  it('renders the real guide with a region per example, each name once', () => {
    const names = [...authoringGuideHtml().matchAll(/aria-label="([^"]+)"/g)].map((m) => m[1]);
    expect(names.length).toBeGreaterThan(2);
    expect(new Set(names).size).toBe(names.length);
  });
});
