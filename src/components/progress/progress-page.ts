import {
  completionStatus,
  resultsToCsv,
  strengthsOf,
  suggestNext,
  scoreText,
  standing,
  summarizeProgress,
  type CompletionRule,
  type ScenarioFacts,
} from '../../engine/results.ts';
import { download, fileSafe } from '../../lib/download.ts';
import {
  clearLearnerData,
  restoreLearnerData,
  type Deleted,
  importResults,
  loadLearnerData,
  MAX_IMPORT_BYTES,
  toResultsFile,
} from '../../lib/progress-data.ts';
import { saveTrainee } from '../../lib/results-store.ts';
import { siteRoot } from '../../lib/site-root.ts';
import { storageUnavailable } from '../../lib/storage.ts';

/**
 * Fills the progress page's static markup with this browser's results. Figures come from the engine
 * (summarizeProgress, strengthsOf, suggestNext, completionStatus); this file only writes them in.
 */
const page = document.querySelector<HTMLElement>('[data-progress]');
const props = JSON.parse(document.querySelector('script[data-progress-data]')?.textContent ?? 'null') as {
  scenarios: ScenarioFacts[];
  rule: CompletionRule;
  labels: Record<string, string>;
} | null;

const $ = <T extends HTMLElement = HTMLElement>(selector: string, root: ParentNode = page!) =>
  root.querySelector<T>(selector)!;
const text = (selector: string, value: string, root?: ParentNode) => void ($(selector, root).textContent = value);
const duration = (seconds: number) =>
  seconds < 60 ? (seconds ? 'under a minute' : '—') : `${Math.round(seconds / 60)} min`;
const stamp = () => new Date().toISOString().slice(0, 10);

if (page && props) {
  let data = loadLearnerData();
  const nameInput = $<HTMLInputElement>('[data-name]');
  const memberInput = $<HTMLInputElement>('[data-member-id]');
  const sessionInput = $<HTMLInputElement>('[data-session-code]');
  const message = $('[data-message]');
  const trainee = () => ({
    name: nameInput.value.trim(),
    ...(memberInput.value.trim() ? { memberId: memberInput.value.trim() } : {}),
    ...(sessionInput.value.trim() ? { sessionCode: sessionInput.value.trim() } : {}),
  });

  const render = () => {
    const progress = summarizeProgress(
      props.scenarios.map((s) => s.id),
      data.attempts,
      data.inProgress,
    );
    const strengths = strengthsOf(data.attempts);
    const passed = progress.filter((p) => p.status === 'passed').length;
    const seconds = progress.reduce((t, p) => t + p.seconds, 0);
    text(
      '[data-summary]',
      `You have passed ${passed} of ${props.scenarios.length} scenarios, in ${data.attempts.length} attempt${data.attempts.length === 1 ? '' : 's'} and ${duration(seconds)} of play.`,
    );

    const next = suggestNext(strengths, props.scenarios, progress);
    $('[data-try-next]').hidden = !next;
    if (next) {
      const link = $<HTMLAnchorElement>('[data-try-link]');
      link.href = new URL(`scenarios/${next.scenario.id}/`, siteRoot()).href;
      link.textContent = next.scenario.title;
      text(
        '[data-try-why]',
        next.because ? `— it turns on “${props.labels[next.because]}”, your weakest question so far.` : '',
      );
    }

    for (const p of progress) {
      const row = $(`[data-row="${p.scenario}"]`);
      text('[data-status]', p.status, row);
      $('[data-status]', row).className = `status-${p.status.replace(' ', '-')}`;
      // A score keeps the scoring version it was given under; the text names it when it is not today's.
      text('[data-best]', p.best ? scoreText(p.best.percent, p.best.scoringVersion) : '—', row);
      text('[data-latest]', p.latest ? scoreText(p.latest.percent, p.latest.scoringVersion) : '—', row);
      text('[data-attempts]', String(p.attempts), row);
      text('[data-time]', duration(p.seconds), row);
    }

    for (const s of strengths) {
      const bar = $(`[data-bar="${s.dimension}"]`);
      const fill = bar.querySelector('[data-fill]')!;
      fill.setAttribute('width', String(((s.percent ?? 0) * 300) / 100));
      const gap = standing(s.percent) === 'gap';
      fill.setAttribute('class', gap ? 'bar gap' : 'bar');
      bar.querySelector('[data-value]')!.textContent =
        s.percent === null ? 'not yet' : `${s.percent}%${gap ? ' gap' : ''}`;
      const row = $(`[data-strength="${s.dimension}"]`);
      text('[data-points]', s.possible ? `${s.earned} of ${s.possible}` : '—', row);
      text('[data-percent]', s.percent === null ? 'not yet scored' : `${s.percent}%${gap ? ' (gap)' : ''}`, row);
    }

    const completion = completionStatus(props.rule, progress);
    $('[data-certificate-ready]').hidden = !completion.complete;
    $('[data-certificate-pending]').hidden = completion.complete;
    for (const id of props.rule.required)
      text(
        '[data-required-status]',
        completion.missing.includes(id) ? 'not passed yet' : 'passed',
        $(`[data-required="${id}"]`),
      );

    $('[data-storage-notice]').hidden = !storageUnavailable();
    const notice = $('[data-set-aside-notice]');
    notice.hidden = !data.newlySetAside;
    notice.textContent = data.newlySetAside
      ? `${data.newlySetAside} saved result${data.newlySetAside === 1 ? '' : 's'} could not be read and ${data.newlySetAside === 1 ? 'was' : 'were'} set aside; the download is under “Keep your results”.`
      : '';
    $('[data-set-aside]').hidden = data.setAside.length === 0;
    $('[data-set-aside-list]').replaceChildren(
      ...data.setAside.map((item) =>
        Object.assign(document.createElement('li'), {
          textContent: `${item.at.slice(0, 16).replace('T', ' ')}: ${item.reason}`,
        }),
      ),
    );
  };

  const saveDetails = () => {
    if (saveTrainee(trainee()).status !== 'saved')
      message.textContent = 'Your details are kept for this visit only: this browser is not saving data.';
    $('[data-hand-in-box]').hidden = !trainee().sessionCode;
  };
  nameInput.value = data.trainee.name;
  memberInput.value = data.trainee.memberId ?? '';
  sessionInput.value = data.trainee.sessionCode ?? '';
  $('[data-hand-in-box]').hidden = !data.trainee.sessionCode;
  for (const input of [nameInput, memberInput, sessionInput]) input.addEventListener('change', saveDetails);

  $('[data-hand-in]').addEventListener('click', () => {
    const who = trainee();
    const code = who.sessionCode ?? '';
    const attempts = data.attempts.filter((a) => a.sessionCode === code);
    if (!who.name) {
      message.textContent = 'Add your name first: your instructor needs it to match your results to you.';
      nameInput.focus();
      return;
    }
    if (!attempts.length) {
      message.textContent = `No finished scenario counts for session ${code} yet. Play the scenarios with the session code set, then hand in.`;
      return;
    }
    download(
      `${fileSafe(code)}_${fileSafe(who.name)}.json`,
      JSON.stringify(toResultsFile(who, attempts), null, 2),
      'application/json',
    );
    message.textContent = `Your file for session ${code} has ${attempts.length} attempt${attempts.length === 1 ? '' : 's'}. Give it to your instructor (shared folder or email).`;
  });

  $('[data-export-json]').addEventListener('click', () =>
    download(
      `mp201-results-${fileSafe(trainee().name)}-${stamp()}.json`,
      JSON.stringify(toResultsFile(trainee(), data.attempts), null, 2),
      'application/json',
    ),
  );
  $('[data-export-csv]').addEventListener('click', () =>
    download(
      `mp201-results-${fileSafe(trainee().name)}-${stamp()}.csv`,
      resultsToCsv(toResultsFile(trainee(), data.attempts)),
      'text/csv',
    ),
  );
  $('[data-download-set-aside]').addEventListener('click', () =>
    download(`mp201-set-aside-${stamp()}.json`, JSON.stringify(data.setAside, null, 2), 'application/json'),
  );
  $<HTMLInputElement>('[data-import]').addEventListener('change', async (event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      message.textContent = `${file.name} was not imported: it is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB, so it cannot be a results file from this course. Nothing was changed.`;
      return;
    }
    const outcome = importResults(file.name, await file.text(), data.attempts);
    message.textContent = outcome.message;
    if (!outcome.ok) return;
    if (!nameInput.value && outcome.trainee.name) {
      nameInput.value = outcome.trainee.name;
      memberInput.value = outcome.trainee.memberId ?? '';
      saveDetails();
    }
    data = loadLearnerData();
    render();
  });
  // Deleting is undone rather than confirmed: the learner sees what went and can bring it back.
  let deleted: Deleted | undefined;
  const undoClear = $('[data-undo-clear]');
  const fillDetails = () => {
    nameInput.value = data.trainee.name;
    memberInput.value = data.trainee.memberId ?? '';
    sessionInput.value = data.trainee.sessionCode ?? '';
    $('[data-hand-in-box]').hidden = !data.trainee.sessionCode;
  };
  $('[data-clear]').addEventListener('click', (event) => {
    if ((event as MouseEvent).detail > 1) return;
    deleted = clearLearnerData();
    data = loadLearnerData();
    fillDetails();
    const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
    message.textContent = `Deleted from this browser: ${plural(deleted.results, 'result', 'results')}, ${plural(deleted.inProgress, 'scenario in progress', 'scenarios in progress')}, your name and session details${deleted.setAside ? ` and ${plural(deleted.setAside, 'set-aside record', 'set-aside records')}` : ''}. Drill records of this station were kept. Undo brings everything back while this page is open.`;
    undoClear.hidden = false;
    undoClear.focus();
    render();
  });
  undoClear.addEventListener('click', () => {
    if (!deleted) return;
    const notKept = restoreLearnerData(deleted);
    deleted = undefined;
    undoClear.hidden = true;
    data = loadLearnerData();
    fillDetails();
    message.textContent = notKept
      ? `Your results are back for this visit, but this browser could not keep ${notKept} of them: download your results now.`
      : 'Your results are back.';
    render();
  });

  render();
  page.dataset.ready = '';
}
