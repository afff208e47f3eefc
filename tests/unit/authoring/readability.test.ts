import { describe, expect, it } from 'vitest';
import { readingGrade } from '../../../src/authoring/readability.ts';

describe('readingGrade', () => {
  it('rates short plain sentences low and long latinate ones high', () => {
    const plain = 'The dog ran to the door. She let him out. It was hot.';
    const dense =
      'Organizational accountability necessitates comprehensive documentation of extraordinary circumstances surrounding interdepartmental resource allocation decisions.';
    expect(readingGrade(plain)).toBeLessThan(3);
    expect(readingGrade(dense)).toBeGreaterThan(14);
  });
  it('is 0 for text without words', () => expect(readingGrade('— 114 … 2:58 —')).toBe(0));
});
