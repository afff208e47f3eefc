/**
 * The one place where a schema's complaint becomes words for people: a results file or stored record
 * that was refused, a page whose data does not match, a front-matter field an author got wrong. Zod
 * (full or mini) reports issues with these fields; nothing here imports it, so the player and the
 * build share this module without carrying zod.
 */

/** The parts of a schema issue a sentence needs. */
export interface IssueLike {
  path: readonly PropertyKey[];
  message: string;
  code?: string;
  expected?: unknown;
  values?: readonly unknown[];
  minimum?: unknown;
  maximum?: unknown;
}

/** A value as a message quotes it: "nothing", "a list", or its type and JSON ("string \"ten\""). */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** What an issue expected, in words. */
function expectation(issue: IssueLike): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'a record' : `a ${String(issue.expected)}`}`;
    case 'invalid_value':
      return `expected ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(' or ')}`;
    case 'too_big':
      return `expected at most ${String(issue.maximum)}`;
    case 'too_small':
      return `expected at least ${String(issue.minimum)}`;
    case 'invalid_format':
      return 'expected a date and time like 2026-11-26T09:30:00Z';
    default:
      return issue.message;
  }
}

/**
 * Why data was not accepted, as one clause naming where and what was expected
 * ("attempts.0.score: expected at most 100"); `whole` names the data when the problem is at its top.
 */
export function describeIssue(error: { issues: readonly IssueLike[] }, whole = 'the file'): string {
  const issue = error.issues[0];
  if (!issue) return `${whole} does not match what was expected`;
  const where = issue.path.length ? issue.path.map(String).join('.') : whole;
  return `${where}: ${expectation(issue)}`;
}
