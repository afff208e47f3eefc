import { createActor } from 'xstate';
import { QUESTIONS, type QuestionKey } from '../../engine/clauses.ts';
import {
  buildDrillRecord,
  drillStages,
  groupAnswer,
  parseMembers,
  setupProblems,
  type DrillRecord,
  type DrillSetup,
  type Tally,
} from '../../engine/drill.ts';
import { createScenarioMachine, currentStep } from '../../engine/machine.ts';
import type { Call, Scenario, YesNo } from '../../engine/model.ts';
import { describePlayerView } from '../../engine/player-view.ts';
import { drillsToCsv } from '../../engine/results.ts';
import { scoreAttempt } from '../../engine/score.ts';
import { newId } from '../../lib/attempt-store.ts';
import { fillDrillRecord } from './record-view.ts';
import { showDecisionReview } from '../player/enhance.ts';
import { download } from '../../lib/download.ts';
import { saveDrill } from '../../lib/drill-store.ts';
import { readItem, removeItem, setAside, writeItem } from '../../lib/storage.ts';

/**
 * The drill view on the station TV. Presenter keys walk each step's stages (engine: drillStages);
 * the crew's show of hands becomes the group's answer (engine: groupAnswer); the branch follows the
 * crew's call through the same machine and scoring a learner gets. This file moves the page along.
 */
const root = document.querySelector<HTMLElement>('[data-drill]');
const props = JSON.parse(document.querySelector('script[data-drill-data]')?.textContent ?? 'null') as {
  scenario: Scenario;
  hash: string;
} | null;

const NEXT = new Set(['ArrowRight', 'PageDown', ' ', 'ArrowDown']);
const BACK = new Set(['ArrowLeft', 'PageUp', 'ArrowUp']);

/** A drill in progress as saved in the browser. */
interface LiveDrill {
  format: 'mp201-drill-live';
  version: 1;
  hash: string;
  setup: DrillSetup;
  startedAt: string;
  stage: number;
  revealed: boolean;
  endingSeen: boolean;
  tallies: [string, Tally][];
  asked: DrillRecord['tallies'];
  snapshot: unknown;
}

if (root && props) {
  const { scenario, hash } = props;
  const $ = <T extends HTMLElement = HTMLElement>(selector: string, within: ParentNode = root) =>
    within.querySelector<T>(selector)!;
  const machine = createScenarioMachine(scenario);
  let actor = createActor(machine);
  let stage = 0;
  let revealed = false;
  let ended = false;
  let endingSeen = false;
  let setup: DrillSetup | undefined;
  let startedAt = '';
  let endedAt = '';
  let record: DrillRecord | undefined;
  const tallies = new Map<string, Tally>();
  const asked: DrillRecord['tallies'] = [];
  const hint = $('[data-drill-hint]');

  const view = () => {
    const snapshot = actor.getSnapshot();
    return describePlayerView(scenario, snapshot.context, currentStep(snapshot), endingSeen);
  };
  const tallyKey = (step: string, q: QuestionKey) => `${step}.${q}`;
  const sectionOf = (id: string) => $(`[data-step="${id}"]`);

  /** The current stage of the step in play, or a review of the answer just given. */
  function render() {
    saveLive();
    const v = view();
    const stages = drillStages(v.step);
    const current = v.phase === 'answer' ? stages[Math.min(stage, stages.length - 1)]! : undefined;
    for (const section of root!.querySelectorAll<HTMLElement>('[data-step]')) {
      const shown = section.dataset.step === v.step.id;
      section.hidden = !shown;
      if (!shown) continue;
      section.dataset.stage = v.phase === 'review' ? 'review' : v.phase === 'ending' ? 'ending' : current!.kind;
      section.dataset.question = current?.kind === 'question' ? current.question : '';
      section.toggleAttribute('data-revealed', revealed);
      for (const choice of section.querySelectorAll<HTMLElement>('[data-choice]')) {
        const chosen =
          v.phase === 'review' && v.answer.kind === 'choice' && Number(choice.dataset.choice) === v.answer.choice;
        choice.classList.toggle('chosen', chosen);
        const feedback = choice.querySelector<HTMLDetailsElement>('[data-feedback]');
        if (feedback) {
          feedback.hidden = !chosen;
          feedback.open = chosen;
        }
      }
      showDecisionReview(section, v.phase === 'review' ? v.decision : undefined);
    }
    const stepNumber = new Set(actor.getSnapshot().context.path).size;
    $('[data-drill-progress]').textContent = `Step ${stepNumber} · ${describeStage(v.phase, current)}`;
  }

  function describeStage(phase: string, current: ReturnType<typeof drillStages>[number] | undefined): string {
    if (phase === 'review') return 'what happened';
    if (phase === 'ending') return 'the ending';
    if (!current) return '';
    if (current.kind === 'question')
      return `question ${QUESTIONS.find((q) => q.key === current.question)!.letter} of g`;
    return {
      narrative: 'the situation',
      choose: 'the crew chooses',
      action: 'the proposed action',
      call: 'the crew makes the call',
      ending: 'the ending',
    }[current.kind];
  }

  function say(text: string) {
    hint.textContent = text;
  }

  function focusStage() {
    const v = view();
    const section = sectionOf(v.step.id);
    const current = v.phase === 'answer' ? drillStages(v.step)[stage] : undefined;
    const target =
      current?.kind === 'question'
        ? section.querySelector<HTMLElement>(`fieldset[data-q="${current.question}"] legend`)
        : section.querySelector<HTMLElement>('h2');
    if (target) {
      target.tabIndex = -1;
      target.focus({ preventScroll: true });
    }
    section.scrollIntoView({ block: 'start' });
  }

  function tallyFor(step: string, q: QuestionKey): Tally {
    return tallies.get(tallyKey(step, q)) ?? { yes: 0, no: 0 };
  }

  function next() {
    say('');
    const v = view();
    if (v.phase === 'review') {
      // The machine is final at an ending, so the player keeps the "ending reached" flag itself.
      if (actor.getSnapshot().status === 'done') endingSeen = true;
      else actor.send({ type: 'CONTINUE' });
      stage = 0;
      revealed = false;
    } else if (v.phase === 'ending') {
      finish();
      return;
    } else {
      const stages = drillStages(v.step);
      const current = stages[stage]!;
      if (current.kind === 'choose') return say('Pick the crew’s choice: click it, or press its number.');
      if (current.kind === 'question') {
        if (!groupAnswer(tallyFor(v.step.id, current.question)))
          return say('Record the crew’s answer first: enter the show of hands, or press Y or N.');
        if (!revealed) {
          revealed = true;
          render();
          return;
        }
        revealed = false;
      }
      if (current.kind === 'call') return decide(v.step.id);
      stage = Math.min(stage + 1, stages.length - 1);
    }
    render();
    focusStage();
  }

  function back() {
    say('');
    if (view().phase !== 'answer') return;
    if (revealed) revealed = false;
    else stage = Math.max(0, stage - 1);
    render();
    focusStage();
  }

  function choose(index: number) {
    const v = view();
    if (v.phase !== 'answer' || v.step.kind !== 'scene' || drillStages(v.step)[stage]?.kind !== 'choose') return;
    if (!v.step.choices[index]) return;
    actor.send({ type: 'CHOOSE', index });
    render();
    focusStage();
  }

  function decide(stepId: string) {
    const form = $<HTMLFormElement>('[data-decision-form]', sectionOf(stepId));
    const call = new FormData(form).get('call') as Call | null;
    if (!call) return say('Choose the crew’s call: act, ask your officer, or decline.');
    const answers = Object.fromEntries(QUESTIONS.map((q) => [q.key, groupAnswer(tallyFor(stepId, q.key))])) as Record<
      QuestionKey,
      YesNo
    >;
    for (const q of QUESTIONS)
      asked.push({
        step: stepId,
        question: q.key,
        yes: tallyFor(stepId, q.key).yes,
        no: tallyFor(stepId, q.key).no,
        answer: answers[q.key],
      });
    actor.send({ type: 'DECIDE', answers, call });
    stage = 0;
    render();
    focusStage();
  }

  function setAnswer(stepId: string, q: QuestionKey, change: Partial<Tally>) {
    const tally = { ...tallyFor(stepId, q), ...change };
    tallies.set(tallyKey(stepId, q), tally);
    const answer = groupAnswer(tally);
    const form = $<HTMLFormElement>('[data-decision-form]', sectionOf(stepId));
    for (const radio of form.querySelectorAll<HTMLInputElement>(`input[name="${q}"]`))
      radio.checked = radio.value === answer;
  }

  function finish() {
    if (ended) return;
    ended = true;
    removeItem(liveKey);
    endedAt = new Date().toISOString();
    clearInterval(clock);
    const context = actor.getSnapshot().context;
    record = buildDrillRecord(
      {
        id: newId(),
        scenario: scenario.id,
        title: scenario.frontmatter.title,
        contentHash: hash,
        setup: setup!,
        startedAt,
        endedAt,
        path: context.path,
        answers: context.answers,
        tallies: asked,
        notes: '',
      },
      scoreAttempt(scenario, context.answers),
    );
    showRecord(record);
    $('[data-drill-run]').hidden = true;
    $('[data-drill-end]').hidden = false;
    $('[data-drill-end] h1').focus();
  }

  // A drill in progress is saved after every move, so a reload or a closed tab can resume it.
  const liveKey = `mp201:drill-live:${scenario.id}`;
  function saveLive() {
    if (!setup || ended) return;
    writeItem(
      liveKey,
      JSON.stringify({
        format: 'mp201-drill-live',
        version: 1,
        hash,
        setup,
        startedAt,
        stage,
        revealed,
        endingSeen,
        tallies: [...tallies],
        asked,
        snapshot: actor.getPersistedSnapshot(),
      }),
    );
  }
  function readLive(): LiveDrill | undefined {
    const text = readItem(liveKey);
    if (!text) return undefined;
    try {
      const live = JSON.parse(text) as LiveDrill;
      if (live.format === 'mp201-drill-live' && live.version === 1 && live.hash === hash && live.setup && live.snapshot)
        return live;
    } catch {
      // Fall through: set aside below.
    }
    setAside(liveKey, text, 'a drill in progress could not be resumed');
    return undefined;
  }
  function begin() {
    $('[data-drill-setup]').hidden = true;
    $('[data-drill-run]').hidden = false;
    clock = setInterval(tick, 1000);
    tick();
    render();
    focusStage();
  }

  function showRecord(r: DrillRecord) {
    fillDrillRecord($('[data-drill-end]'), r, (id) => scenario.steps.find((s) => s.id === id)?.title ?? id);
  }

  // Setup form.
  const setupForm = $<HTMLFormElement>('[data-drill-setup-form]');
  const dateInput = $<HTMLInputElement>('input[name="date"]', setupForm);
  dateInput.value = new Date().toLocaleDateString('en-CA');
  setupForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(setupForm);
    setup = {
      unit: String(data.get('unit') ?? '').trim(),
      shift: String(data.get('shift') ?? '').trim(),
      date: String(data.get('date') ?? ''),
      officer: String(data.get('officer') ?? '').trim(),
      members: parseMembers(String(data.get('members') ?? '')),
    };
    const problems = setupProblems(setup);
    const error = $('[data-setup-error]', setupForm);
    if (problems.length) {
      error.textContent = `Before starting, add ${problems.join(', ')}.`;
      return;
    }
    error.textContent = '';
    startedAt = new Date().toISOString();
    actor.start();
    begin();
  });

  const live = readLive();
  if (live) {
    const box = $('[data-resume]');
    $('[data-resume-time]', box).textContent = new Date(live.startedAt).toLocaleTimeString([], {
      hour: '2-digit',
      minute: '2-digit',
    });
    box.hidden = false;
    $('[data-resume-yes]', box).addEventListener('click', () => {
      box.hidden = true;
      ({ setup, startedAt, stage, revealed, endingSeen } = live);
      asked.push(...live.asked);
      actor = createActor(machine, { snapshot: live.snapshot as never });
      actor.start();
      for (const [key, tally] of live.tallies) {
        const [stepId, q] = key.split('.') as [string, QuestionKey];
        setAnswer(stepId, q, tally);
      }
      begin();
    });
    $('[data-resume-no]', box).addEventListener('click', () => {
      removeItem(liveKey);
      box.hidden = true;
    });
  }

  let clock: ReturnType<typeof setInterval> | undefined;
  const tick = () => {
    const seconds = Math.floor((Date.now() - Date.parse(startedAt)) / 1000);
    $('[data-clock]').textContent =
      `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
  };

  // Presenter keys and the on-screen buttons.
  addEventListener('keydown', (event) => {
    if ($('[data-drill-run]').hidden || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as HTMLElement;
    const typing = target.matches('input[type="number"], input[type="text"], textarea');
    // A number box takes no letters, so Y and N still record the crew's answer from there.
    const typingText = target.matches('input[type="text"], textarea');
    if (
      NEXT.has(event.key) &&
      !(typing && event.key !== 'PageDown') &&
      !(event.key === ' ' && target.matches('button, a, input'))
    ) {
      event.preventDefault();
      next();
    } else if (BACK.has(event.key) && !(typing && event.key !== 'PageUp')) {
      event.preventDefault();
      back();
    } else if (/^[1-9]$/.test(event.key) && !typing) choose(Number(event.key) - 1);
    else if (/^[yn]$/i.test(event.key) && !typingText) {
      event.preventDefault();
      const v = view();
      const current = v.phase === 'answer' ? drillStages(v.step)[stage] : undefined;
      if (current?.kind === 'question') {
        setAnswer(v.step.id, current.question, { consensus: event.key.toLowerCase() === 'y' ? 'yes' : 'no' });
        say(`Crew answer recorded: ${event.key.toLowerCase() === 'y' ? 'yes' : 'no'}. Press Next to see the key.`);
      }
    }
  });
  $('[data-drill-next]').addEventListener('click', next);
  $('[data-drill-back]').addEventListener('click', back);
  root.addEventListener('click', (event) => {
    const link = (event.target as Element).closest('[data-choice] a');
    if (!link) return;
    event.preventDefault();
    choose(Number(link.closest<HTMLElement>('[data-choice]')!.dataset.choice));
  });
  root.addEventListener('submit', (event) => {
    if ((event.target as HTMLElement).matches('[data-decision-form]')) {
      event.preventDefault();
      next();
    }
  });
  root.addEventListener('input', (event) => {
    const input = event.target as HTMLInputElement;
    const match = /^(yes|no)-(\w+)$/.exec(input.name);
    const stepId = input.closest<HTMLElement>('[data-step]')?.dataset.step;
    if (match && stepId)
      setAnswer(stepId, match[2] as QuestionKey, {
        [match[1]!]: Math.max(0, Number(input.value) || 0),
        consensus: undefined,
      });
    if (input.type === 'radio' && stepId && QUESTIONS.some((q) => q.key === input.name))
      tallies.set(tallyKey(stepId, input.name as QuestionKey), {
        ...tallyFor(stepId, input.name as QuestionKey),
        consensus: input.value as YesNo,
      });
  });

  // End screen: notes, save, print, CSV.
  $('[data-save-record]').addEventListener('click', () => {
    if (!record) return;
    record = { ...record, notes: $<HTMLTextAreaElement>('[data-notes]').value };
    const saved = saveDrill(record);
    $('[data-save-status]').textContent =
      saved === 'saved'
        ? 'Saved in this browser. It is listed under Past drills.'
        : 'This browser is not saving data: download the CSV or print the record now.';
  });
  $('[data-print-record]').addEventListener('click', () => {
    if (record) $('[data-field="notes"]').textContent = $<HTMLTextAreaElement>('[data-notes]').value || '—';
    print();
  });
  $('[data-csv-record]').addEventListener('click', () => {
    if (record)
      download(
        `drill-${record.setup.date}-${scenario.id}.csv`,
        drillsToCsv([{ ...record, notes: $<HTMLTextAreaElement>('[data-notes]').value }]),
        'text/csv',
      );
  });
  root.hidden = false;
  root.dataset.ready = '';
}
