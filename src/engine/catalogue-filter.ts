import type { ScenarioProgress } from './progress.ts';

/** A scenario's status for the learner, as the catalogue names it (in words, not colour alone). */
export const STATUS_NAMES: Readonly<Record<ScenarioProgress['status'], string>> = {
  'not started': 'Not started',
  'in progress': 'In progress',
  passed: 'Passed',
  'not passed': 'Not passed yet',
};

/** What a card says about the learner's standing: the status, and the best score once there is one. */
export function cardStatusText(progress: ScenarioProgress): string {
  const status = STATUS_NAMES[progress.status];
  return progress.best ? `${status} · best score ${progress.best.percent}%` : status;
}

/** What a catalogue card carries for filtering. `status` is filled in from the learner's results. */
export interface CardFacts {
  audiences: string[];
  customers: string[];
  clauses: string[];
  minutes: number;
  status: string;
}

/** The catalogue's filter; an empty value means "any". `length` is a band's value, e.g. `11-12`. */
export interface CatalogueFilter {
  audience: string;
  customer: string;
  clause: string;
  length: string;
  status: string;
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
    (!filter.status || card.status === filter.status) &&
    (!band || (card.minutes >= Number(band[1]) && card.minutes <= Number(band[2])))
  );
}

/** Read a filter from a URL's query string (a `URLSearchParams`), ignoring anything unknown. */
export function filterFromQuery(query: { get(name: string): string | null }): CatalogueFilter {
  const length = query.get('length') ?? '';
  const status = query.get('status') ?? '';
  return {
    audience: query.get('audience') ?? '',
    customer: query.get('customer') ?? '',
    clause: query.get('clause') ?? '',
    length: BAND_VALUE.test(length) ? length : '',
    status: status in STATUS_NAMES ? status : '',
  };
}
