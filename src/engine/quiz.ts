/** A knowledge check as the scorer needs it: which option is right. */
export interface CheckKey {
  answer: number;
}

/** The result of one knowledge check. */
export interface CheckResult {
  chosen: number | undefined;
  answer: number;
  correct: boolean;
}

/** Score a lesson's knowledge checks; an unanswered question counts as wrong. */
export function scoreChecks(checks: readonly CheckKey[], chosen: readonly (number | undefined)[]) {
  const results: CheckResult[] = checks.map((check, i) => ({
    chosen: chosen[i],
    answer: check.answer,
    correct: chosen[i] === check.answer,
  }));
  const correct = results.filter((r) => r.correct).length;
  return {
    results,
    correct,
    total: checks.length,
    percent: checks.length ? Math.round((correct / checks.length) * 100) : 100,
  };
}
