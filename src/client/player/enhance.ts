import { QUESTIONS, type QuestionKey } from '../../engine/clauses.ts';
import type { Call, YesNo } from '../../engine/model.ts';
import type { DecisionDraft } from '../../engine/machine.ts';
import type { DebriefStep, PlayerView } from '../../engine/player-view.ts';
import type { Answer, DecisionReview, Score } from '../../engine/score.ts';

/**
 * DOM glue for the player island: it shows and hides parts of the statically rendered scenario and
 * reads its forms. No rules live here; what to show comes from the engine (PlayerView, debrief).
 */

const pick = <T extends HTMLElement = HTMLElement>(root: ParentNode, selector: string) =>
  root.querySelector<T>(selector)!;

/** Show one step's answer: the chosen choice with its feedback, or the decision's key and review. */
function reveal(section: HTMLElement, answer: Answer | undefined, review: DecisionReview | undefined) {
  section.toggleAttribute('data-reviewed', !!answer);
  for (const choice of section.querySelectorAll<HTMLElement>('[data-choice]')) {
    markChoice(choice, answer?.kind === 'choice' && Number(choice.dataset.choice) === answer.choice);
    const link = choice.querySelector('a');
    if (answer) {
      link?.setAttribute('aria-disabled', 'true');
      link?.setAttribute('tabindex', '-1');
    } else {
      link?.removeAttribute('aria-disabled');
      link?.removeAttribute('tabindex');
    }
  }
  const form = section.querySelector<HTMLFormElement>('[data-decision-form]');
  if (form) {
    form.hidden = !!answer;
    if (answer) form.reset();
  }
  showDecisionReview(section, review);
}

/** Mark a choice as the one chosen, or not, and show its feedback only when it is (the player and the drill). */
export function markChoice(choice: HTMLElement, chosen: boolean): void {
  choice.classList.toggle('chosen', chosen);
  const feedback = choice.querySelector<HTMLDetailsElement>('[data-feedback]');
  if (feedback) {
    feedback.hidden = !chosen;
    feedback.open = chosen;
  }
}

/** Show (or hide, with no review) a decision's answers against the key and why the call earned its points. */
export function showDecisionReview(section: HTMLElement, review: DecisionReview | undefined): void {
  const table = section.querySelector<HTMLElement>('[data-review]');
  if (table) {
    table.hidden = !review;
    if (review) fillReview(table, review);
  }
  // The call's row and explanation are written at build time, one per call; the stylesheet shows the call made.
  section.dataset.call = review?.call ?? '';
}

/**
 * Show the view: only the step in play (or, in a debrief with every step shown, each visited step with
 * its answer), the Continue button during feedback, and the score card and debrief at the end.
 */
export function showView(
  root: HTMLElement,
  view: PlayerView,
  debrief: { visited: DebriefStep[]; path: string; allSteps: boolean },
): void {
  const ending = view.phase === 'ending';
  const steps = new Map<string, DebriefStep>();
  if (ending && debrief.allSteps) for (const v of debrief.visited) steps.set(v.step.id, v);
  else if (view.phase === 'review')
    steps.set(view.step.id, { step: view.step, answer: view.answer, decision: view.decision });
  else steps.set(view.step.id, { step: view.step, answer: undefined, decision: undefined });
  for (const section of root.querySelectorAll<HTMLElement>('[data-step]')) {
    const shown = steps.get(section.dataset.step ?? '');
    section.hidden = !shown && section.dataset.step !== view.step.id;
    if (shown) reveal(section, shown.answer, shown.decision);
  }
  // A decision's answers so far, as the machine keeps them.
  if (view.phase === 'answer')
    for (const input of root.querySelectorAll<HTMLInputElement>(`[data-step="${view.step.id}"] input[type="radio"]`))
      input.checked = view.draft[input.name as keyof DecisionDraft] === input.value;
  pick(root, '[data-continue-panel]').hidden = view.phase !== 'review';
  const card = pick(root, '[data-score]');
  card.hidden = !ending;
  if (view.phase === 'ending') fillScore(card, view.score);
  const panel = pick(root, '[data-debrief]');
  panel.hidden = !ending;
  if (ending) {
    pick(panel, '[data-your-path]').textContent = debrief.path;
    const ids = debrief.visited.map((v) => v.step.id);
    // The map's steps, and the score card's links to the reviews (data-at), mark the steps visited.
    for (const node of root.querySelectorAll<HTMLElement | SVGElement>('.scenario-map [data-step], [data-at]'))
      node.classList.toggle('on-path', ids.includes(node.dataset.step ?? node.dataset.at ?? ''));
    for (const edge of root.querySelectorAll<SVGElement>('.scenario-map .edge'))
      edge.classList.toggle(
        'on-path',
        ids.some((id, i) => id === edge.dataset.from && ids[i + 1] === edge.dataset.to),
      );
    // The button's two labels are in the page; the stylesheet shows the one for its state.
    pick(panel, '[data-show-steps]').setAttribute('aria-expanded', String(debrief.allSteps));
  }
}

function fillScore(card: HTMLElement, score: Score) {
  pick(card, '[data-percent]').textContent = String(score.percent);
  pick(card, '[data-points]').textContent = `${score.earned} of ${score.possible}`;
  pick(card, '[data-passed]').hidden = !score.passed;
  pick(card, '[data-failed]').hidden = score.passed;
  for (const row of card.querySelectorAll<HTMLElement>('[data-dimension]')) {
    const d = score.byDimension.find((item) => item.dimension === row.dataset.dimension);
    row.hidden = !d;
    if (d) {
      pick(row, '[data-points]').textContent = `${d.earned} of ${d.possible}`;
      pick(row, '[data-percent]').textContent = `${d.percent}%`;
    }
  }
}

/**
 * A sentence the page holds (`<template data-text="key">`, see PlayerNotice.astro) with its `{name}`
 * places filled from `values`; '' when the page has no such sentence.
 */
export function pageText(root: ParentNode, key: string, values: object = {}): string {
  const text = root.querySelector<HTMLTemplateElement>(`template[data-text="${key}"]`)?.content.textContent ?? '';
  return text.trim().replace(/\{(\w+)\}/g, (_, name: string) => String((values as Record<string, unknown>)[name]));
}

/** Show a one-sentence notice above the scenario, or hide it when empty. */
export function showNotice(root: HTMLElement, text: string): void {
  const notice = pick(root, '[data-notice]');
  notice.textContent = text;
  notice.hidden = !text;
}

/**
 * Fill a decision's review table: what was said against the key, question by question, and the points.
 * What was said and each question's result in words (for a match and for a miss), the call's row (one per call, with
 * its credit) and explanation are written at build time; the row's class and the stylesheet show the
 * ones that apply (see showDecisionReview).
 */
export function fillReview(table: HTMLElement, review: DecisionReview): void {
  pick(table, '[data-points]').textContent = `${review.earned} of ${review.possible} points`;
  for (const q of review.questions) {
    const tr = pick(table, `[data-question="${q.key}"]`);
    // What was said is the key's answer on a match and the other one on a miss: the page holds both.
    tr.className = q.correct ? 'right' : 'wrong';
  }
}

/** What the decision form holds: complete answers and a call, or the letters still open. */
export type FormReading = { answers: Record<QuestionKey, YesNo>; call: Call } | { missing: string[] };

/** Read a decision form. */
export function readDecisionForm(form: HTMLFormElement): FormReading {
  const data = new FormData(form);
  const missing = [
    ...QUESTIONS.filter((q) => !data.get(q.key)).map((q) => q.letter),
    ...(data.get('call') ? [] : ['your call']),
  ];
  if (missing.length) return { missing };
  return {
    answers: Object.fromEntries(QUESTIONS.map((q) => [q.key, data.get(q.key)])) as Record<QuestionKey, YesNo>,
    call: data.get('call') as Call,
  };
}

/** Where focus goes when the view changes: the new step's heading, the chosen feedback, or the key. */
export function focusTarget(root: HTMLElement, view: PlayerView): HTMLElement | null {
  const section = root.querySelector<HTMLElement>(`[data-step="${view.step.id}"]`);
  if (view.phase === 'review')
    return (
      section?.querySelector<HTMLElement>(view.answer.kind === 'choice' ? '.chosen .feedback-body' : '[data-key] h3') ??
      null
    );
  return section?.querySelector('h2') ?? null;
}
