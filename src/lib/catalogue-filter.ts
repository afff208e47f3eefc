/** What a catalogue card carries for filtering. */
export interface CardFacts {
  audiences: string[];
  customers: string[];
  clauses: string[];
  minutes: number;
}

/** The catalogue's filter; an empty value means "any". */
export interface CatalogueFilter {
  audience: string;
  customer: string;
  clause: string;
  length: '' | 'short' | 'medium' | 'long';
}

/** Length bands a learner can pick: under 10 minutes, 10–12, 13 or more. */
export const LENGTHS = [
  { value: 'short', label: 'Under 10 minutes', test: (m: number) => m < 10 },
  { value: 'medium', label: '10 to 12 minutes', test: (m: number) => m >= 10 && m <= 12 },
  { value: 'long', label: '13 minutes or more', test: (m: number) => m >= 13 },
] as const;

/** True when a card passes every part of the filter. */
export function matchesFilter(card: CardFacts, filter: CatalogueFilter): boolean {
  const band = LENGTHS.find((l) => l.value === filter.length);
  return (
    (!filter.audience || card.audiences.includes(filter.audience)) &&
    (!filter.customer || card.customers.includes(filter.customer)) &&
    (!filter.clause || card.clauses.includes(filter.clause)) &&
    (!band || band.test(card.minutes))
  );
}

/** Read a filter from a URL's query string, ignoring anything unknown. */
export function filterFromQuery(query: URLSearchParams): CatalogueFilter {
  const length = query.get('length') ?? '';
  return {
    audience: query.get('audience') ?? '',
    customer: query.get('customer') ?? '',
    clause: query.get('clause') ?? '',
    length: LENGTHS.some((l) => l.value === length) ? (length as CatalogueFilter['length']) : '',
  };
}
