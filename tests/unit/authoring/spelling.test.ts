import { describe, expect, it } from 'vitest';
import { checkSpelling, readableText } from '../../../src/authoring/spelling.ts';
import { BRITISH_TO_US, usSpellingOf } from '../../../src/authoring/us-english.ts';

describe('US English spelling', () => {
  it.each([
    ['neighbour', 'neighbor'],
    ['Programme', 'Program'],
    ['kerb', 'curb'],
    ['metres', 'meters'],
    ['tyre', 'tire'],
    ['colour', 'color'],
    ['centre', 'center'],
    ['counsellor', 'counselor'],
    ['behaviour', 'behavior'],
    ['grey', 'gray'],
    ['storey', 'story'],
    ['apologise', 'apologize'],
    ['organising', 'organizing'],
    ["neighbour's", "neighbor's"],
  ])('gives the US spelling of %s: %s', (british, us) => {
    expect(usSpellingOf(british)).toBe(us);
  });

  it('lists no US spelling as British', () => {
    for (const us of BRITISH_TO_US.values()) expect(BRITISH_TO_US.has(us), us).toBe(false);
  });

  it('flags British spellings even where the dictionary accepts them, with the US word as the fix', async () => {
    const problems = await checkSpelling('note.md', 'A grey car stopped at the kerb.\n\nThe neighbour waved.\n', []);
    expect(problems.map((p) => [p.code, p.line, p.column, p.message, p.fix])).toEqual([
      ['british-spelling', 1, 3, '"grey" is British spelling', 'write "gray"'],
      ['british-spelling', 1, 27, '"kerb" is British spelling', 'write "curb"'],
      ['british-spelling', 3, 5, '"neighbour" is British spelling', 'write "neighbor"'],
    ]);
  }, 30_000);

  it('accepts the project word list and a file’s own cspell:words line', async () => {
    const text = 'Mrs. Tsosie met the probie.\n';
    expect((await checkSpelling('a.md', text, [])).map((p) => p.message)).toEqual([
      '"Tsosie" is not in the US English dictionary',
      '"probie" is not in the US English dictionary',
    ]);
    expect(await checkSpelling('a.md', text, ['Tsosie', 'probie'])).toEqual([]);
    expect(await checkSpelling('a.mdx', `{/* cspell:words Tsosie probie */}\n\n${text}`, [])).toEqual([]);
  }, 30_000);

  it('reads the words a user sees in TypeScript: prose string literals, not comments, paths or class lists', () => {
    const source = [
      "import x from './colour-wheel.ts'; // colour",
      "const label = 'Pick a colour for the badge';",
      "const css = 'flex centre-row';",
      'const message = `Seen by ${n} neighbours`;',
    ].join('\n');
    const text = readableText('labels.ts', source);
    expect(text.split('\n').map((l) => l.trim())).toEqual([
      '',
      "'Pick a colour for the badge'",
      '',
      '`Seen by ${ } neighbours`',
    ]);
    expect(text.length).toBe(source.length);
  });

  it('reads the words a user sees in Astro and Svelte markup: text and labels, not code or attributes', () => {
    const source = [
      '---',
      "const title = 'Your colour scheme';",
      '---',
      '<nav aria-label="Main centre links" class="centre">',
      '  <a href={url(`/centre/`)}>Visit the centre</a>',
      '</nav>',
      '<style>.centre { color: grey; }</style>',
    ].join('\n');
    const lines = readableText('Page.astro', source)
      .split('\n')
      .map((l) => l.replace(/\s+/g, ' ').trim());
    expect(lines).toEqual(['', "'Your colour scheme'", '', 'Main centre links', 'Visit the centre', '', '']);
  });
});
