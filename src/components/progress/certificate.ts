import { certificateFacts, completionStatus, summarizeProgress, type CompletionRule } from '../../engine/results.ts';
import { checkAttempt, FLAG_LABELS, type AttemptCheck, type ScoringKey } from '../../engine/verify.ts';
import { loadLearnerData } from '../../lib/progress-data.ts';
import { siteRoot } from '../../lib/site-root.ts';

/** Fills in the certificate from this browser's results, or lists what is still to pass. */
const props = JSON.parse(document.querySelector('script[data-certificate-data]')?.textContent ?? 'null') as {
  scenarios: { id: string; title: string; minutes: number }[];
  rule: CompletionRule;
  keys: ScoringKey[];
} | null;
const $ = (selector: string) => document.querySelector<HTMLElement>(selector)!;

if (props) {
  const data = loadLearnerData();
  // Every attempt is re-scored against the current keys: one counts as passed only where the check agrees.
  const keys = new Map(props.keys.map((k) => [k.id, k]));
  const checks = new Map<string, AttemptCheck>(
    data.attempts.map((a) => [a.id, checkAttempt(a, keys.get(a.scenario), { sessionCode: '', now: Date.now() })]),
  );
  const progress = summarizeProgress(
    props.scenarios.map((s) => s.id),
    data.attempts.map((a) => ({ ...a, passed: checks.get(a.id)?.passed ?? false })),
  );
  const completion = completionStatus(props.rule, progress);
  if (completion.complete) {
    const facts = certificateFacts(props.rule, progress, props.scenarios);
    $('[data-cert-name]').textContent = data.trainee.name || 'Add your name on My progress';
    $('[data-cert-member]').textContent = data.trainee.memberId ? `Member number ${data.trainee.memberId}` : '';
    $('[data-cert-rows]').replaceChildren(
      ...facts.rows.map((row) => {
        const tr = document.createElement('tr');
        const best = progress.find((p) => p.scenario === row.id)?.best;
        const check = best ? checks.get(best.id) : undefined;
        const checked = check?.verified
          ? 'Re-scored: matches'
          : `Not verified: ${check?.flags[0] ? FLAG_LABELS[check.flags[0].code] : 'nothing to check'}`;
        for (const value of [row.title, `${row.percent}%`, row.passedOn, String(row.minutes), checked])
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
