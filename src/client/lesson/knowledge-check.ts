import { scoreChecks, type CheckKey } from '../../engine/quiz.ts';

/**
 * Scores a lesson's knowledge check in place (the scoring rule is the engine's). Returns the teardown.
 */
export function startKnowledgeCheck(section: HTMLElement): () => void {
  const listening = new AbortController();
  const { signal } = listening;
  const form = section.querySelector<HTMLFormElement>('[data-check-form]')!;
  const key = JSON.parse(section.querySelector('[data-check-key]')?.textContent ?? '[]') as CheckKey[];
  const score = section.querySelector<HTMLElement>('[data-check-score]')!;
  const error = section.querySelector<HTMLElement>('[data-check-error]')!;
  section.querySelector<HTMLElement>('[data-check-actions]')!.hidden = false;
  for (const details of section.querySelectorAll<HTMLDetailsElement>('[data-answer]')) details.hidden = true;

  form.addEventListener(
    'submit',
    (event) => {
      event.preventDefault();
      const data = new FormData(form);
      const chosen = key.map((_, i) => (data.get(`q${i}`) === null ? undefined : Number(data.get(`q${i}`))));
      const open = chosen.flatMap((c, i) => (c === undefined ? [i + 1] : []));
      if (open.length) {
        error.textContent = `Answer every question first. Still open: ${open.join(', ')}.`;
        return;
      }
      error.textContent = '';
      const result = scoreChecks(key, chosen);
      result.results.forEach((r, i) => {
        const fieldset = section.querySelector<HTMLElement>(`[data-check="${i}"]`)!;
        const line = fieldset.querySelector<HTMLElement>('[data-result]')!;
        line.hidden = false;
        line.textContent = r.correct ? '✓ Right.' : '✗ Not quite.';
        line.className = `check-result ${r.correct ? 'right' : 'wrong'}`;
        const details = fieldset.querySelector<HTMLDetailsElement>('[data-answer]')!;
        details.hidden = false;
        details.open = true;
      });
      score.textContent = `You got ${result.correct} of ${result.total} right (${result.percent}%).`;
      score.tabIndex = -1;
      score.focus();
    },
    { signal },
  );

  form.addEventListener(
    'reset',
    () => {
      error.textContent = '';
      score.textContent = '';
      for (const line of section.querySelectorAll<HTMLElement>('[data-result]')) line.hidden = true;
      for (const details of section.querySelectorAll<HTMLDetailsElement>('[data-answer]')) {
        details.open = false;
        details.hidden = true;
      }
    },
    { signal },
  );
  return () => listening.abort();
}
