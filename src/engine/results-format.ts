import type { AttemptRecord } from './results-schema.ts';

/**
 * Reading results files: a nesting check made before parsing, and how attempts from two sources are merged (an import, a hand-in, a class).
 */

/**
 * Merge attempts from two sources: the same attempt (same id) is kept once, and when both copies
 * exist the one finished later wins, so importing an old file never overwrites newer data.
 */
export function mergeAttempts(
  current: readonly AttemptRecord[],
  incoming: readonly AttemptRecord[],
): { attempts: AttemptRecord[]; taken: AttemptRecord[]; added: number; updated: number } {
  const byId = new Map(current.map((a) => [a.id, a]));
  const taken: AttemptRecord[] = [];
  let added = 0;
  let updated = 0;
  for (const attempt of incoming) {
    const existing = byId.get(attempt.id);
    if (existing && attempt.finishedAt <= existing.finishedAt) continue;
    if (existing) updated++;
    else added++;
    byId.set(attempt.id, attempt);
    taken.push(attempt);
  }
  const attempts = [...byId.values()].sort((a, b) => a.finishedAt.localeCompare(b.finishedAt));
  return { attempts, taken, added, updated };
}

/**
 * How deeply a JSON text nests, counted without parsing it, stopping as soon as `limit` is passed.
 * A results file nests about six levels; a file nested hundreds deep is refused before JSON.parse.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > limit) return true;
    } else if (c === 125 || c === 93) depth--;
  }
  return false;
}
