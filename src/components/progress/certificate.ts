import { certificateFacts, completionStatus, summarizeProgress, type CompletionRule } from '../../engine/results.ts';
import { loadLearnerData } from '../../lib/progress-data.ts';
import { siteRoot } from '../../lib/site-root.ts';

/** Fills in the certificate from this browser's results, or lists what is still to pass. */
const props = JSON.parse(document.querySelector('script[data-certificate-data]')?.textContent ?? 'null') as {
  scenarios: { id: string; title: string; minutes: number }[];
  rule: CompletionRule;
} | null;
const $ = (selector: string) => document.querySelector<HTMLElement>(selector)!;

if (props) {
  const data = loadLearnerData();
  const progress = summarizeProgress(
    props.scenarios.map((s) => s.id),
    data.attempts,
  );
  const completion = completionStatus(props.rule, progress);
  if (completion.complete) {
    const facts = certificateFacts(props.rule, progress, props.scenarios);
    $('[data-cert-name]').textContent = data.trainee.name || 'Add your name on My progress';
    $('[data-cert-member]').textContent = data.trainee.memberId ? `Member number ${data.trainee.memberId}` : '';
    $('[data-cert-rows]').replaceChildren(
      ...facts.rows.map((row) => {
        const tr = document.createElement('tr');
        for (const value of [row.title, `${row.percent}%`, row.passedOn, String(row.minutes)])
          tr.append(Object.assign(document.createElement('td'), { textContent: value }));
        return tr;
      }),
    );
    $('[data-cert-hours]').textContent = `${facts.minutes} minutes (${facts.hours} hours)`;
    $('[data-cert-date]').textContent = new Date().toLocaleDateString('en-US', {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
    });
    $('[data-print]').addEventListener('click', () => print());
    $('[data-certificate]').hidden = false;
  } else {
    $('[data-cert-missing]').replaceChildren(
      ...completion.missing.map((id) => {
        const li = document.createElement('li');
        li.append(
          Object.assign(document.createElement('a'), {
            href: new URL(`scenarios/${id}/`, siteRoot()).href,
            textContent: props.scenarios.find((s) => s.id === id)?.title ?? id,
          }),
        );
        return li;
      }),
    );
    $('[data-certificate-missing]').hidden = false;
  }
}
