import { filterFromQuery, matchesFilter, type CatalogueFilter } from '../../lib/catalogue-filter.ts';

/**
 * Enhances the catalogue: shows the filter form, hides cards that do not match, keeps the filter in
 * the address so an instructor can share a filtered list. Without JavaScript every card shows.
 */
const form = document.querySelector<HTMLFormElement>('[data-filters]');
const cards = [...document.querySelectorAll<HTMLElement>('[data-card]')];
const count = document.querySelector<HTMLElement>('[data-count]');

function apply(filter: CatalogueFilter) {
  let shown = 0;
  for (const card of cards) {
    const facts = {
      audiences: (card.dataset.audiences ?? '').split(' '),
      customers: (card.dataset.customers ?? '').split(' '),
      clauses: (card.dataset.clauses ?? '').split(' '),
      minutes: Number(card.dataset.minutes),
    };
    card.hidden = !matchesFilter(facts, filter);
    if (!card.hidden) shown++;
  }
  if (count) count.textContent = `${shown} of ${cards.length} scenarios shown`;
  const empty = document.querySelector<HTMLElement>('[data-empty]');
  if (empty) empty.hidden = shown > 0;
}

if (form) {
  const initial = filterFromQuery(new URLSearchParams(location.search));
  for (const [name, value] of Object.entries(initial)) {
    const field = form.elements.namedItem(name) as HTMLSelectElement | null;
    if (field) field.value = value;
  }
  form.hidden = false;
  apply(initial);
  form.addEventListener('change', () => {
    const data = new FormData(form);
    const query = new URLSearchParams([...data.entries()].filter(([, v]) => v !== '') as [string, string][]);
    history.replaceState(null, '', query.size ? `?${query}` : location.pathname);
    apply(filterFromQuery(query));
  });
  form.addEventListener('reset', () => {
    history.replaceState(null, '', location.pathname);
    queueMicrotask(() => apply(filterFromQuery(new URLSearchParams())));
  });
}
