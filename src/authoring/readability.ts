import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';

const sentences = new Intl.Segmenter('en', { granularity: 'sentence' });
const words = new Intl.Segmenter('en', { granularity: 'word' });

/**
 * Flesch–Kincaid grade level of English prose, rounded to one decimal. Sentences and words are split
 * with the platform's Intl.Segmenter; syllables are counted by the `syllable` library.
 */
export function readingGrade(text: string): number {
  let sentence = 0;
  let word = 0;
  let syllables = 0;
  for (const s of sentences.segment(text)) {
    if (!/[A-Za-z]/.test(s.segment)) continue;
    sentence++;
    for (const w of words.segment(s.segment)) {
      if (!w.isWordLike || !/[A-Za-z]/.test(w.segment)) continue;
      word++;
      syllables += Math.max(1, syllable(w.segment));
    }
  }
  if (!sentence || !word) return 0;
  return Math.round(fleschKincaid({ sentence, word, syllable: syllables }) * 10) / 10;
}
