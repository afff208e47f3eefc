import { completionStatus, summarizeProgress, type CompletionRule } from './progress.ts';
import type { AttemptRecord, Trainee } from './results-schema.ts';
import type { Scenario } from './model.ts';
import { checkAttempt, FLAG_LABELS, scoringKeyOf, type ScoringKey } from './verify.ts';

/** The certificate of completion: the rule, whether it is met, and what the certificate lists. */

/** What the course offers the certificate (built at build time). */
export interface CertificateCatalogue {
  /** Each scenario with its stated (nominal) minutes, the figure continuing-education time is counted in. */
  scenarios: readonly { id: string; title: string; minutes: number }[];
  rule: CompletionRule;
  /** The scoring keys of the required scenarios: every attempt is re-scored before it counts. */
  keys: readonly ScoringKey[];
}

/**
 * What the certificate page is built with: every scenario's title and stated minutes, the rule, and the
 * scoring keys of the scenarios the rule requires (no prose: keys, branches, grades), so each listed
 * attempt is re-scored against the current keys.
 */
export function certificateCatalogueOf(course: readonly { scenario: Scenario; hash: string }[], rule: CompletionRule) {
  return {
    scenarios: course.map(({ scenario }) => ({
      id: scenario.id,
      title: scenario.frontmatter.title,
      minutes: scenario.frontmatter.minutes,
    })),
    rule,
    keys: course
      .filter(({ scenario }) => rule.required.includes(scenario.id))
      .map(({ scenario, hash }) => scoringKeyOf(scenario, hash)),
  } satisfies CertificateCatalogue;
}

/** One required scenario on the certificate. */
export interface CertificateRow {
  id: string;
  title: string;
  best: string;
  passedOn: string;
  minutes: number;
  checked: string;
}

/** What the certificate page shows: the certificate, or what is still to pass. */
export type CertificateView =
  | {
      earned: true;
      name: string;
      member: string;
      rows: CertificateRow[];
      /** "120 minutes (2 hours)": the sum of the required scenarios' stated minutes. */
      time: string;
      issued: string;
    }
  | { earned: false; missing: { id: string; title: string }[] };

/** A date as the certificate prints it ("November 20, 2026"), read in UTC so every reader sees the same day. */
function dateText(iso: string | number): string {
  return new Date(iso).toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
}

/** Hours to two decimals, as a phrase: "1 hour", "2.5 hours". */
function hoursText(minutes: number): string {
  const hours = Math.round((minutes / 60) * 100) / 100;
  return `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
}

/**
 * The certificate, computed from the learner's results: each attempt is re-scored against the
 * current keys and counts as passed only where the check agrees; when every required scenario is
 * passed, each is listed with its best score, the day it was played and whether the check matched,
 * and the continuing-education time is the sum of the scenarios' stated minutes (counted once each).
 *
 * @example
 * const view = certificateView({ attempts, trainee }, { scenarios, rule, keys }, Date.now());
 * if (view.earned) view.time; // "120 minutes (2 hours)"
 */
export function certificateView(
  learner: { attempts: readonly AttemptRecord[]; trainee: Trainee },
  catalogue: CertificateCatalogue,
  now: number,
): CertificateView {
  const keys = new Map(catalogue.keys.map((k) => [k.id, k]));
  const checks = new Map(
    learner.attempts.map((a) => [a.id, checkAttempt(a, keys.get(a.scenario), { sessionCode: '', now })]),
  );
  const progress = summarizeProgress(
    catalogue.scenarios.map((s) => s.id),
    learner.attempts.map((a) => ({ ...a, passed: checks.get(a.id)?.passed ?? false })),
  );
  const titleOf = (id: string) => catalogue.scenarios.find((s) => s.id === id)?.title ?? id;
  const completion = completionStatus(catalogue.rule, progress);
  if (!completion.complete)
    return { earned: false, missing: completion.missing.map((id) => ({ id, title: titleOf(id) })) };

  const rows = catalogue.rule.required.map((id) => {
    const best = progress.find((p) => p.scenario === id)?.best;
    const check = best && checks.get(best.id);
    return {
      id,
      title: titleOf(id),
      best: best ? `${best.percent}%` : '—',
      passedOn: best ? dateText(best.finishedAt) : '—',
      minutes: catalogue.scenarios.find((s) => s.id === id)?.minutes ?? 0,
      checked: check?.verified
        ? 'Re-scored: matches'
        : `Not verified: ${check?.flags[0] ? FLAG_LABELS[check.flags[0].code] : 'nothing to check'}`,
    };
  });
  const minutes = rows.reduce((t, r) => t + r.minutes, 0);
  return {
    earned: true,
    name: learner.trainee.name || 'Add your name on My progress',
    member: learner.trainee.memberId ? `Member number ${learner.trainee.memberId}` : '',
    rows,
    time: `${minutes} minutes (${hoursText(minutes)})`,
    issued: dateText(now),
  };
}
