import { readScenarioProgress } from '../../lib/learner-status.ts';
import { cardStatusText, filterFromQuery, matchesFilter, type CatalogueFilter } from '../../engine/catalogue-filter.ts';

/**
 * Enhances the catalogue: writes the learner's status and best score on each card (from the results
 * saved in this browser), shows the filter form, hides cards that do not match, and keeps the filter
 * in the address so an instructor can share a filtered list. Without JavaScript every card shows.
 */
export function startCatalogue(root: HTMLElement): () => void {
  const form = root.querySelector<HTMLFormElement>('[data-filters]');
  const cards = [...root.querySelectorAll<HTMLElement>('[data-card]')];
  const count = root.querySelector<HTMLElement>('[data-count]');
  const empty = root.querySelector<HTMLElement>('[data-empty]');

  const progress = readScenarioProgress(cards.map((card) => card.dataset.scenario ?? ''));
  for (const [i, card] of cards.entries()) {
    const status = card.querySelector<HTMLElement>('[data-status]');
    card.dataset.status = progress[i]!.status;
    if (!status) continue;
    status.textContent = cardStatusText(progress[i]!);
    status.hidden = false;
  }

  function apply(filter: CatalogueFilter) {
    let shown = 0;
    for (const card of cards) {
      const facts = {
        audiences: (card.dataset.audiences ?? '').split(' '),
        customers: (card.dataset.customers ?? '').split(' '),
        clauses: (card.dataset.clauses ?? '').split(' '),
        minutes: Number(card.dataset.minutes),
        status: card.dataset.status ?? '',
      };
      card.hidden = !matchesFilter(facts, filter);
      if (!card.hidden) shown++;
    }
    if (count) count.textContent = `${shown} of ${cards.length} scenarios shown`;
    if (empty) empty.hidden = shown > 0;
  }

  if (!form) return () => undefined;
  const initial = filterFromQuery(new URLSearchParams(location.search));
  for (const [name, value] of Object.entries(initial)) {
    const field = form.elements.namedItem(name) as HTMLSelectElement | null;
    if (field) field.value = value;
  }
  form.hidden = false;
  apply(initial);
  const onChange = () => {
    const data = new FormData(form);
    const query = new URLSearchParams([...data.entries()].filter(([, v]) => v !== '') as [string, string][]);
    history.replaceState(null, '', query.size ? `?${query}` : location.pathname);
    apply(filterFromQuery(query));
  };
  const onReset = () => {
    history.replaceState(null, '', location.pathname);
    queueMicrotask(() => apply(filterFromQuery(new URLSearchParams())));
  };
  form.addEventListener('change', onChange);
  form.addEventListener('reset', onReset);
  return () => {
    form.removeEventListener('change', onChange);
    form.removeEventListener('reset', onReset);
  };
}
