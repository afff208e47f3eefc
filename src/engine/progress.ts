import { SCORING_VERSION, isScoringVersion, type ScoringVersion } from './call-credit.ts';
import { DUTY_IDS, QUESTIONS } from './clauses.ts';
import type { AttemptRecord } from './results-schema.ts';

/**
 * A learner's progress: pass or not, each scenario's standing, strengths and gaps (with the
 * thresholds that name them), what to try next, and how a score reads.
 */

/**
 * True when an attempt passed by its own numbers: it says so and its percent reaches its pass mark
 * (a file that says "passed" at 0 % does not pass).
 */
export function isPass(attempt: Pick<AttemptRecord, 'passed' | 'percent' | 'passingScore'>): boolean {
  return attempt.passed && attempt.percent >= attempt.passingScore;
}

/** One scenario's standing for a learner. */
export interface ScenarioProgress {
  scenario: string;
  status: 'not started' | 'in progress' | 'passed' | 'not passed';
  attempts: number;
  best?: AttemptRecord;
  latest?: AttemptRecord;
  /** Total seconds of play over every attempt. */
  seconds: number;
}

/** Each scenario's status, best and latest attempt and time spent. */
export function summarizeProgress(
  scenarioIds: readonly string[],
  attempts: readonly AttemptRecord[],
  inProgress: ReadonlySet<string> = new Set(),
): ScenarioProgress[] {
  return scenarioIds.map((scenario) => {
    const mine = attempts
      .filter((a) => a.scenario === scenario)
      .sort((a, b) => a.finishedAt.localeCompare(b.finishedAt));
    const best = mine.reduce<AttemptRecord | undefined>(
      (top, a) => (!top || a.percent > top.percent ? a : top),
      undefined,
    );
    const latest = mine.at(-1);
    const status = mine.some(isPass)
      ? 'passed'
      : inProgress.has(scenario)
        ? 'in progress'
        : mine.length
          ? 'not passed'
          : 'not started';
    return { scenario, status, attempts: mine.length, best, latest, seconds: mine.reduce((t, a) => t + a.seconds, 0) };
  });
}

/** Below this share of points a question or responsibility counts as a gap (progress chart, class heat map). */
export const GAP_BELOW = 70;
/** At or above this share it counts as a strength in the class heat map. */
export const STRONG_FROM = 85;

/** How a share of points reads: a gap, fair, strong, or not yet scored. */
export function standing(percent: number | null): 'none' | 'gap' | 'fair' | 'strong' {
  if (percent === null) return 'none';
  return percent < GAP_BELOW ? 'gap' : percent >= STRONG_FROM ? 'strong' : 'fair';
}

/** A learner's standing on one dimension (question or responsibility), over their latest attempt at each scenario. */
export interface Strength {
  dimension: string;
  earned: number;
  possible: number;
  percent: number | null;
}

/** The dimensions a learner's strengths and the class heat map show: the seven questions and the five responsibilities. */
export const STRENGTH_DIMENSIONS: readonly string[] = [...QUESTIONS.map((q) => q.clause), ...DUTY_IDS];

/** Strengths and gaps on the seven questions and the five responsibilities. */
export function strengthsOf(attempts: readonly AttemptRecord[]): Strength[] {
  const latest = new Map<string, AttemptRecord>();
  for (const a of [...attempts].sort((x, y) => x.finishedAt.localeCompare(y.finishedAt))) latest.set(a.scenario, a);
  return STRENGTH_DIMENSIONS.map((dimension) => {
    let earned = 0;
    let possible = 0;
    for (const a of latest.values())
      for (const d of a.byDimension)
        if (d.dimension === dimension) {
          earned += d.earned;
          possible += d.possible;
        }
    return { dimension, earned, possible, percent: possible ? Math.round((earned / possible) * 100) : null };
  });
}

/** Facts about a scenario that "try next" needs. */
export interface ScenarioFacts {
  id: string;
  title: string;
  /** Questions that are "no" in one of its decisions (q.* clause ids). */
  decisive: string[];
}

/** Suggest the scenario that trains the learner's weakest question and that they have not passed yet. */
export function suggestNext(
  strengths: readonly Strength[],
  scenarios: readonly ScenarioFacts[],
  progress: readonly ScenarioProgress[],
): { scenario: ScenarioFacts; because: string } | undefined {
  const passed = new Set(progress.filter((p) => p.status === 'passed').map((p) => p.scenario));
  const open = scenarios.filter((s) => !passed.has(s.id));
  const weakest = strengths
    .filter((s) => s.dimension.startsWith('q.') && s.percent !== null)
    .sort((a, b) => (a.percent ?? 0) - (b.percent ?? 0));
  for (const weak of weakest) {
    const match = open.find((s) => s.decisive.includes(weak.dimension));
    if (match) return { scenario: match, because: weak.dimension };
  }
  // Nothing played yet, or no scenario left for the weak question: the first one not passed.
  const first = open[0];
  return first ? { scenario: first, because: '' } : undefined;
}

/** The completion rule for the certificate: every scenario in `required` passed at its passing score. */
export interface CompletionRule {
  required: string[];
}

/** Whether the rule is met, with what is still missing. */
export function completionStatus(rule: CompletionRule, progress: readonly ScenarioProgress[]) {
  const passed = new Set(progress.filter((p) => p.status === 'passed').map((p) => p.scenario));
  const missing = rule.required.filter((id) => !passed.has(id));
  return { complete: missing.length === 0, missing };
}

/** What each scoring version did with the call, in a few words. */
export const SCORING_VERSION_NOTES: Readonly<Record<ScoringVersion, string>> = {
  1: 'all or nothing for the call',
  2: 'partial credit for the call',
};

/**
 * A score as a learner or instructor reads it: "72%", or, when it was given under another scoring
 * version than today's, "72% (scoring v1: all or nothing for the call)". A missing version is 1.
 */
export function scoreText(percent: number, version: number | undefined): string {
  const v = version ?? 1;
  if (v === SCORING_VERSION) return `${percent}%`;
  return `${percent}% (scoring v${v}${isScoringVersion(v) ? `: ${SCORING_VERSION_NOTES[v]}` : ''})`;
}
