import { QUESTIONS, clauseLabel } from './clauses.ts';
import { isDrillSuitable } from './drill.ts';
import type { DecisionStep, Scenario } from './model.ts';
import type { PathAnalysis } from './paths.ts';
import { expectedCall } from './score.ts';
import { AUDIENCE_NAMES, CALL_LABELS } from './vocabulary.ts';

/**
 * What the course's pages list about its scenarios, computed once here so that the pages only render:
 * the catalogue's cards, the instructors' list, the drills, a scenario's audiences, best path and answer key.
 */

/** A scenario with what the build measured of it (reading grade; every clause it trains). */
export interface CatalogueSource {
  scenario: Scenario;
  readingGrade: number;
  clauses: readonly string[];
}

/** One card of the catalogue. */
export interface CatalogueCard {
  id: string;
  title: string;
  summary: string;
  minutes: number;
  readingGrade: number;
  /** Decisions in the scenario. */
  decisions: number;
  /** Needed for the certificate (the completion rule lists it). */
  required: boolean;
  /** Offered as a company drill. */
  drill: boolean;
  /** The audiences by name, the card's tags. */
  tags: string[];
  /** What the catalogue's filter script reads, each a space-separated list of ids. */
  filterBy: { audiences: string; customers: string; clauses: string };
}

/** The catalogue's cards, in the given order; `required` is the completion rule's list of scenario ids. */
export function catalogueCards(scenarios: readonly CatalogueSource[], required: readonly string[]): CatalogueCard[] {
  return scenarios.map(({ scenario, readingGrade, clauses }) => {
    const fm = scenario.frontmatter;
    return {
      id: scenario.id,
      title: fm.title,
      summary: fm.summary,
      minutes: fm.minutes,
      readingGrade,
      decisions: decisionsOf(scenario).length,
      required: required.includes(scenario.id),
      drill: isDrillSuitable(scenario),
      tags: fm.audiences.map((a) => AUDIENCE_NAMES[a]),
      filterBy: { audiences: fm.audiences.join(' '), customers: fm.customers.join(' '), clauses: clauses.join(' ') },
    };
  });
}

/** The instructors' page: every scenario, and whether it can be run as a drill (with a facilitator guide). */
export function instructorList(scenarios: readonly Scenario[]): { id: string; title: string; drill: boolean }[] {
  return scenarios.map((s) => ({ id: s.id, title: s.frontmatter.title, drill: isDrillSuitable(s) }));
}

/** The scenarios that can be run as a company drill, in the given order. */
export function drillScenarios<T extends { scenario: Scenario }>(scenarios: readonly T[]): T[] {
  return scenarios.filter(({ scenario }) => isDrillSuitable(scenario));
}

/** A drill takes about twice the scenario's stated minutes: the crew discusses every step. */
export function drillMinutes(scenario: Scenario): number {
  return scenario.frontmatter.minutes * 2;
}

/** Who a scenario is for, by name: "Recruit academy, Continuing education". */
export function audienceNames(scenario: Scenario): string {
  return scenario.frontmatter.audiences.map((a) => AUDIENCE_NAMES[a]).join(', ');
}

/** A step's title, or its id where the scenario has no such step. */
export function stepTitle(scenario: Scenario, id: string): string {
  return scenario.steps.find((s) => s.id === id)?.title ?? id;
}

/** The best path a page shows (the first of the best paths), as step ids. */
export function bestPath(analysis: Pick<PathAnalysis, 'bestPaths'>): string[] {
  return analysis.bestPaths[0] ?? [];
}

/** The titles of the steps on the best path a page shows. */
export function bestPathTitles(scenario: Scenario, analysis: Pick<PathAnalysis, 'bestPaths'>): string[] {
  return bestPath(analysis).map((id) => stepTitle(scenario, id));
}

/** The decisions of a scenario, in the order they are written. */
export function decisionsOf(scenario: Scenario): DecisionStep[] {
  return scenario.steps.flatMap((s) => (s.kind === 'decision' ? [s] : []));
}

/** One decision of the answer key: each question's key by the procedure's numbering, and the right call. */
export interface AnswerKeyTable {
  title: string;
  action: string;
  rows: { question: string; key: string }[];
  call: string;
}

/** The answer key of a scenario, one table per decision. */
export function answerKey(scenario: Scenario): AnswerKeyTable[] {
  return decisionsOf(scenario).map((d) => ({
    title: d.title,
    action: d.action,
    rows: QUESTIONS.map((q) => ({ question: clauseLabel(q.clause), key: d.key[q.key] })),
    call: CALL_LABELS[expectedCall(d.key)],
  }));
}

/** The "Paths" figures of a scenario's map page, as sentences' parts. */
export function pathFigures(scenario: Scenario, analysis: PathAnalysis) {
  return {
    steps: scenario.steps.length,
    reachablePercent: analysis.reachablePercent,
    /** "12", or "5000+" where the count stopped at the cap. */
    paths: `${analysis.pathCount}${analysis.capped ? '+' : ''}`,
    scoreRange: analysis.scoreRange,
    /** The endings reached by playing well, by title, or "none". */
    goodFaithEndings: analysis.goodFaithEndings.map((id) => stepTitle(scenario, id)).join(', ') || 'none',
    best: bestPathTitles(scenario, analysis),
  };
}
