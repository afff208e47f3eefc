import { QUESTIONS, QUESTION_TEXT, TRAINABLE_IDS, isClauseId, type ClauseId, type QuestionKey } from './clauses.ts';
import { DEFAULT_PASSING_SCORE, frontmatterSchema, type Frontmatter } from './schema.ts';
import {
  AUDIENCES,
  CALLS,
  FINISHED,
  isQuestionKey,
  type Choice,
  type Loc,
  type Problem,
  type RawScenario,
  type RawStep,
  type Scenario,
  type Step,
  type YesNo,
} from './model.ts';
import { GRADES, OUTCOMES, oneOf } from './vocabulary.ts';

/** Result of validating an extracted scenario: the typed scenario when there are no errors, and every problem found. */
export interface Validation {
  scenario: Scenario | undefined;
  problems: Problem[];
}

/** Why an attribute that must be one of `allowed` is not ("expected grade="best|ok|poor" but found none"), or undefined. */
function notOneOf(subject: string, attribute: string, allowed: readonly string[], value: string | undefined) {
  if (value !== undefined && allowed.includes(value)) return undefined;
  return `${subject}: expected ${attribute}="${allowed.join('|')}" but found ${value === undefined ? 'none' : `"${value}"`}`;
}

const error = (code: string, at: Loc, message: string, fix: string): Problem => ({
  severity: 'error',
  code,
  line: at.line,
  column: at.column,
  message,
  fix,
});

/** The clause ids a `<Choice>`'s `trains` attribute lists, as written (space- or comma-separated). */
export function splitTrains(trains: string | undefined): string[] {
  return (trains ?? '').split(/[\s,]+/).filter(Boolean);
}

/**
 * Check an extracted scenario against the authoring contract and return every problem at once.
 *
 * @example
 * const { scenario, problems } = validateScenario(extractScenario(source, 'scenarios/keys.mdx'));
 * if (!scenario) for (const p of problems) console.error(formatProblem('scenarios/keys.mdx', p));
 */
export function validateScenario(raw: RawScenario): Validation {
  const problems: Problem[] = [...raw.problems];
  const frontmatter = checkFrontmatter(raw, problems);
  const steps = raw.steps.map((step) => checkStep(step, problems));
  // After a syntax error the body is unread, so graph rules would only repeat it.
  if (!raw.problems.some((p) => p.code === 'syntax')) checkGraph(raw, frontmatter?.start, problems);

  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  const clean = !problems.some((p) => p.severity === 'error');
  const scenario =
    clean && frontmatter ? { id: raw.id, file: raw.file, frontmatter, steps: steps as Step[] } : undefined;
  return { scenario, problems };
}

function checkFrontmatter(raw: RawScenario, problems: Problem[]) {
  if (raw.frontmatter === undefined || raw.frontmatter === null) {
    problems.push(
      error(
        'missing-frontmatter',
        raw.frontmatterAt,
        'the file has no front matter',
        `start the file with a --- block holding ${REQUIRED_FIELDS.slice(0, -1).join(', ')} and ${REQUIRED_FIELDS.at(-1)}`,
      ),
    );
    return undefined;
  }
  const result = frontmatterSchema.safeParse(raw.frontmatter);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [String(issue.path[0] ?? '')];
    for (const field of keys) {
      const line = raw.frontmatterLines[field] ?? raw.frontmatterAt.line;
      const missing =
        issue.code === 'invalid_type' && (raw.frontmatter as Record<string, unknown>)[field] === undefined;
      problems.push(
        error(
          missing ? 'missing-field' : issue.code === 'unrecognized_keys' ? 'unknown-field' : 'bad-field',
          { line, column: 1 },
          missing ? `front matter has no "${field}"` : `front matter "${field}": ${issue.message}`,
          issue.code === 'unrecognized_keys'
            ? `remove "${field}" or correct its spelling; the fields are ${FIELDS.join(', ')}`
            : isField(field)
              ? FIELD_FIXES[field]
              : 'see the front matter table in the authoring guide',
        ),
      );
    }
  }
  return undefined;
}

/** The front matter's fields, and those it must have (no default), from its schema. */
const FIELDS = Object.keys(frontmatterSchema.shape) as (keyof Frontmatter)[];
const isField = (field: string): field is keyof Frontmatter => (FIELDS as readonly string[]).includes(field);
const REQUIRED_FIELDS = FIELDS.filter((field) => !frontmatterSchema.shape[field].safeParse(undefined).success);

const FIELD_FIXES: Record<keyof Frontmatter, string> = {
  title: 'give the scenario a short title',
  summary: 'write one or two sentences for the catalogue',
  audiences: `list any of ${AUDIENCES.join(', ')}, e.g. audiences: [recruit, drill]`,
  customers: 'list customer ids from the procedure, e.g. customers: [customer.recipient]',
  sop: 'list clause ids from /sop/, e.g. sop: [duty.added-value, q.level]',
  minutes: 'give a whole number of minutes, e.g. minutes: 10',
  passingScore: `give a whole percentage from 0 to 100, or leave it out for ${DEFAULT_PASSING_SCORE}`,
  start: 'name the id of the first step, e.g. start: arrival',
  assumes: 'list each local policy as a sentence',
};

function checkStep(step: RawStep, problems: Problem[]): Step | undefined {
  const { attrs, at } = step;
  const tag = { scene: 'Scene', decision: 'Decision', ending: 'Ending' }[step.kind];
  const id = attrs.id;
  if (!id) problems.push(error('missing-id', at, `<${tag}> has no id`, `add id="a-short-name" to the <${tag}>`));
  else if (!/^[a-z0-9][a-z0-9-]*$/.test(id))
    problems.push(
      error(
        'bad-id',
        at,
        `step id "${id}" has characters other than a-z, 0-9 and -`,
        'use lower-case words joined by hyphens, e.g. id="front-door"',
      ),
    );
  else if (id === FINISHED)
    problems.push(
      error('bad-id', at, `step id "${id}" is the player's own name for the end of play`, 'choose another id'),
    );
  let title = attrs.title ?? '';
  if (!title && step.kind === 'ending') {
    // The first published contract let an ending go without a title: it still builds, with one made from its id.
    title = titleFromId(id);
    problems.push({
      severity: 'warning',
      code: 'ending-title-default',
      line: at.line,
      column: at.column,
      message: `<Ending${id ? ` id="${id}"` : ''}> has no title, so it is shown as "${title}"`,
      fix: 'add title="…" to the <Ending>: a few words that name what happened',
    });
  } else if (!title)
    problems.push(
      error('missing-title', at, `<${tag}${id ? ` id="${id}"` : ''}> has no title`, `add title="…" to the <${tag}>`),
    );
  const base = { id: id ?? '', title, at, discuss: step.discuss };

  if (step.kind === 'scene') {
    if (step.choices.length === 0)
      problems.push(
        error(
          'dead-end',
          at,
          `scene "${id}" has no <Choice>, so the trainee is stuck there`,
          'add at least one <Choice to="…">, or make it an <Ending> if the story stops here',
        ),
      );
    const choices = step.choices.map((c) => checkChoice(c, problems));
    return { ...base, kind: 'scene', choices: choices as Choice[] };
  }

  if (step.kind === 'ending') {
    const outcome = attrs.outcome;
    const wrong = notOneOf(`ending "${id}"`, 'outcome', OUTCOMES, outcome);
    if (wrong) problems.push(error('bad-outcome', at, wrong, `set outcome to ${oneOf(OUTCOMES)}`));
    return { ...base, kind: 'ending', outcome: outcome as EndingOutcome };
  }

  const action = attrs.action ?? '';
  if (!action)
    problems.push(
      error(
        'missing-action',
        at,
        `decision "${id}" has no action`,
        'add action="what the member is considering doing"',
      ),
    );
  const key = {} as Record<QuestionKey, YesNo>;
  for (const q of QUESTIONS) {
    const value = attrs[q.key];
    if (value === undefined)
      problems.push(
        error(
          'missing-key',
          at,
          `decision "${id}" has no key for question ${q.letter} (${q.key})`,
          `add ${q.key}="yes" or ${q.key}="no": ${QUESTION_TEXT[q.key]}`,
        ),
      );
    else if (value !== 'yes' && value !== 'no')
      problems.push(
        error(
          'bad-key',
          at,
          `decision "${id}": ${q.key} must be "yes" or "no" but is "${value}"`,
          `write ${q.key}="yes" or ${q.key}="no"`,
        ),
      );
    else key[q.key] = value;
  }
  const seen = new Set<string>();
  for (const why of step.whys) {
    if (!isQuestionKey(why.q))
      problems.push(
        error(
          'bad-why',
          why.at,
          `<Why> in decision "${id}": expected q= one of ${QUESTIONS.map((q) => q.key).join(', ')} but found ${why.q === undefined ? 'none' : `"${why.q}"`}`,
          'set q to the question this Why explains, e.g. <Why q="safe">',
        ),
      );
    else if (seen.has(why.q))
      problems.push(
        error('duplicate-why', why.at, `decision "${id}" explains "${why.q}" twice`, 'keep one <Why> per question'),
      );
    else seen.add(why.q);
  }
  for (const q of QUESTIONS)
    if (!seen.has(q.key))
      problems.push(
        error(
          'missing-why',
          at,
          `decision "${id}" has no <Why q="${q.key}">`,
          `explain the key for question ${q.letter} (${QUESTION_TEXT[q.key]}) in a <Why q="${q.key}"> inside the decision`,
        ),
      );
  const branches = {} as Record<(typeof CALLS)[number], string>;
  for (const call of CALLS) {
    const to = attrs[call];
    if (!to)
      problems.push(
        error(
          'missing-branch',
          at,
          `decision "${id}" does not say where "${call}" leads`,
          `add ${call}="step-id": the step that follows when the trainee decides to ${call}`,
        ),
      );
    else branches[call] = to;
  }
  const inform = attrs.inform?.trim();
  if (attrs.inform !== undefined && !inform)
    problems.push(
      error(
        'empty-inform',
        at,
        `decision "${id}": inform is empty`,
        'name who acting keeps informed, e.g. inform="command" or inform="your captain", or remove inform',
      ),
    );
  return { ...base, kind: 'decision', action, key, branches, ...(inform ? { inform } : {}) };
}

type EndingOutcome = (typeof OUTCOMES)[number];

/** A readable title made from a step id: "back-at-quarters" -> "Back at quarters". */
export function titleFromId(id: string | undefined): string {
  const words = (id ?? '').split('-').filter(Boolean).join(' ');
  return words ? words[0]!.toUpperCase() + words.slice(1) : 'The end';
}

function checkChoice(
  choice: { at: Loc; attrs: Record<string, string | undefined>; label: string; hasFeedback: boolean },
  problems: Problem[],
): Choice {
  const { attrs, at } = choice;
  if (!attrs.to)
    problems.push(
      error(
        'missing-target',
        at,
        `<Choice> "${short(choice.label)}" has no to=`,
        'add to="step-id": the step this choice leads to',
      ),
    );
  if (!choice.label.trim())
    problems.push(
      error(
        'missing-label',
        at,
        '<Choice> has no label',
        'write what the trainee would do as the text inside <Choice>…</Choice>',
      ),
    );
  const grade = attrs.grade;
  const wrong = notOneOf(`<Choice> "${short(choice.label)}"`, 'grade', GRADES, grade);
  if (wrong) problems.push(error('bad-grade', at, wrong, `grade the choice ${oneOf(GRADES)}`));
  const trains: ClauseId[] = [];
  for (const clause of splitTrains(attrs.trains)) {
    if (!isClauseId(clause))
      problems.push(
        error(
          'unknown-clause',
          at,
          `<Choice> "${short(choice.label)}" trains "${clause}", which is not a clause id`,
          'use an id from /sop/, e.g. duty.respect',
        ),
      );
    else if (!TRAINABLE_IDS.includes(clause))
      problems.push(
        error(
          'untrainable-clause',
          at,
          `<Choice> "${short(choice.label)}" trains "${clause}", but choices are scored only on duty.*, image.* and officer.* clauses`,
          'list the responsibility the choice shows, e.g. duty.respect; questions a–g are scored at a <Decision>',
        ),
      );
    else trains.push(clause);
  }
  return {
    label: choice.label.trim(),
    to: attrs.to ?? '',
    grade: grade as Choice['grade'],
    trains,
    hasFeedback: choice.hasFeedback,
    at,
  };
}

function short(text: string): string {
  const t = text.trim().replace(/\s+/g, ' ');
  return t.length > 40 ? `${t.slice(0, 39)}…` : t;
}

/** Targets of a raw step, with where each is written. */
function edgesOf(step: RawStep): { to: string; at: Loc; what: string }[] {
  if (step.kind === 'scene')
    return step.choices
      .filter((c) => c.attrs.to)
      .map((c) => ({ to: c.attrs.to!, at: c.at, what: `<Choice> "${short(c.label)}"` }));
  if (step.kind === 'decision')
    return CALLS.filter((call) => step.attrs[call]).map((call) => ({
      to: step.attrs[call]!,
      at: step.at,
      what: `decision ${call}=`,
    }));
  return [];
}

function checkGraph(raw: RawScenario, start: string | undefined, problems: Problem[]) {
  const byId = new Map<string, RawStep>();
  for (const step of raw.steps) {
    const id = step.attrs.id;
    if (!id) continue;
    const first = byId.get(id);
    if (first)
      problems.push(
        error(
          'duplicate-id',
          step.at,
          `step id "${id}" is used twice (first at line ${first.at.line})`,
          'give each step its own id',
        ),
      );
    else byId.set(id, step);
  }
  for (const step of raw.steps)
    for (const edge of edgesOf(step))
      if (!byId.has(edge.to))
        problems.push(
          error(
            'unknown-target',
            edge.at,
            `${edge.what} leads to "${edge.to}", but no step has that id`,
            `add a step with id="${edge.to}" or point to one of: ${[...byId.keys()].join(', ')}`,
          ),
        );
  if (raw.steps.length === 0) {
    problems.push(
      error(
        'no-steps',
        raw.frontmatterAt,
        'the scenario has no steps',
        'add <Scene>, <Decision> and <Ending> components after the front matter',
      ),
    );
    return;
  }
  if (!start) return;
  const first = byId.get(start);
  if (!first) {
    problems.push(
      error(
        'unknown-start',
        { line: raw.frontmatterLines.start ?? 1, column: 1 },
        `front matter "start": "${start}" is not a step id`,
        `set start to one of: ${[...byId.keys()].join(', ')}`,
      ),
    );
    return;
  }
  // Forward reachability from start.
  const reached = new Set<string>([start]);
  const queue = [first];
  while (queue.length) {
    for (const edge of edgesOf(queue.pop()!)) {
      const next = byId.get(edge.to);
      if (next && !reached.has(edge.to)) {
        reached.add(edge.to);
        queue.push(next);
      }
    }
  }
  for (const [id, step] of byId)
    if (!reached.has(id))
      problems.push(
        error(
          'unreachable',
          step.at,
          `step "${id}" cannot be reached from the start ("${start}")`,
          `link to it from a <Choice> or a decision branch, or delete it`,
        ),
      );
  // Backward: which reached steps can still get to an ending?
  const canEnd = new Set([...byId].filter(([, s]) => s.kind === 'ending').map(([id]) => id));
  let grew = true;
  while (grew) {
    grew = false;
    for (const [id, step] of byId)
      if (!canEnd.has(id) && edgesOf(step).some((e) => canEnd.has(e.to))) {
        canEnd.add(id);
        grew = true;
      }
  }
  for (const id of reached) {
    const step = byId.get(id)!;
    const leadsSomewhere = edgesOf(step).some((e) => byId.has(e.to));
    if (step.kind !== 'ending' && !canEnd.has(id) && leadsSomewhere)
      problems.push(
        error(
          'no-ending',
          step.at,
          `from step "${id}" no path ever reaches an <Ending> (the story loops forever)`,
          'give one of the steps in the loop a choice that leads toward an ending',
        ),
      );
  }
}
