import {
  completionStatus,
  GAP_BELOW,
  scoreText,
  standing,
  strengthsOf,
  suggestNext,
  summarizeProgress,
  type CompletionRule,
  type ScenarioFacts,
  type ScenarioProgress,
} from './progress.ts';
import { DIMENSIONS, dimensionLabel } from './clauses.ts';
import type { Scenario } from './model.ts';
import type { AttemptRecord } from './results-schema.ts';
import { decisiveQuestions } from './score.ts';

/** "1 result", "2 results": a count with its noun. */
export function counted(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Time played as a learner reads it: "—" for none, "under a minute", or whole minutes ("12 min"). */
export function durationText(seconds: number): string {
  if (seconds <= 0) return '—';
  return seconds < 60 ? 'under a minute' : `${Math.round(seconds / 60)} min`;
}

/** What the progress page knows of the learner (read from this browser by the page's state). */
export interface LearnerResults {
  attempts: readonly AttemptRecord[];
  /** Scenarios with an attempt under way. */
  inProgress: ReadonlySet<string>;
  /** Records that could not be read and were kept aside. */
  setAside: readonly { at: string; reason: string }[];
  /** How many of those were found just now. */
  newlySetAside: number;
}

/** What the course offers the progress page (built at build time). */
export interface ProgressCatalogue {
  scenarios: readonly ScenarioFacts[];
  rule: CompletionRule;
  /** What each question and responsibility is called (`dimensionLabel`, computed at build time so pages do not ship the labels twice). */
  labels: Readonly<Record<string, string>>;
}

/** What the progress page is built with: each scenario's title and decisive questions, the rule, the dimensions' names. */
export function progressCatalogueOf(scenarios: readonly Scenario[], rule: CompletionRule) {
  return {
    scenarios: scenarios.map((scenario) => ({
      id: scenario.id,
      title: scenario.frontmatter.title,
      decisive: decisiveQuestions(scenario),
    })),
    rule,
    labels: Object.fromEntries(DIMENSIONS.map((d) => [d, dimensionLabel(d)])),
  } satisfies ProgressCatalogue;
}

/** One scenario's row on the progress page. */
export interface ScenarioRow {
  id: string;
  title: string;
  status: ScenarioProgress['status'];
  best: string;
  latest: string;
  attempts: number;
  time: string;
}

/** One question or responsibility as a labelled bar. */
export interface StrengthBar {
  dimension: string;
  label: string;
  /** Bar length, 0 to 100. */
  width: number;
  gap: boolean;
  /** "72%", "64% (gap)" or "not yet scored". */
  value: string;
  /** "5 of 7 points", or "" before anything was scored. */
  points: string;
}

/** Everything the progress page shows, computed from the learner's results and the course. */
export interface ProgressView {
  summary: string;
  tryNext?: { id: string; title: string; why: string };
  rows: ScenarioRow[];
  strengths: StrengthBar[];
  /** Below this percent a question or responsibility is marked as a gap. */
  gapBelow: number;
  certificate: { earned: boolean; required: { id: string; title: string; passed: boolean }[] };
  /** The one-sentence notice for records set aside on this visit, or ''. */
  setAsideNotice: string;
  setAside: string[];
}

/** Why the suggested scenario is next, in plain words. */
function whyNext(label: string, percent: number | null, nothingPlayed: boolean): string {
  if (label) return `it turns on “${label}”, your weakest question so far (${percent ?? 0}%).`;
  return nothingPlayed ? 'a good place to start.' : 'you have not passed it yet.';
}

/**
 * The progress page, as figures and sentences: the summary, what to try next, one row per
 * scenario, strengths and gaps as labelled bars, and where the certificate stands.
 *
 * @example
 * const view = progressView({ attempts, inProgress: new Set(), setAside: [], newlySetAside: 0 }, catalogue);
 * view.summary; // "You have passed 1 of 33 scenarios, in 2 attempts and 14 min of play."
 */
export function progressView(learner: LearnerResults, catalogue: ProgressCatalogue): ProgressView {
  const ids = catalogue.scenarios.map((s) => s.id);
  const progress = summarizeProgress(ids, learner.attempts, learner.inProgress);
  const strengths = strengthsOf(learner.attempts);
  const titleOf = (id: string) => catalogue.scenarios.find((s) => s.id === id)?.title ?? id;
  const passed = progress.filter((p) => p.status === 'passed').length;
  const seconds = progress.reduce((t, p) => t + p.seconds, 0);
  const finished = learner.attempts.length;
  const underWay = progress.filter((p) => p.status === 'in progress').length;

  const summary =
    finished === 0
      ? `You have not finished a scenario yet${underWay ? `; ${counted(underWay, 'scenario is', 'scenarios are')} under way` : ''}.`
      : `You have passed ${passed} of ${counted(ids.length, 'scenario', 'scenarios')}, in ${counted(finished, 'attempt', 'attempts')}${seconds > 0 ? ` and ${durationText(seconds)} of play` : ''}.`;

  // Only a question below full marks is "weak": at 100 % everywhere the suggestion is simply the next scenario not passed.
  const weak = strengths.filter((s) => s.percent === null || s.percent < 100);
  const next = suggestNext(weak, catalogue.scenarios, progress);
  const tryNext = next && {
    id: next.scenario.id,
    title: next.scenario.title,
    why: whyNext(
      next.because ? (catalogue.labels[next.because] ?? next.because) : '',
      strengths.find((s) => s.dimension === next.because)?.percent ?? null,
      finished === 0,
    ),
  };

  const completion = completionStatus(catalogue.rule, progress);
  const n = learner.newlySetAside;
  return {
    summary,
    ...(tryNext ? { tryNext } : {}),
    rows: progress.map((p) => ({
      id: p.scenario,
      title: titleOf(p.scenario),
      status: p.status,
      // A score keeps the scoring version it was given under; the text names it when it is not today's.
      best: p.best ? scoreText(p.best.percent, p.best.scoringVersion) : '—',
      latest: p.latest ? scoreText(p.latest.percent, p.latest.scoringVersion) : '—',
      attempts: p.attempts,
      time: durationText(p.seconds),
    })),
    strengths: strengths.map((s) => {
      const gap = standing(s.percent) === 'gap';
      return {
        dimension: s.dimension,
        label: catalogue.labels[s.dimension] ?? s.dimension,
        width: s.percent ?? 0,
        gap,
        value: s.percent === null ? 'not yet scored' : `${s.percent}%${gap ? ' (gap)' : ''}`,
        points: s.possible ? `${s.earned} of ${counted(s.possible, 'point', 'points')}` : '',
      };
    }),
    gapBelow: GAP_BELOW,
    certificate: {
      earned: completion.complete,
      required: catalogue.rule.required.map((id) => ({
        id,
        title: titleOf(id),
        passed: !completion.missing.includes(id),
      })),
    },
    setAsideNotice: n
      ? `${counted(n, 'saved result', 'saved results')} could not be read and ${n === 1 ? 'was' : 'were'} set aside; the download is under “Keep your results”.`
      : '',
    setAside: learner.setAside.map((item) => `${item.at.slice(0, 16).replace('T', ' ')}: ${item.reason}`),
  };
}
