import { COVERED_CLAUSES, QUESTIONS, type ClauseId } from './clauses.ts';
import { decisionsOf } from './course-lists.ts';
import type { Problem, Scenario } from './model.ts';
import type { PathAnalysis } from './paths.ts';
import { decisiveQuestions, expectedCall } from './score.ts';

const warn = (code: string, line: number, message: string, fix: string): Problem => ({
  severity: 'warning',
  code,
  line,
  column: 1,
  message,
  fix,
});

/** Choice labels in one scene may differ in length by this factor (longest over shortest) before the best one being the longest gives it away. */
export const LABEL_LENGTH_SPREAD = 1.3;

/**
 * Whether the right option gives itself away by length: it is strictly the longest of two or more
 * options, and the longest is more than LABEL_LENGTH_SPREAD times the shortest. Used for scene
 * choices (`best` marks the best-graded ones) and for lesson knowledge checks.
 */
export function bestIsLongest(labels: readonly string[], best: readonly boolean[]): boolean {
  if (labels.length < 2) return false;
  const lengths = labels.map((l) => l.trim().length);
  const longest = Math.max(...lengths);
  const shortest = Math.min(...lengths);
  const longestAreBest = lengths.every((n, i) => n < longest || best[i]);
  return longestAreBest && longest > shortest * LABEL_LENGTH_SPREAD;
}

/** Whether the best choice of a scene is its longest label (at any spread), for the course-wide share. */
export function bestIsLongestLabel(labels: readonly string[], best: readonly boolean[]): boolean {
  if (labels.length < 2) return false;
  const lengths = labels.map((l) => l.trim().length);
  const longest = Math.max(...lengths);
  return lengths.every((n, i) => n < longest || best[i]);
}

/**
 * Teaching-quality warnings: things that build and play but teach badly. Shown by the lint CLI and
 * the author page; `--strict` makes them fatal.
 */
export function teachingWarnings(
  scenario: Scenario,
  analysis: PathAnalysis,
  frontmatterLines: Record<string, number> = {},
): Problem[] {
  const problems: Problem[] = [];
  const fm = scenario.frontmatter;
  const scenes = scenario.steps.flatMap((s) => (s.kind === 'scene' ? [s] : []));
  const decisions = decisionsOf(scenario);

  for (const scene of scenes)
    for (const choice of scene.choices)
      if (!choice.hasFeedback)
        problems.push(
          warn(
            'no-feedback',
            choice.at.line,
            `<Choice> "${choice.label.slice(0, 40)}" has no <Feedback>`,
            'add a <Feedback> inside the choice: what happens and why, with the clause it rests on',
          ),
        );

  for (const scene of scenes) {
    const labels = scene.choices.map((c) => c.label);
    if (
      !bestIsLongest(
        labels,
        scene.choices.map((c) => c.grade === 'best'),
      )
    )
      continue;
    const lengths = labels.map((l) => l.trim().length);
    const longest = scene.choices[lengths.indexOf(Math.max(...lengths))]!;
    problems.push(
      warn(
        'best-is-longest',
        longest.at.line,
        `scene "${scene.id}": the best choice is the longest label (${Math.max(...lengths)} characters; the shortest has ${Math.min(...lengths)})`,
        `write the choices at comparable length (the longest at most ${LABEL_LENGTH_SPREAD}× the shortest), or let another choice be the longest`,
      ),
    );
  }

  for (const d of decisions) {
    const call = expectedCall(d.key);
    if (d.inform && call !== 'act')
      problems.push(
        warn(
          'inform-without-act',
          d.at.line,
          `decision "${d.id}" says acting keeps ${d.inform} informed, but its key calls for ${call}, not act`,
          'remove inform, or check the key: inform only matters where every answer is yes',
        ),
      );
  }

  const trained = new Set<string>([...fm.customers, ...scenes.flatMap((s) => s.choices.flatMap((c) => c.trains))]);
  for (const clause of decisiveQuestions(scenario)) trained.add(clause);
  for (const clause of fm.sop) {
    const checkable = COVERED_CLAUSES.includes(clause as ClauseId);
    if (checkable && !trained.has(clause))
      problems.push(
        warn(
          'sop-not-trained',
          frontmatterLines.sop ?? 1,
          `front matter "sop" lists ${clause}, but no step trains it`,
          clause.startsWith('q.')
            ? `make ${clause.slice(2)}="no" the deciding answer in a decision, or remove ${clause} from sop`
            : clause.startsWith('customer.')
              ? `add ${clause} to customers, or remove it from sop`
              : `list ${clause} in the trains of a choice that shows it, or remove it from sop`,
        ),
      );
  }

  if (decisions.length > 0 && decisions.every((d) => QUESTIONS.every((q) => d.key[q.key] === 'yes')))
    problems.push(
      warn(
        'test-never-discriminates',
        decisions[0]!.at.line,
        'every decision has seven "yes" answers, so the trainee never has to find a "no"',
        'add a decision where at least one answer is "no"',
      ),
    );
  for (const d of decisions)
    if (QUESTIONS.every((q) => d.key[q.key] === 'no'))
      problems.push(
        warn(
          'all-no',
          d.at.line,
          `decision "${d.id}" has seven "no" answers: nothing to weigh`,
          'pick an action that is at least tempting: right for someone, on some count',
        ),
      );

  const endings = scenario.steps.flatMap((s) => (s.kind === 'ending' ? [s] : []));
  if (analysis.goodFaithEndings.length === 0 && endings.length > 0)
    problems.push(
      warn(
        'no-good-faith-ending',
        scenario.steps[0]!.at.line,
        'no ending can be reached by playing well (best or ok choices and the right calls)',
        'make sure the right call and the good choices lead to an ending',
      ),
    );
  for (const ending of endings)
    if (ending.outcome === 'exemplary' && !analysis.goodFaithEndings.includes(ending.id))
      problems.push(
        warn(
          'exemplary-not-earned',
          ending.at.line,
          `exemplary ending "${ending.id}" cannot be reached by playing well`,
          'lead a best choice or a right call to it, or change its outcome',
        ),
      );
  if (analysis.capped)
    problems.push(
      warn(
        'too-many-paths',
        scenario.steps[0]!.at.line,
        `more than ${analysis.cap} paths from start to an ending; counting stopped there`,
        'merge branches back together sooner so the scenario stays reviewable',
      ),
    );

  const steps = scenario.steps.filter((s) => s.kind !== 'ending').length + 1;
  const low = Math.max(1, Math.floor(steps / 2));
  const high = steps * 2;
  if (fm.minutes < low || fm.minutes > high)
    problems.push(
      warn(
        'minutes-off',
        frontmatterLines.minutes ?? 1,
        `minutes: ${fm.minutes}, but a trainee passes through about ${steps} steps (expected ${low}–${high} minutes)`,
        `set minutes to about ${steps}`,
      ),
    );
  return problems;
}
