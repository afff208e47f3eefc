import { COMPONENTS } from './model.ts';
import { GRADES, OUTCOMES, oneOf } from './vocabulary.ts';

/**
 * Every rule the authoring checks apply, for the authoring guide. A test keeps this list, the
 * fixture folder (one file per rule) and the codes the checks emit in step.
 */
export interface Rule {
  code: string;
  severity: 'error' | 'warning';
  /** When the rule fires, in the author's terms. */
  when: string;
  /** What to do about it. */
  fix: string;
}

export const RULES: readonly Rule[] = [
  {
    code: 'syntax',
    severity: 'error',
    when: 'The file is not valid MDX (usually an unclosed component).',
    fix: 'Close every component (</Scene>, </Choice>…) and start each component on its own line.',
  },
  {
    code: 'unreadable',
    severity: 'error',
    when: 'The file cannot be read.',
    fix: 'Check the path and the file permissions.',
  },
  {
    code: 'missing-frontmatter',
    severity: 'error',
    when: 'The file does not start with a --- front-matter block.',
    fix: 'Add the front matter: title, summary, audiences, customers, sop, minutes, start.',
  },
  {
    code: 'bad-yaml',
    severity: 'error',
    when: 'The front matter is not valid YAML.',
    fix: 'Write each field as name: value, and lists as [a, b].',
  },
  {
    code: 'missing-field',
    severity: 'error',
    when: 'A required front-matter field is missing.',
    fix: 'Add the field named in the message.',
  },
  {
    code: 'unknown-field',
    severity: 'error',
    when: 'The front matter has a field the course does not know (often a typo).',
    fix: 'Remove it or correct its spelling.',
  },
  {
    code: 'bad-field',
    severity: 'error',
    when: 'A front-matter field has the wrong type or an unknown value (an audience, customer or clause id that does not exist).',
    fix: 'Use the values the message lists.',
  },
  {
    code: 'unknown-start',
    severity: 'error',
    when: '`start` names a step that does not exist.',
    fix: 'Set start to the id of the first step.',
  },
  {
    code: 'no-steps',
    severity: 'error',
    when: 'The file has no Scene, Decision or Ending.',
    fix: 'Add the steps after the front matter.',
  },
  {
    code: 'unknown-component',
    severity: 'error',
    when: 'A component other than the seven scenario components is used.',
    fix: `Use ${COMPONENTS.slice(0, -1).join(', ')} or ${COMPONENTS.at(-1)}; import nothing.`,
  },
  {
    code: 'misplaced',
    severity: 'error',
    when: 'A component is outside its parent: a Choice outside a Scene, a Why outside a Decision, a Feedback outside a Choice, a step inside another step.',
    fix: 'Move it into the parent the message names.',
  },
  {
    code: 'bad-attribute',
    severity: 'error',
    when: 'A component has a {...spread} attribute.',
    fix: 'Write each attribute as name="value".',
  },
  {
    code: 'expression-attribute',
    severity: 'error',
    when: 'An attribute is written as an expression, like grade={"best"}.',
    fix: 'Write it as text in quotes: grade="best".',
  },
  { code: 'missing-id', severity: 'error', when: 'A step has no id.', fix: 'Add id="a-short-name".' },
  {
    code: 'bad-id',
    severity: 'error',
    when: 'A step id has characters other than lower-case letters, digits and hyphens.',
    fix: 'Use lower-case words joined by hyphens.',
  },
  { code: 'missing-title', severity: 'error', when: 'A step has no title.', fix: 'Add title="…".' },
  { code: 'duplicate-id', severity: 'error', when: 'Two steps share an id.', fix: 'Give each step its own id.' },
  {
    code: 'unknown-target',
    severity: 'error',
    when: 'A choice or a decision branch leads to an id no step has.',
    fix: 'Point it at an existing step, or add the step.',
  },
  {
    code: 'unreachable',
    severity: 'error',
    when: 'No path from the start reaches the step.',
    fix: 'Link to it from a choice or branch, or delete it.',
  },
  {
    code: 'dead-end',
    severity: 'error',
    when: 'A scene has no choices, so the trainee is stuck.',
    fix: 'Add a Choice, or make the step an Ending.',
  },
  {
    code: 'no-ending',
    severity: 'error',
    when: 'From this step no path reaches an ending: the story loops forever.',
    fix: 'Give a step in the loop a way out toward an ending.',
  },
  { code: 'missing-target', severity: 'error', when: 'A Choice has no to=.', fix: 'Add to="step-id".' },
  {
    code: 'missing-label',
    severity: 'error',
    when: 'A Choice has no text.',
    fix: 'Write what the trainee would do inside the Choice.',
  },
  {
    code: 'bad-grade',
    severity: 'error',
    when: `A Choice has no grade, or one other than ${oneOf(GRADES)}.`,
    fix: `Grade it ${oneOf(GRADES)}.`,
  },
  {
    code: 'unknown-clause',
    severity: 'error',
    when: 'A Choice trains a clause id that is not in the procedure.',
    fix: 'Use an id from the procedure page, e.g. duty.respect.',
  },
  {
    code: 'untrainable-clause',
    severity: 'error',
    when: 'A Choice trains a clause that choices are not scored on (only duty.*, image.* and officer.* are).',
    fix: 'Score the seven questions at a Decision; list the responsibility the choice shows.',
  },
  {
    code: 'missing-action',
    severity: 'error',
    when: 'A Decision has no action.',
    fix: 'Add action="what the member is considering".',
  },
  {
    code: 'empty-inform',
    severity: 'error',
    when: 'A Decision has inform="" (inform names who acting keeps informed).',
    fix: 'Name them, e.g. inform="command" or inform="your captain", or remove inform.',
  },
  {
    code: 'missing-key',
    severity: 'error',
    when: 'A Decision lacks one of the seven keys.',
    fix: 'Add customer, department, legal, safe, level, accountable and policy, each "yes" or "no".',
  },
  {
    code: 'bad-key',
    severity: 'error',
    when: 'A key is something other than "yes" or "no".',
    fix: 'Write "yes" or "no".',
  },
  {
    code: 'missing-why',
    severity: 'error',
    when: 'A Decision has no Why for one of the seven questions.',
    fix: 'Add <Why q="…"> explaining that key.',
  },
  {
    code: 'bad-why',
    severity: 'error',
    when: 'A Why names no question, or one that does not exist.',
    fix: 'Set q to one of the seven keys.',
  },
  {
    code: 'duplicate-why',
    severity: 'error',
    when: 'A Decision explains the same question twice.',
    fix: 'Keep one Why per question.',
  },
  {
    code: 'missing-branch',
    severity: 'error',
    when: 'A Decision does not say where act, ask or decline leads.',
    fix: 'Add act=, ask= and decline= with step ids.',
  },
  {
    code: 'bad-outcome',
    severity: 'error',
    when: `An Ending has no outcome, or one other than ${oneOf(OUTCOMES)}.`,
    fix: `Set outcome to ${oneOf(OUTCOMES)}.`,
  },
  {
    code: 'no-feedback',
    severity: 'warning',
    when: 'A Choice has no Feedback, so the trainee never learns why.',
    fix: 'Add a Feedback: what happens and why, with the clause.',
  },
  {
    code: 'sop-not-trained',
    severity: 'warning',
    when: '`sop` lists a clause that no step trains.',
    fix: 'Train it in a choice or decision, or remove it from sop.',
  },
  {
    code: 'test-never-discriminates',
    severity: 'warning',
    when: 'Every decision is seven "yes": the trainee never has to find a "no".',
    fix: 'Add a decision where some answer is "no".',
  },
  {
    code: 'inform-without-act',
    severity: 'warning',
    when: 'A Decision says who acting keeps informed (inform=), but its key does not call for act.',
    fix: 'Remove inform, or check the key: inform only matters where every answer is yes.',
  },
  {
    code: 'all-no',
    severity: 'warning',
    when: 'A decision is seven "no": there is nothing to weigh.',
    fix: 'Choose an action that is at least tempting.',
  },
  {
    code: 'no-good-faith-ending',
    severity: 'warning',
    when: 'No ending can be reached with best or ok choices and the right calls.',
    fix: 'Make the good path lead to an ending.',
  },
  {
    code: 'exemplary-not-earned',
    severity: 'warning',
    when: 'An exemplary ending cannot be reached by playing well.',
    fix: 'Lead a best choice or a right call to it, or change its outcome.',
  },
  {
    code: 'too-many-paths',
    severity: 'warning',
    when: 'More paths than the counting limit; the graph branches without merging.',
    fix: 'Merge branches back together sooner.',
  },
  {
    code: 'ending-title-default',
    severity: 'warning',
    when: 'An Ending has no title (the first published contract allowed that). It is shown with a title made from its id.',
    fix: 'Add title="…": a few words that name what happened.',
  },
  {
    code: 'best-is-longest',
    severity: 'warning',
    when: 'In a scene with two or more choices, the best choice is the longest label and the longest is more than 1.3 times the shortest: length gives the answer away.',
    fix: 'Write the choices at comparable length, or let another choice be the longest.',
  },
  {
    code: 'spelling',
    severity: 'warning',
    when: 'A word is not in the US English dictionary or the project word list (project-words.txt).',
    fix: 'Correct it; a name or a term goes in project-words.txt, or in the file as {/* cspell:words Name */}.',
  },
  {
    code: 'british-spelling',
    severity: 'warning',
    when: 'A word has its British spelling. The course is written in US English for Phoenix-area crews.',
    fix: 'Write the US spelling the message gives (neighbor, program, curb, meters, tire, center, gray, apologize…).',
  },
  {
    code: 'repeated-name',
    severity: 'warning',
    when: 'A person’s full name (first and last) appears in another scenario too, so two stories seem to share one person.',
    fix: 'Give this person a name no other scenario uses (grep the scenarios folder first).',
  },
  {
    code: 'stock-phrase',
    severity: 'warning',
    when: 'The text uses a stock phrase the course overused ("every answer was yes", "the only no", "a thank-you card"…).',
    fix: 'Say the reason in the scene’s own terms.',
  },
  {
    code: 'repeated-sentence',
    severity: 'warning',
    when: 'A sentence of six words or more appears word for word in another scenario (sentences quoted from the procedure are fine).',
    fix: 'Write the sentence for this scenario in its own words.',
  },
  {
    code: 'minutes-off',
    severity: 'warning',
    when: '`minutes` is far from what the number of steps suggests (about a minute a step).',
    fix: 'Set minutes to about the number of steps a trainee passes through.',
  },
];
