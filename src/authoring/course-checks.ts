import type { Problem } from '../engine/index.ts';
import { readableText } from './spelling.ts';

/** One scenario file as the course-wide checks see it. */
export interface CourseFile {
  file: string;
  source: string;
}

/**
 * Phrases that recur across the course as filler. Each is flagged wherever it appears: say the reason
 * in the scene's own terms instead. Matched case-insensitively, as whole words.
 */
export const STOCK_PHRASES = [
  'every answer was yes',
  'every answer is yes',
  'the decisive no',
  'the only no',
  'the only "no"',
  'remembers it for years',
  'a card arrives at the station',
  'a thank-you card',
] as const;

/** A sentence this long (in words) that appears word for word in two scenarios is flagged. */
export const REPEATED_SENTENCE_WORDS = 6;

/**
 * Capitalized words that start or end a two-word phrase without making it a person's full name:
 * ranks and titles, units, places and organizations of the region.
 */
const NOT_NAMES = new Set(
  `Ambulance Arizona Avenue Banner Battalion Boulevard Canyon Captain Center Chief City County Desert Doctor Dr
  Drive Emergency Engine Engineer Fire Firefighter Hospital Indian Interstate Ladder Lane Lieutenant Loop Medical
  Medic Mesa Mister Mountain Mr Mrs Ms Nurse Officer Paramedic Park Parkway Peak Phoenix Regional Rescue River Road
  Salt School Sergeant Squad State Station Street Tempe Trooper Valley Verde`.split(/\s+/),
);

const WORD = String.raw`\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)?`;
// The second word is read ahead, so that in "Trooper Dana Kessler" both "Trooper Dana" and "Dana Kessler" are seen.
const FULL_NAME = new RegExp(
  String.raw`(?<![\p{L}'’.-])(${WORD})(?=(?:[ \t]+|[ \t]*\n[ \t]*)(${WORD})(?![\p{L}'’-]))`,
  'gu',
);

interface Located {
  file: string;
  offset: number;
}

/**
 * Course-wide content checks over a set of scenario files: a person's full name used in more than one
 * scenario, stock phrases, and sentences repeated word for word across scenarios (sentences quoted
 * from the procedure are fine). Returns the problems of each file, located in that file.
 *
 * `procedure` is the text of the procedure, whose sentences may be quoted anywhere.
 */
export function courseProblems(files: readonly CourseFile[], procedure = ''): Map<string, Problem[]> {
  const out = new Map<string, Problem[]>(files.map((f) => [f.file, []]));
  const texts = files.map((f) => ({ file: f.file, source: f.source, text: readableText(f.file, f.source) }));
  const at = (source: string, offset: number) => {
    const before = source.slice(0, offset);
    const line = before.split('\n').length;
    return { line, column: offset - before.lastIndexOf('\n') };
  };
  const push = (file: string, source: string, offset: number, problem: Omit<Problem, 'line' | 'column' | 'severity'>) =>
    out.get(file)!.push({ severity: 'warning', ...at(source, offset), ...problem });
  /** Warn once in each file where a text found in two or more files appears, naming the other files. */
  const pushRepeats = (
    found: Map<string, Located[]>,
    problem: (text: string, others: string) => Omit<Problem, 'line' | 'column' | 'severity'>,
  ) => {
    for (const [text, places] of found) {
      const inFiles = [...new Set(places.map((p) => p.file))];
      if (inFiles.length < 2) continue;
      for (const file of inFiles) {
        const first = places.find((p) => p.file === file)!;
        const others = inFiles.filter((f) => f !== file).map(baseName);
        push(file, texts.find((t) => t.file === file)!.source, first.offset, problem(text, others.join(', ')));
      }
    }
  };

  // Full names: both words capitalized, neither a rank, place or unit, neither used in lower case anywhere.
  const lower = new Set(texts.flatMap((t) => t.text.match(/\b\p{Ll}[\p{Ll}'’-]*\b/gu) ?? []));
  const isNameWord = (w: string) =>
    !NOT_NAMES.has(w) && !lower.has(w.toLowerCase()) && !lower.has(w.toLowerCase().replace(/['’]s$/, ''));
  const names = new Map<string, Located[]>();
  for (const t of texts)
    for (const m of t.text.matchAll(FULL_NAME)) {
      const [first, last] = [m[1]!, m[2]!.replace(/['’]s$/, '')];
      if (!isNameWord(first) || !isNameWord(last)) continue;
      const name = `${first} ${last}`;
      names.set(name, [...(names.get(name) ?? []), { file: t.file, offset: m.index }]);
    }
  pushRepeats(names, (name, others) => ({
    code: 'repeated-name',
    message: `"${name}" is also a character in ${others}`,
    fix: 'give this person a name used in no other scenario (grep the scenarios folder first)',
  }));

  for (const t of texts)
    for (const phrase of STOCK_PHRASES) {
      const re = new RegExp(
        String.raw`\b${phrase.replace(/[.*+?^${}()|[\]\\"]/g, (c) => (c === '"' ? '["“”]' : `\\${c}`)).replace(/ /g, String.raw`\s+`)}(?![\p{L}])`,
        'giu',
      );
      for (const m of t.text.matchAll(re))
        push(t.file, t.source, m.index, {
          code: 'stock-phrase',
          message: `stock phrase "${m[0].replace(/\s+/g, ' ')}"`,
          fix: 'say the reason in this scene’s own terms: what makes this answer yes or no here',
        });
    }

  const quoted = normalize(procedure.replace(/\[[a-z.-]+\]/g, ' '));
  const sentences = new Map<string, Located[]>();
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  for (const t of texts) {
    // The front matter's `assumes` may repeat a shared local policy word for word.
    const body = /^---\n[\s\S]*?\n---/.exec(t.text)?.[0].length ?? 0;
    for (const s of segmenter.segment(t.text)) {
      if (s.index < body) continue;
      const sentence = normalize(s.segment);
      if (sentence.split(' ').length < REPEATED_SENTENCE_WORDS || quoted.includes(sentence)) continue;
      const lead = s.segment.length - s.segment.trimStart().length;
      sentences.set(sentence, [...(sentences.get(sentence) ?? []), { file: t.file, offset: s.index + lead }]);
    }
  }
  pushRepeats(sentences, (sentence, others) => ({
    code: 'repeated-sentence',
    message: `"${sentence.length > 60 ? `${sentence.slice(0, 57)}…` : sentence}" is also in ${others}`,
    fix: 'write this sentence for this scenario in its own words',
  }));
  for (const problems of out.values()) problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return out;
}

const normalize = (text: string) => text.replace(/\s+/g, ' ').replace(/[“”]/g, '"').replace(/[‘’]/g, "'").trim();
const baseName = (file: string) => file.split(/[\\/]/).pop() ?? file;
