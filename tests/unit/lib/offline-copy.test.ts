import { describe, expect, it } from 'vitest';
import {
  failureOf,
  failureText,
  offlineState,
  planBytes,
  planDownload,
  progressText,
  sizeText,
  type OfflineList,
} from '../../../src/lib/offline-copy.ts';

/** Two pages sharing a script; the second also has its own. */
const list: OfflineList = {
  version: 'v1',
  shell: ['offline/', '_astro/site.css'],
  pages: [
    { url: '', revision: 'home1', bytes: 1000, files: [0] },
    { url: 'scenarios/a/', revision: 'a1', bytes: 3000, files: [0, 1] },
  ],
  files: [
    { url: '_astro/shared.js', revision: 'shared1', bytes: 500 },
    { url: '_astro/player.js', revision: 'player1', bytes: 7000 },
  ],
};
const everything = { '': 'home1', 'scenarios/a/': 'a1', '_astro/shared.js': 'shared1', '_astro/player.js': 'player1' };

describe('what a download fetches', () => {
  it('fetches every page and file once, a shared file with the first page that needs it', () => {
    const plan = planDownload(list, {});
    expect(plan.map((step) => step.fetch.map((f) => f.url))).toEqual([
      ['', '_astro/shared.js'],
      ['scenarios/a/', '_astro/player.js'],
    ]);
    expect(planBytes(plan)).toBe(11_500);
  });

  it('after an update, fetches only what changed', () => {
    const saved = { ...everything, 'scenarios/a/': 'a0', '_astro/player.js': 'player0' };
    const plan = planDownload(list, saved);
    expect(plan.map((step) => step.fetch.map((f) => f.url))).toEqual([[], ['scenarios/a/', '_astro/player.js']]);
  });
});

describe('the state of the offline copy', () => {
  it.each([
    ['nothing saved', {}, { kind: 'none' }],
    ['everything saved at the current revision', everything, { kind: 'complete' }],
    [
      'a download stopped after the first page',
      { '': 'home1', '_astro/shared.js': 'shared1' },
      { kind: 'partial', saved: 1, total: 2, bytes: 10_000 },
    ],
    [
      'the course changed since it was saved',
      { ...everything, '': 'home0' },
      { kind: 'outdated', changed: 1, bytes: 1000 },
    ],
  ])('%s', (_, saved, state) => {
    expect(offlineState(list, saved)).toEqual(state);
  });
});

describe('what the control says', () => {
  it.each([
    [350 * 1024, '350 KB'],
    [100, '1 KB'],
    [1.3 * 1024 * 1024, '1.3 MB'],
  ])('%d bytes read as %s', (bytes, text) => expect(sizeText(bytes)).toBe(text));

  it('counts pages', () => {
    expect(progressText(37, 137)).toBe('Saved 37 of 137 pages');
    expect(progressText(0, 1)).toBe('Saved 0 of 1 page');
  });

  it.each([
    [
      Object.assign(new Error('full'), { name: 'QuotaExceededError' }),
      'This device has no room left for the course (37 of 137 pages are saved); free some space and try again.',
    ],
    [
      new TypeError('Failed to fetch'),
      'The connection dropped (37 of 137 pages are saved); try again when you are back online.',
    ],
    [
      Object.assign(new Error('500'), { name: 'ServerError' }),
      'The site did not send every page (37 of 137 pages are saved); try again later.',
    ],
  ])('says in one sentence why a download stopped (%s)', (error, text) => {
    expect(failureText(failureOf(error), 37, 137)).toBe(text);
  });
});
