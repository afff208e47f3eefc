import { createActor, type Actor } from 'xstate';
import { createScenarioMachine, type DecisionDraft, type ScenarioMachine } from '../../engine/machine.ts';
import type { ScenarioPageData } from '../../engine/model.ts';
import { describeDebrief, describePlayerView, type PlayerView } from '../../engine/player-view.ts';
import { isOtherTabChange, loadAttempt } from '../../lib/attempt-store.ts';
import { downloadResults } from './download-results.ts';
import { AttemptSession, type SaveReport } from './attempt-session.ts';
import { focusTarget, pageText, readDecisionForm, showNotice, showView } from './enhance.ts';
import type { LmsSession } from '../../lib/lms/connect.ts';

/** What the scenario page serialises for the player: the validated graph and its content hash. */
export type PlayerProps = ScenarioPageData;

/**
 * Start the scenario player over the statically rendered scenario in `root` (every step, choices as
 * links, the decision forms, the score card). It runs the machine, shows one step at a time, saves
 * progress and moves focus; what to show comes from the engine (describePlayerView, describeDebrief).
 * Inside an LMS, `lms` (src/lib/lms/connect.ts) gives the starting place and hears every move.
 * Returns a teardown that removes every listener and stops the actor.
 */
export function startPlayer(root: HTMLElement, { scenario, hash }: PlayerProps, lms?: LmsSession): () => void {
  const machine: ScenarioMachine = createScenarioMachine(scenario);
  const live = root.querySelector<HTMLElement>('[data-player-live]');
  const undoButton = root.querySelector<HTMLElement>('[data-undo]');
  const downloadButton = root.querySelector<HTMLElement>('[data-download-results]');
  let actor: Actor<ScenarioMachine> = createActor(machine);
  let session = new AttemptSession(scenario, hash);
  let allSteps = false;
  let lastShown = '';
  let view: PlayerView;
  /** The attempt that "Start over" replaced, until the first move of the new one (Undo brings it back). */
  let replaced: { session: AttemptSession; snapshot: unknown } | undefined;
  /** The notice showing (a key of NOTICES, or the LMS's text). */
  let notice = '';

  const announce = (text: string) => {
    if (live) live.textContent = text;
  };
  // A notice key (see NOTICES in attempt-session.ts) reads its text from the page; other text (the LMS's) shows as is.
  const setNotice = (text: string) => showNotice(root, ((notice = text) && pageText(root, text)) || text);
  const report = ({ notice, offerDownload }: SaveReport) => {
    if (notice) setNotice(notice);
    if (offerDownload && downloadButton) downloadButton.hidden = false;
  };
  const setUndo = (offer: typeof replaced) => {
    replaced = offer;
    if (undoButton) undoButton.hidden = !offer;
  };

  /** True when a snapshot restores to a step of this scenario that the player can show. */
  function restorable(snapshot: unknown): boolean {
    try {
      const probe = createActor(machine, { snapshot: snapshot as never }).start();
      const state = probe.getSnapshot();
      probe.stop();
      describePlayerView(scenario, state);
      return state.status !== 'error';
    } catch {
      return false;
    }
  }

  /** Show what the machine's state says, and move focus when the step or phase changed. */
  function render() {
    const snapshot = actor.getSnapshot();
    view = describePlayerView(scenario, snapshot);
    const debrief = describeDebrief(scenario, snapshot.context);
    showView(root, view, { visited: debrief.visited, path: debrief.path.map((s) => s.title).join(' → '), allSteps });
    // Mid-decision the offer of a new course version waits (src/client/offline/offline-register.ts).
    document.documentElement.toggleAttribute('data-busy', view.phase === 'answer' && view.step.kind === 'decision');
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
    // The ending is on screen: the play is finished (and its result kept) once it has been seen.
    if (view.phase === 'ending' && snapshot.status === 'active') actor.send({ type: 'SEE' });
  }

  function start(restored?: unknown) {
    actor.stop();
    actor = createActor(machine, restored ? { snapshot: restored as never } : {});
    let started = false;
    let before = actor.getSnapshot().context;
    actor.subscribe((next) => {
      if (!started) return; // The starting snapshot is not a change: saving it would race another tab.
      if (replaced) setUndo(undefined); // The new attempt has its first move: it replaces the old one.
      if (notice === 'resumed') setNotice(''); // "Welcome back" lasts until the learner acts.
      report(session.save(actor.getPersistedSnapshot()));
      if (next.status === 'done') report(session.finish(next.context));
      // A half-filled decision is kept in this browser; the LMS hears of answers and moves only.
      const draftOnly = next.context.draft !== before.draft && next.context.answers === before.answers;
      before = next.context;
      const lmsProblem = !draftOnly && lms?.record(actor.getPersistedSnapshot());
      if (lmsProblem) setNotice(lmsProblem);
      render();
    });
    actor.start();
    started = true;
    const snapshot = actor.getSnapshot();
    // A finished attempt whose result was never kept (the page closed first) is kept now, once.
    if (snapshot.status === 'done') report(session.finish(snapshot.context));
    render();
  }

  function proceed() {
    actor.send({ type: 'CONTINUE' });
    announce('');
  }

  /** Start a new attempt; the old one stays stored until the new one's first move, and Undo brings it back. */
  function startOver() {
    const old = { session, snapshot: actor.getPersistedSnapshot() };
    session = session.restart();
    allSteps = false;
    lastShown = '';
    start();
    setNotice('startedOver');
    setUndo(old);
    undoButton?.focus();
  }

  function undo() {
    if (!replaced) return;
    const old = replaced;
    setUndo(undefined);
    session = old.session;
    start(old.snapshot);
    setNotice('undone');
  }

  function onclick(event: MouseEvent) {
    const target = event.target as Element;
    const action = target.closest('[data-continue], [data-restart], [data-choice] a');
    // The second click of a double-click lands on whatever the first click brought under the pointer.
    if (action && event.detail > 1) return event.preventDefault();
    if (target.closest('[data-continue]')) return proceed();
    if (target.closest('[data-restart]')) return startOver();
    if (target.closest('[data-undo]')) return undo();
    if (target.closest('[data-download-results]')) return downloadResults();
    if (target.closest('[data-show-steps]')) {
      allSteps = !allSteps;
      return render();
    }
    // A score row's link to a review: every step shows first, then the link's own jump focuses the row.
    if (target.closest('[data-at]')) {
      allSteps = true;
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
    announce(pageText(root, 'chose', { choice: link.textContent!.trim() }));
  }

  function onsubmit(event: SubmitEvent) {
    const form = event.target as HTMLFormElement;
    event.preventDefault();
    const reading = readDecisionForm(form);
    const error = form.querySelector('[data-form-error]')!;
    if ('missing' in reading) {
      error.textContent = pageText(root, 'stillOpen', { open: reading.missing.join(', ') });
      form.querySelector<HTMLInputElement>('fieldset:not(:has(:checked)) input')?.focus();
      return;
    }
    error.textContent = '';
    actor.send({ type: 'DECIDE', ...reading });
    if (view.phase === 'review' && view.decision) announce(pageText(root, 'scored', view.decision));
  }

  /** A decision's answers so far are part of the machine's state, so a reload keeps them. */
  function onchange(event: Event) {
    const form = (event.target as Element).closest('form');
    if (!form || view.phase !== 'answer') return;
    const checked = form.querySelectorAll<HTMLInputElement>('input[type="radio"]:checked');
    actor.send({
      type: 'DRAFT',
      draft: Object.fromEntries([...checked].map((i) => [i.name, i.value])) as DecisionDraft,
    });
  }

  function onstorage(event: StorageEvent) {
    if (isOtherTabChange(event, scenario.id)) {
      session.stale = true;
      setNotice('otherTab');
    }
  }

  const saved = loadAttempt(scenario.id, hash, restorable);
  session = new AttemptSession(scenario, hash, saved);
  setNotice(AttemptSession.noticeFor(saved));
  const local = saved.status === 'found' ? saved.attempt.snapshot : undefined;
  // Inside an LMS the LMS's saved place wins; this browser's copy is the fallback.
  start(lms ? lms.resume(local) : local);
  if (lms?.notice) setNotice(lms.notice);
  root.classList.add('enhanced');
  root.addEventListener('click', onclick);
  root.addEventListener('submit', onsubmit);
  root.addEventListener('change', onchange);
  addEventListener('storage', onstorage);
  return () => {
    root.removeEventListener('click', onclick);
    root.removeEventListener('submit', onsubmit);
    root.removeEventListener('change', onchange);
    removeEventListener('storage', onstorage);
    document.documentElement.removeAttribute('data-busy');
    actor.stop();
  };
}
