import type { ClauseId, QuestionKey } from './clauses.ts';
import { QUESTION_KEYS } from './clauses.ts';
import type { GRADES, OUTCOMES, YES_NO } from './vocabulary.ts';

/** The three calls a member can make at a decision. */
export const CALLS = ['act', 'ask', 'decline'] as const;

/** Who a scenario is written for. */
export const AUDIENCES = ['recruit', 'ce', 'drill', 'officer'] as const;
/** The components a scenario file may use (and nothing else that starts with a capital letter). */
export const COMPONENTS = ['Scene', 'Choice', 'Feedback', 'Decision', 'Why', 'Ending', 'Discuss'] as const;
export type ScenarioComponent = (typeof COMPONENTS)[number];

/** Grades, outcomes and answers: their lists are in vocabulary.ts. */
export type Grade = (typeof GRADES)[number];
export type Outcome = (typeof OUTCOMES)[number];
export type Call = (typeof CALLS)[number];
export type Audience = (typeof AUDIENCES)[number];
export type YesNo = (typeof YES_NO)[number];

/** The parsed front matter; its schema is in schema.ts. */
export type { Frontmatter } from './schema.ts';
import type { Frontmatter } from './schema.ts';

/** A line and column in the scenario's source file (1-based). */
export interface Loc {
  line: number;
  column: number;
}

/** One option in a scene: a label, where it leads, and how it is graded. */
export interface Choice {
  label: string;
  to: string;
  grade: Grade;
  trains: ClauseId[];
  hasFeedback: boolean;
  at: Loc;
}

interface StepBase {
  id: string;
  title: string;
  at: Loc;
  /** Number of `Discuss` prompts in this step (shown in the drill view). */
  discuss: number;
}

/** Narrative followed by choices. */
export interface SceneStep extends StepBase {
  kind: 'scene';
  choices: Choice[];
}

/** An empowerment check: the proposed action, the key for questions a–g, and where each call leads. */
export interface DecisionStep extends StepBase {
  kind: 'decision';
  action: string;
  key: Record<QuestionKey, YesNo>;
  branches: Record<Call, string>;
  /** Who acting here keeps informed (e.g. "command"): telling them is part of acting, not asking permission. */
  inform?: string;
}

/** A debrief with no way out. */
export interface EndingStep extends StepBase {
  kind: 'ending';
  outcome: Outcome;
}

export type Step = SceneStep | DecisionStep | EndingStep;

/** A validated scenario: front matter plus the step graph. Plain data, safe to serialise. */
export interface Scenario {
  id: string;
  file: string;
  frontmatter: Frontmatter;
  steps: Step[];
}

/** What the scenario and drill pages embed for their scripts: the validated graph and its content hash. */
export interface ScenarioPageData {
  scenario: Scenario;
  hash: string;
}

/** What the authoring layer extracts from an MDX file before validation: attributes as written. */
export interface RawScenario {
  id: string;
  file: string;
  frontmatter: unknown;
  /** Line of each top-level front-matter field, for error messages. */
  frontmatterLines: Record<string, number>;
  /** Line where the front matter starts (1 when present). */
  frontmatterAt: Loc;
  steps: RawStep[];
  /** Problems the extraction itself found (misplaced components, parse errors). */
  problems: Problem[];
}

/** A step as written: attribute values are whatever the author typed. */
export interface RawStep {
  kind: Step['kind'];
  at: Loc;
  attrs: Record<string, string | undefined>;
  choices: RawChoice[];
  whys: { q: string | undefined; at: Loc }[];
  discuss: number;
}

/** A choice as written. */
export interface RawChoice {
  at: Loc;
  attrs: Record<string, string | undefined>;
  label: string;
  hasFeedback: boolean;
}

/** A finding about a scenario. Errors stop the build; warnings are advice. */
export interface Problem {
  severity: 'error' | 'warning';
  /** Stable identifier of the rule, e.g. `unknown-target`. */
  code: string;
  line: number;
  column: number;
  /** What is wrong. */
  message: string;
  /** What to do about it. */
  fix: string;
}

/** True for the seven question keys. */
export function isQuestionKey(value: string | undefined): value is QuestionKey {
  return (QUESTION_KEYS as readonly (string | undefined)[]).includes(value);
}

/** The scenario machine's final state, reached once the trainee has seen the ending: no step may take this id. */
export const FINISHED = 'finished';
