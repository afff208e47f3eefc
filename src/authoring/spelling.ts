import { globSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type TypeScript from 'typescript';
import type { Problem } from '../engine/index.ts';
import { BRITISH_TO_US, usSpellingOf } from './us-english.ts';

// The TypeScript parser and the dictionary are loaded only when a file needs them, so that the lint
// CLI starts fast and answers a usage error at once.
let typescript: typeof TypeScript | undefined;
const loadTypeScript = () => (typescript ??= createRequire(import.meta.url)('typescript') as typeof TypeScript);

/** The project word list: names, places, clause words and terms the US dictionary lacks. One word a line. */
export const PROJECT_WORDS_FILE = 'project-words.txt';

/** Attributes whose values a reader sees (checked); every other attribute value is an id or code (skipped). */
const READ_ATTRIBUTES = ['title', 'action', 'summary', 'alt', 'label', 'placeholder', 'aria-label', 'inform'];

const blank = (text: string) => text.replace(/[^\n]/g, ' ');

/** Words from the project word list, ignoring blank lines and # comments. */
export function projectWords(root = '.'): string[] {
  const file = path.join(root, PROJECT_WORDS_FILE);
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean);
}

/**
 * The text of a file a reader sees, with everything else blanked to spaces so that line and column
 * numbers stay those of the file: Markdown and MDX without code spans, code blocks and component
 * internals (attribute values a reader sees are kept); Astro and Svelte markup text plus the prose
 * string literals of their scripts; TypeScript's prose string literals only.
 */
export function readableText(file: string, source: string): string {
  const ext = path.extname(file);
  if (ext === '.ts') return proseLiterals(source);
  if (ext === '.astro' || ext === '.svelte') return markupText(source);
  return markdownText(source);
}

function markdownText(source: string): string {
  return maskTags(
    source
      .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, blank)
      .replace(/`[^`\n]*`/g, blank)
      .replace(/\]\([^)\s]*\)/g, blank)
      .replace(/https?:\/\/\S+/g, blank)
      .replace(/<!--[\s\S]*?-->/g, blank),
  );
}

/** Blank the inside of `<Tag …>` except the values of READ_ATTRIBUTES. */
function maskTags(text: string): string {
  return text.replace(/<\/?[A-Za-z][^<>]*>/g, (tag) => {
    let out = '';
    let last = 0;
    for (const m of tag.matchAll(/([A-Za-z-]+)=("([^"]*)"|'([^']*)')/g)) {
      const name = m[1]!;
      if (!READ_ATTRIBUTES.includes(name)) continue;
      const valueStart = m.index + name.length + 2;
      out += blank(tag.slice(last, valueStart)) + tag.slice(valueStart, valueStart + (m[3] ?? m[4])!.length);
      last = valueStart + (m[3] ?? m[4])!.length;
    }
    return out + blank(tag.slice(last));
  });
}

function markupText(source: string): string {
  let text = source;
  // Astro front matter and <script> blocks: keep only their prose string literals.
  text = text.replace(/^---\n[\s\S]*?\n---$/m, (block) => proseLiterals(block));
  text = text.replace(
    /(<script[^>]*>)([\s\S]*?)(<\/script>)/g,
    (_, open: string, body: string, close: string) => blank(open) + proseLiterals(body) + blank(close),
  );
  text = text.replace(/<style[^>]*>[\s\S]*?<\/style>/g, blank);
  text = text.replace(/<!--[\s\S]*?-->/g, blank);
  text = maskExpressions(text);
  return maskTags(text);
}

/** Blank `{…}` expressions in markup (nesting-aware), keeping their prose string literals. */
function maskExpressions(text: string): string {
  let out = '';
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{') {
      if (depth === 0) {
        out += text.slice(start, i);
        start = i;
      }
      depth++;
    } else if (c === '}' && depth > 0) {
      depth--;
      if (depth === 0) {
        out += ' ' + proseLiterals(text.slice(start + 1, i), true) + ' ';
        start = i + 1;
      }
    }
  }
  return out + (depth === 0 ? text.slice(start) : blank(text.slice(start)));
}

/**
 * TypeScript source with everything blanked except string literals that read as prose (two or more
 * words with a space between, not a path, selector or class list) and, with `jsx`, JSX text.
 */
export function proseLiterals(source: string, jsx = false): string {
  const ts = loadTypeScript();
  const tree = ts.createSourceFile(
    'x.tsx',
    source,
    ts.ScriptTarget.Latest,
    false,
    jsx ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const keep: [number, number][] = [];
  const visit = (node: TypeScript.Node) => {
    if (ts.isTemplateExpression(node)) {
      // A template reads as one sentence: its parts are prose together or not at all.
      const parts = [node.head, ...node.templateSpans.map((span) => span.literal)];
      if (isProse(parts.map((part) => part.text).join(' x ')))
        for (const part of parts) keep.push([part.getStart(tree), part.getEnd()]);
      for (const span of node.templateSpans) visit(span.expression);
      return;
    }
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (isProse(node.text)) keep.push([node.getStart(tree), node.getEnd()]);
      return;
    }
    if (ts.isJsxText(node)) {
      keep.push([node.getStart(tree), node.getEnd()]);
      return;
    }
    node.forEachChild(visit);
  };
  visit(tree);
  keep.sort((x, y) => x[0] - y[0]);
  let out = '';
  let last = 0;
  for (const [from, to] of keep) {
    out += blank(source.slice(last, from)) + source.slice(from, to);
    last = to;
  }
  return out + blank(source.slice(last));
}

function isProse(value: string): boolean {
  // A label of one capitalized word ('Gradebook') is prose too.
  if (/^[A-Z][a-z]+$/.test(value)) return true;
  if (!/[a-z]{2,}[,;:]? +[a-z]{2,}/i.test(value)) return false;
  // Class lists, selectors and paths (lower case, with - : . / [ ] = # >) are not prose.
  return !(/^[a-z0-9\s:./[\]=#>_-]*$/.test(value) && /[-:./[\]#>=]/.test(value));
}

/** cspell's file type for a file: what it knows about the syntax. */
const LANGUAGE: Record<string, string> = { '.md': 'markdown', '.mdx': 'markdown', '.ts': 'typescript' };

/**
 * Check the readable text of one file against US English (cspell's en-US dictionary, the project word
 * list, and BRITISH_TO_US). Each unknown or British word is a located warning with its fix.
 */
export async function checkSpelling(file: string, source: string, words: readonly string[]): Promise<Problem[]> {
  const text = readableText(file, source);
  const { spellCheckDocument } = await import('cspell-lib');
  const result = await spellCheckDocument(
    {
      uri: `file:///${file.replace(/\\/g, '/').replace(/^\/+/, '')}`,
      text,
      languageId: LANGUAGE[path.extname(file)] ?? 'plaintext',
      locale: 'en-US',
    },
    { generateSuggestions: true, numSuggestions: 1, noConfigSearch: true },
    { language: 'en-US', words: [...words], flagWords: [...BRITISH_TO_US.keys()] },
  );
  const starts = lineStarts(text);
  return result.issues.map((issue): Problem => {
    const offset = issue.offset;
    let line = 0;
    while (line + 1 < starts.length && starts[line + 1]! <= offset) line++;
    const us = usSpellingOf(issue.text);
    const guess = issue.suggestions?.[0];
    return {
      severity: 'warning',
      code: us ? 'british-spelling' : 'spelling',
      line: line + 1,
      column: offset - starts[line]! + 1,
      message: us ? `"${issue.text}" is British spelling` : `"${issue.text}" is not in the US English dictionary`,
      fix: us
        ? `write "${us}"`
        : `correct the spelling${guess ? ` (perhaps "${guess}")` : ''}, or add the word to ${PROJECT_WORDS_FILE} if it is a name or a term`,
    };
  });
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

/** What the spelling check reads, by area: file patterns relative to the project root. */
export const SPELLING_AREAS = {
  scenarios: ['scenarios/*.mdx'],
  lessons: ['content/lessons/*.md'],
  ui: ['src/**/*.astro', 'src/**/*.svelte', 'src/**/*.ts'],
  docs: ['README.md', 'CONTRIBUTING.md', 'docs/**/*.md', 'content/*.md'],
} as const;

/**
 * Files the spelling check skips: the list of British spellings itself, and the SCORM manifest builder,
 * whose strings are the manifests' XML vocabulary (adlcp, imscp, identifierref…), not English.
 */
const SPELLING_SKIP = new Set(['src/authoring/us-english.ts', 'src/authoring/lms-package.ts']);

/** The files of one area, sorted, relative to the project root. */
export function spellingFiles(area: keyof typeof SPELLING_AREAS, root = '.'): string[] {
  return SPELLING_AREAS[area]
    .flatMap((pattern) => globSync(pattern, { cwd: root }))
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => !SPELLING_SKIP.has(file))
    .sort();
}
