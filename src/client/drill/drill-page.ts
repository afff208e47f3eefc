import { createActor, type Actor } from 'xstate';
import { QUESTIONS, type QuestionKey } from '../../engine/clauses.ts';
import {
  createDrillMachine,
  describeDrillStage,
  drillEventForKey,
  type DrillEvent,
  type DrillMachine,
  type DrillSnapshot,
  type DrillStageView,
} from '../../engine/drill-machine.ts';
import { stepTitle } from '../../engine/course-lists.ts';
import { drillRosterRows, parseMembers, setupProblems, type DrillRecord } from '../../engine/drill.ts';
import { CALLS, type ScenarioPageData } from '../../engine/model.ts';
import { reviewDecision } from '../../engine/score.ts';
import { toCsv } from '../../engine/csv.ts';
import { drillsToCsv } from '../../engine/drill-csv.ts';
import { newId } from '../../lib/attempt-store.ts';
import { download } from '../../lib/download.ts';
import {
  drillKeys,
  listLiveDrills,
  removeLiveDrill,
  saveDrill,
  saveLiveDrill,
  type FoundLiveDrill,
  type LiveDrill,
} from '../../lib/drill-store.ts';
import { restoreText } from '../../lib/storage-admin.ts';
import { readText } from '../../lib/storage.ts';
import { markChoice, showDecisionReview } from '../player/enhance.ts';
import { fillDrillRecord } from './record-view.ts';

/** What the drill page serialises for its client code. */
/** The drill page's props: the scenario and its hash, as the scenario page has them. */
export type DrillPageProps = ScenarioPageData;

/**
 * The drill view on the station TV. The drill machine (engine/drill-machine.ts) decides everything:
 * which stage is showing, what a key does, when an answer locks, what the record says. This module
 * renders its snapshot into the statically rendered scenario, turns keys and clicks into events, keeps
 * the drill in progress in the browser after every move, and saves the record the moment it exists.
 */
export function startDrillPage(root: HTMLElement, props: DrillPageProps): () => void {
  const { scenario, hash } = props;
  const $ = <T extends HTMLElement = HTMLElement>(selector: string, within: ParentNode = root) =>
    within.querySelector<T>(selector)!;
  const hint = $('[data-drill-hint]');
  const say = (text: string) => (hint.textContent = text);

  const machine: DrillMachine = createDrillMachine(scenario);
  /** The clock ticks while the drill is in its running state, from the time it started. */
  let timer: ReturnType<typeof setInterval> | undefined;
  let clockFrom = '';
  const runClock = (startedAt: string) => {
    if (startedAt === clockFrom) return;
    clearInterval(timer);
    clockFrom = startedAt;
    if (!startedAt) return;
    const tick = () => {
      const seconds = Math.max(0, Math.floor((Date.now() - Date.parse(startedAt)) / 1000));
      $('[data-clock]').textContent =
        `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
    };
    tick();
    timer = setInterval(tick, 1000);
  };
  let actor: Actor<DrillMachine> | undefined;
  let shown = '';
  let savedRecordNotes: string | undefined;
  // Where this drill is kept while it runs, and the revision last written (a second tab cannot overwrite it).
  let live: { key?: string; rev: number } = { rev: 0 };

  const send = (event: DrillEvent) => {
    if (!actor) return;
    const before = actor.getSnapshot();
    actor.send({ ...event, ...(event.type === 'NEXT' ? { at: new Date().toISOString() } : {}) } as DrillEvent);
    if (actor.getSnapshot() === before) explainRefusal(describeDrillStage(scenario, before), event);
  };

  /** A key or click that did nothing gets one plain sentence saying what the stage is waiting for. */
  function explainRefusal(stage: DrillStageView, event: DrillEvent) {
    if (event.type !== 'NEXT') return;
    if (stage.kind === 'choose') say('Pick the crew’s choice first: press its number, or the B button, then Next.');
    else if (stage.kind === 'call') say('Pick the crew’s call first: 1 act, 2 ask, 3 decline, then Next.');
    else if (stage.kind === 'question' && !stage.revealed)
      say('Record the crew’s answer first: Y or N, or type the show of hands (a tie is not an answer).');
  }

  function start(snapshot?: unknown, found?: FoundLiveDrill) {
    actor?.stop();
    live = found ? { key: found.key, rev: found.rev } : { rev: 0 };
    actor = createActor(machine, { input: { hash }, ...(snapshot ? { snapshot: snapshot as never } : {}) });
    actor.subscribe(onSnapshot);
    actor.start();
    onSnapshot(actor.getSnapshot());
  }

  function onSnapshot(snapshot: DrillSnapshot) {
    runClock(snapshot.matches('running') ? snapshot.context.startedAt : '');
    persist(snapshot);
    render(snapshot);
  }

  /** Keep the drill in progress after every move; once finished, save the record and only then drop the live copy. */
  function persist(snapshot: DrillSnapshot) {
    const { context } = snapshot;
    if (!context.id || !context.setup) return;
    if (snapshot.matches('finished') && context.record) {
      if (savedRecordNotes === context.record.notes) return;
      const saved = saveDrill(context.record);
      savedRecordNotes = context.record.notes;
      if (saved.status === 'saved' && live.key) removeLiveDrill(live.key);
      $('[data-save-status]').textContent =
        saved.status === 'saved'
          ? 'The record is saved in this browser and listed under Past drills.'
          : 'This browser is not keeping data, so the record is not saved: print it or download the CSV now.';
      return;
    }
    const entry: LiveDrill = {
      id: context.id,
      hash,
      setup: context.setup,
      startedAt: context.startedAt,
      snapshot: actor!.getPersistedSnapshot(),
    };
    const outcome = saveLiveDrill(scenario.id, entry, live.rev, live.key);
    if (outcome.status === 'stale') {
      say('This drill moved on in another tab, so this tab stopped saving it. Reload to continue from there.');
      return;
    }
    live = { key: live.key ?? drillKeys.liveDrill(scenario.id, context.id), rev: outcome.rev };
    if (outcome.status === 'memory') say('This browser is not keeping data: the drill will not survive a reload.');
  }

  function render(snapshot: DrillSnapshot) {
    const stage = describeDrillStage(scenario, snapshot);
    const running = stage.kind !== 'setup' && stage.kind !== 'finished';
    $('[data-drill-setup]').hidden = stage.kind !== 'setup';
    $('[data-drill-run]').hidden = !running;
    $('[data-drill-end]').hidden = stage.kind !== 'finished';
    document.documentElement.toggleAttribute('data-drill-running', running);
    if (stage.kind === 'finished') return renderRecord(snapshot.context.record!);
    if (!running) return;

    for (const section of root.querySelectorAll<HTMLElement>('[data-step]')) {
      const here = section.dataset.step === stage.step.id;
      section.hidden = !here;
      if (here) renderStep(section, stage, snapshot);
    }
    const stepNumber = new Set(snapshot.context.played.path).size;
    $('[data-drill-progress]').textContent = `Step ${stepNumber} · ${stage.label}`;
    $('[data-drill-legend]').replaceChildren(
      ...stage.legend.flatMap((line) => [
        Object.assign(document.createElement('dt'), { textContent: line.keys }),
        Object.assign(document.createElement('dd'), { textContent: line.does }),
      ]),
    );
    const key = `${stage.kind}:${stage.step.id}:${stage.question ?? ''}:${stage.revealed}`;
    if (key !== shown) {
      shown = key;
      say('');
      focusStage(stage);
    }
  }

  function renderStep(section: HTMLElement, stage: DrillStageView, snapshot: DrillSnapshot) {
    section.dataset.stage = stage.kind;
    section.dataset.question = stage.question ?? '';
    section.toggleAttribute('data-revealed', stage.revealed);
    const answered = snapshot.context.played.answers.at(-1);
    for (const choice of section.querySelectorAll<HTMLElement>('[data-choice]')) {
      const index = Number(choice.dataset.choice);
      const chosen =
        stage.kind === 'review' && answered?.kind === 'choice' && answered.step === stage.step.id
          ? answered.choice === index
          : false;
      markChoice(choice, chosen);
      choice.toggleAttribute('data-cursor', stage.kind === 'choose' && stage.cursor === index);
    }
    const form = section.querySelector<HTMLFormElement>('[data-decision-form]');
    if (form) {
      for (const q of QUESTIONS) {
        const tally = snapshot.context.tallies.find((t) => t.step === stage.step.id && t.question === q.key);
        const fieldset = $<HTMLFieldSetElement>(`fieldset[data-q="${q.key}"]`, form);
        const locked = !!tally?.locked;
        fieldset.toggleAttribute('data-locked', locked);
        for (const radio of fieldset.querySelectorAll<HTMLInputElement>(`input[name="${q.key}"]`)) {
          const answer = stage.question === q.key ? stage.answer : undefined;
          radio.checked = radio.value === (answer ?? (tally ? groupOf(tally) : undefined));
          radio.disabled = locked;
        }
        for (const [side, input] of [
          ['yes', $<HTMLInputElement>(`input[name="yes-${q.key}"]`, fieldset)],
          ['no', $<HTMLInputElement>(`input[name="no-${q.key}"]`, fieldset)],
        ] as const) {
          const value = tally && (tally.yes || tally.no) ? String(tally[side]) : '';
          if (document.activeElement !== input) input.value = value;
          input.disabled = locked;
        }
      }
      const call = $<HTMLFieldSetElement>('fieldset[data-q="call"]', form);
      call.querySelectorAll<HTMLInputElement>('input[name="call"]').forEach((radio, index) => {
        radio.checked = stage.kind === 'call' && stage.cursor === index;
        radio.closest('label')?.toggleAttribute('data-cursor', stage.kind === 'call' && stage.cursor === index);
      });
    }
    showDecisionReview(
      section,
      stage.kind === 'review' && answered?.kind === 'decision' && stage.step.kind === 'decision'
        ? reviewDecision(stage.step, answered)
        : undefined,
    );
  }

  const groupOf = (tally: { yes: number; no: number; consensus?: 'yes' | 'no' }) =>
    tally.consensus ?? (tally.yes > tally.no ? 'yes' : tally.no > tally.yes ? 'no' : undefined);

  function focusStage(stage: DrillStageView) {
    const section = $(`[data-step="${stage.step.id}"]`);
    const target =
      stage.kind === 'question'
        ? section.querySelector<HTMLElement>(`fieldset[data-q="${stage.question}"] legend`)
        : stage.kind === 'call'
          ? section.querySelector<HTMLElement>('fieldset[data-q="call"] legend')
          : section.querySelector<HTMLElement>('h2');
    if (!target) return;
    target.tabIndex = -1;
    target.focus({ preventScroll: true });
    $('[data-drill-content]').scrollTop = 0;
  }

  function renderRecord(record: DrillRecord) {
    const end = $('[data-drill-end]');
    fillDrillRecord(end, record, (id) => stepTitle(scenario, id));
    const notes = $<HTMLTextAreaElement>('[data-notes]', end);
    if (document.activeElement !== notes) notes.value = record.notes;
    $('[data-field="notes"]', end).textContent = record.notes || '—';
    if (shown !== 'finished') {
      shown = 'finished';
      $('h1', end).focus();
    }
  }

  // The setup form starts a new drill with its own id, so two drills of one scenario never share a slot.
  const setupForm = $<HTMLFormElement>('[data-drill-setup-form]');
  $<HTMLInputElement>('input[name="date"]', setupForm).value = new Date().toLocaleDateString('en-CA');
  const onSetup = (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(setupForm);
    const setup = {
      unit: String(data.get('unit') ?? '').trim(),
      shift: String(data.get('shift') ?? '').trim(),
      date: String(data.get('date') ?? ''),
      officer: String(data.get('officer') ?? '').trim(),
      members: parseMembers(String(data.get('members') ?? '')),
    };
    const problems = setupProblems(setup);
    $('[data-setup-error]', setupForm).textContent = problems.length
      ? `Before starting, add ${problems.join(', ')}.`
      : '';
    if (problems.length) return;
    send({ type: 'START', setup, id: newId(), at: new Date().toISOString() });
  };
  setupForm.addEventListener('submit', onSetup);

  /** True when a saved drill belongs to this content version and its snapshot restores. */
  function usable(entry: LiveDrill): boolean {
    if (entry.hash !== hash) return false;
    try {
      const probe = createActor(machine, { input: { hash }, snapshot: entry.snapshot as never }).start();
      const ok = probe.getSnapshot().status === 'active';
      probe.stop();
      return ok;
    } catch {
      return false;
    }
  }

  // Drills still open for this scenario, each resumable by its own button.
  function listLive() {
    const { drills, setAside } = listLiveDrills(scenario.id, usable);
    $('[data-resume-status]').textContent = setAside
      ? `${setAside === 1 ? 'A drill in progress' : `${setAside} drills in progress`} could not be resumed here (a damaged copy, or an earlier version of this scenario), so ${setAside === 1 ? 'it was' : 'they were'} set aside, not deleted: download ${setAside === 1 ? 'it' : 'them'} from My progress.`
      : '';
    const items = drills.map((found) => {
      const { key, live: entry } = found;
      const when = new Date(entry.startedAt).toLocaleString([], {
        weekday: 'short',
        hour: '2-digit',
        minute: '2-digit',
      });
      const item = document.createElement('li');
      const resume = Object.assign(document.createElement('button'), {
        type: 'button',
        className: 'primary',
        textContent: `Resume the drill of ${entry.setup.unit}, started ${when}`,
      });
      const discard = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Discard it' });
      resume.addEventListener('click', () => start(entry.snapshot, found));
      discard.addEventListener('click', () => {
        const text = readText(key);
        if (removeLiveDrill(key).status !== 'saved') return;
        const undo = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Undo' });
        undo.addEventListener('click', () => {
          if (text !== null) restoreText(key, text);
          listLive();
        });
        item.replaceChildren(
          Object.assign(document.createElement('span'), {
            textContent: `Discarded the drill of ${entry.setup.unit}. `,
          }),
          undo,
        );
      });
      item.append(resume, ' ', discard);
      return item;
    });
    $('[data-resume-list]').replaceChildren(...items);
    $('[data-resume]').hidden = items.length === 0;
  }

  // Presenter keys, clicks and typed tallies all become machine events.
  const onKey = (event: KeyboardEvent) => {
    if (!actor || event.altKey || event.ctrlKey || event.metaKey) return;
    const stage = describeDrillStage(scenario, actor.getSnapshot());
    const target = event.target as HTMLElement;
    const inText = target.matches('input[type="text"], input[type="date"], textarea');
    const inNumber = target.matches('input[type="number"]');
    if (inText) return;
    // In a number box, digits and arrows edit the number; letters and page keys still drive the drill.
    if (inNumber && (/^[0-9]$/.test(event.key) || event.key.startsWith('Arrow') || event.key === ' ')) return;
    if (event.key === ' ' && target.matches('button, a, input, summary')) return;
    const drillEvent = drillEventForKey(event.key, stage.kind);
    if (!drillEvent) return;
    event.preventDefault();
    send(drillEvent);
  };
  addEventListener('keydown', onKey);

  const onClick = (event: MouseEvent) => {
    const target = event.target as Element;
    if (target.closest('[data-drill-next]')) return send({ type: 'NEXT' });
    if (target.closest('[data-drill-back]')) return send({ type: 'BACK' });
    const link = target.closest('[data-choice] a');
    if (link) {
      event.preventDefault();
      send({ type: 'PICK', index: Number(link.closest<HTMLElement>('[data-choice]')!.dataset.choice) });
    }
  };
  root.addEventListener('click', onClick);

  const onInput = (event: Event) => {
    const input = event.target as HTMLInputElement;
    const stepId = input.closest<HTMLElement>('[data-step]')?.dataset.step;
    if (!stepId || !actor) return;
    if (input.name === 'call' && input.checked)
      return send({ type: 'PICK', index: CALLS.indexOf(input.value as (typeof CALLS)[number]) });
    if (input.type === 'radio' && QUESTIONS.some((q) => q.key === input.name) && input.checked)
      return send({ type: 'ANSWER', answer: input.value as 'yes' | 'no' });
    const tally = /^(yes|no)-(\w+)$/.exec(input.name);
    if (tally) {
      const q = tally[2] as QuestionKey;
      const fieldset = input.closest('fieldset')!;
      send({
        type: 'TALLY',
        yes: Number($<HTMLInputElement>(`input[name="yes-${q}"]`, fieldset).value) || 0,
        no: Number($<HTMLInputElement>(`input[name="no-${q}"]`, fieldset).value) || 0,
      });
    }
  };
  root.addEventListener('input', onInput);
  root.addEventListener('change', onInput);
  const onSubmit = (event: SubmitEvent) => {
    if ((event.target as HTMLElement).matches('[data-decision-form]')) {
      event.preventDefault();
      send({ type: 'NEXT' });
    }
  };
  root.addEventListener('submit', onSubmit);

  // The record: notes are part of it (so every print path and the saved copy carry them), print, CSV.
  const notes = $<HTMLTextAreaElement>('[data-notes]');
  const onNotes = () => send({ type: 'NOTES', notes: notes.value });
  notes.addEventListener('input', onNotes);
  const record = () => actor?.getSnapshot().context.record;
  $('[data-print-record]').addEventListener('click', () => print());
  $('[data-csv-roster]').addEventListener('click', () => {
    const r = record();
    if (r) download(`drill-roster-${r.setup.date}-${scenario.id}.csv`, toCsv(drillRosterRows(r)), 'text/csv');
  });
  $('[data-csv-record]').addEventListener('click', () => {
    const r = record();
    if (r) download(`drill-${r.setup.date}-${scenario.id}.csv`, drillsToCsv([r]), 'text/csv');
  });

  listLive();
  start();
  root.hidden = false;
  root.dataset.ready = '';
  return () => {
    removeEventListener('keydown', onKey);
    root.removeEventListener('click', onClick);
    root.removeEventListener('input', onInput);
    root.removeEventListener('change', onInput);
    root.removeEventListener('submit', onSubmit);
    setupForm.removeEventListener('submit', onSetup);
    notes.removeEventListener('input', onNotes);
    actor?.stop();
    clearInterval(timer);
  };
}
