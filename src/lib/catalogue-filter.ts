/** What a catalogue card carries for filtering. */
export interface CardFacts {
  audiences: string[];
  customers: string[];
  clauses: string[];
  minutes: number;
}

/** The catalogue's filter; an empty value means "any". `length` is a band's value, e.g. `11-12`. */
export interface CatalogueFilter {
  audience: string;
  customer: string;
  clause: string;
  length: string;
}

/** A length a learner can pick, from `min` to `max` minutes inclusive. */
export interface LengthBand {
  value: string;
  label: string;
  min: number;
  max: number;
}

const BAND_VALUE = /^(\d+)-(\d+)$/;

/**
 * Up to `count` length bands derived from the scenarios' own lengths: each holds about the same number
 * of scenarios, no length is split across two bands, and so no band is ever empty.
 */
export function lengthBands(minutes: readonly number[], count = 3): LengthBand[] {
  const sorted = [...minutes].sort((a, b) => a - b);
  const ranges: [number, number][] = [];
  let start = 0;
  for (let k = 1; k <= count && start < sorted.length; k++) {
    let end = k === count ? sorted.length : Math.max(start + 1, Math.round((sorted.length * k) / count));
    while (end < sorted.length && sorted[end] === sorted[end - 1]) end++;
    ranges.push([sorted[start]!, sorted[end - 1]!]);
    start = end;
  }
  return ranges.map(([min, max], i) => ({
    value: `${min}-${max}`,
    min,
    max,
    label:
      ranges.length === 1 || min === max
        ? `${min} minutes`
        : i === 0
          ? `Up to ${max} minutes`
          : i === ranges.length - 1
            ? `${min} minutes or more`
            : `${min} to ${max} minutes`,
  }));
}

/** True when a card passes every part of the filter. */
export function matchesFilter(card: CardFacts, filter: CatalogueFilter): boolean {
  const band = BAND_VALUE.exec(filter.length);
  return (
    (!filter.audience || card.audiences.includes(filter.audience)) &&
    (!filter.customer || card.customers.includes(filter.customer)) &&
    (!filter.clause || card.clauses.includes(filter.clause)) &&
    (!band || (card.minutes >= Number(band[1]) && card.minutes <= Number(band[2])))
  );
}

/** Read a filter from a URL's query string, ignoring anything unknown. */
export function filterFromQuery(query: URLSearchParams): CatalogueFilter {
  const length = query.get('length') ?? '';
  return {
    audience: query.get('audience') ?? '',
    customer: query.get('customer') ?? '',
    clause: query.get('clause') ?? '',
    length: BAND_VALUE.test(length) ? length : '',
  };
}
