import { createActor, type Actor } from 'xstate';
import { createScenarioMachine, currentStep, type ScenarioMachine } from '../../engine/machine.ts';
import type { Scenario } from '../../engine/model.ts';
import { describeDebrief, describePlayerView, type PlayerView } from '../../engine/player-view.ts';
import { isOtherTabChange, loadAttempt } from '../../lib/attempt-store.ts';
import { AttemptSession, NOTICES } from './attempt-session.ts';
import { focusTarget, readDecisionForm, showNotice, showView } from './enhance.ts';

/** What the scenario page serialises for the player: the validated graph and its content hash. */
export interface PlayerProps {
  scenario: Scenario;
  hash: string;
}

/**
 * Start the scenario player over the statically rendered scenario in `root` (every step, choices as
 * links, the decision forms, the score card). It runs the machine, shows one step at a time, saves
 * progress and moves focus; what to show comes from the engine (describePlayerView, describeDebrief).
 * Returns a teardown that removes every listener and stops the actor.
 */
export function startPlayer(root: HTMLElement, { scenario, hash }: PlayerProps): () => void {
  const machine: ScenarioMachine = createScenarioMachine(scenario);
  const live = root.querySelector<HTMLElement>('[data-player-live]');
  let actor: Actor<ScenarioMachine> = createActor(machine);
  let session = new AttemptSession(scenario, hash);
  let endingSeen = false;
  let allSteps = false;
  let notice = '';
  let lastShown = '';
  let view: PlayerView;

  const announce = (text: string) => {
    if (live) live.textContent = text;
  };
  const setNotice = (text: string) => {
    notice = text;
    showNotice(root, notice);
  };

  /** Show what the machine's state says, and move focus when the step or phase changed. */
  function render() {
    const snapshot = actor.getSnapshot();
    view = describePlayerView(scenario, snapshot.context, currentStep(snapshot), endingSeen);
    const debrief = describeDebrief(scenario, snapshot.context);
    showView(root, view, { visited: debrief.visited, path: debrief.path.map((s) => s.title).join(' → '), allSteps });
    const key = `${view.phase}:${view.step.id}:${snapshot.context.answers.length}`;
    if (lastShown && key !== lastShown) {
      const target = focusTarget(root, view);
      if (target) {
        if (!target.hasAttribute('tabindex')) target.tabIndex = -1;
        target.focus();
        target.scrollIntoView({ block: 'start' });
      }
    }
    lastShown = key;
  }

  function start(restored?: unknown) {
    actor.stop();
    actor = createActor(machine, restored ? { snapshot: restored as never } : {});
    let started = false;
    actor.subscribe((next) => {
      if (!started) return; // The starting snapshot is not a change: saving it would race another tab.
      const problem =
        session.save(actor.getPersistedSnapshot()) || (next.status === 'done' ? session.finish(next.context) : '');
      if (problem) setNotice(problem);
      render();
    });
    actor.start();
    started = true;
    const snapshot = actor.getSnapshot();
    endingSeen = snapshot.status === 'done' && !snapshot.context.reviewing;
    render();
  }

  function proceed() {
    if (actor.getSnapshot().status === 'done') {
      endingSeen = true;
      render();
    } else actor.send({ type: 'CONTINUE' });
    announce('');
  }

  function startOver() {
    session.restart();
    setNotice('');
    allSteps = false;
    start();
  }

  function onclick(event: MouseEvent) {
    const target = event.target as Element;
    if (target.closest('[data-continue]')) return proceed();
    if (target.closest('[data-restart]')) return startOver();
    if (target.closest('[data-show-steps]')) {
      allSteps = !allSteps;
      return render();
    }
    if (target.closest('[data-print]')) {
      allSteps = true;
      render();
      return print();
    }
    const link = target.closest('[data-choice] a');
    if (!link) return;
    event.preventDefault();
    if (view.phase !== 'answer') return;
    actor.send({ type: 'CHOOSE', index: Number(link.closest<HTMLElement>('[data-choice]')!.dataset.choice) });
    announce(`You chose: ${link.textContent?.trim()}. What happens next is shown under your choice.`);
  }

  function onsubmit(event: SubmitEvent) {
    const form = event.target as HTMLFormElement;
    event.preventDefault();
    const reading = readDecisionForm(form);
    const error = form.querySelector('[data-form-error]')!;
    if ('missing' in reading) {
      error.textContent = `Answer every question before you submit. Still open: ${reading.missing.join(', ')}.`;
      form.querySelector<HTMLInputElement>('fieldset:not(:has(:checked)) input')?.focus();
      return;
    }
    error.textContent = '';
    actor.send({ type: 'DECIDE', ...reading });
    if (view.phase === 'review' && view.decision)
      announce(
        `${view.decision.earned} of ${view.decision.possible} points. ${view.decision.callCorrect ? 'Right call.' : 'Not the right call.'} The key and the reasons are shown.`,
      );
  }

  function onstorage(event: StorageEvent) {
    if (isOtherTabChange(event, scenario.id)) {
      session.stale = true;
      setNotice(NOTICES.otherTab);
    }
  }

  const saved = loadAttempt(scenario.id, hash);
  setNotice(AttemptSession.noticeFor(saved));
  try {
    if (saved.status === 'found') session = new AttemptSession(scenario, hash, saved.attempt);
    start(saved.status === 'found' ? saved.attempt.snapshot : undefined);
  } catch {
    session = new AttemptSession(scenario, hash);
    start();
    setNotice(NOTICES.restoreFailed);
  }
  root.classList.add('enhanced');
  root.addEventListener('click', onclick);
  root.addEventListener('submit', onsubmit);
  addEventListener('storage', onstorage);
  return () => {
    root.removeEventListener('click', onclick);
    root.removeEventListener('submit', onsubmit);
    removeEventListener('storage', onstorage);
    actor.stop();
  };
}
