// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import svelte from '@astrojs/svelte';
import relativeLinks from 'astro-relative-links';
import { scenarios } from './src/authoring/integration.ts';
import { offline } from './src/authoring/offline.ts';

/**
 * The chunk for a module, so that `npm run budget` can say what costs what, and so that each page
 * loads only what it uses. One chunk per library the pages load, and three for the project's shared
 * modules, cut by which pages use them (many tiny shared chunks cost the scenario page more than their
 * code):
 * - `scoring`: the scoring modules every results page needs, the gradebook included (clauses, score);
 * - `storage`: the storage layer, for the pages that keep a learner's work (not the gradebook);
 * - `xstate`: XState with the machine and the player's own modules (the scenario and drill pages).
 * Rolldown puts a group's dependencies in its chunk too, so every project module a group needs is
 * named here.
 */
function libraryChunk(/** @type {string} */ id) {
  const library = /node_modules\/(xstate|zod|svelte|idb-keyval)\//.exec(id)?.[1];
  if (library) return library;
  if (/src\/engine\/(clauses|model|score|call-credit|file-formats)\.ts$/.test(id)) return 'scoring';
  if (/src\/lib\/download\.ts$/.test(id)) return 'scoring';
  if (/src\/lib\/(storage|storage-keys|attempt-store|results-store)\.ts$/.test(id)) return 'storage';
  if (/src\/engine\/saved-snapshot\.ts$/.test(id)) return 'storage';
  if (/src\/engine\/(machine|attempt-record|player-view)\.ts$/.test(id)) return 'xstate';
  if (/src\/client\/player\/enhance\.ts$/.test(id)) return 'xstate';
  return undefined;
}

/**
 * Drops one warning Astro 7.3 causes in every MDX build, once per scenario: Rolldown reports Astro's own
 * `"use astro:head-inject"` marker as a module-level directive it may not keep. Astro reads the marker
 * before bundling, so nothing is lost (https://github.com/withastro/astro/issues/18087, open, fix
 * verified). Every other warning is passed on. Remove this when Astro ships the fix.
 * @param {{ code?: string; message: string }} warning
 * @param {(warning: { code?: string; message: string }) => void} warn
 */
function quietKnownWarnings(warning, warn) {
  if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('"use astro:head-inject"')) return;
  warn(warning);
}

export default defineConfig({
  // Pages live at /x/ so that links, the offline cache and static hosts agree on one URL per page.
  trailingSlash: 'always',
  // Stylesheets as files, never inline, so the Content-Security-Policy needs no 'unsafe-inline'.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Relative links make one build work at a domain root, in a sub-folder or in an LMS package;
  // the offline worker runs after them so it precaches the final HTML.
  integrations: [scenarios(), mdx(), svelte(), relativeLinks(), offline()],
  // Astro 7's default ('jsx') drops the line break between a word and the link that follows it on the
  // next line ("Read the<a>full procedure</a>"); `true` collapses whitespace the way HTML renders it.
  // https://docs.astro.build/en/reference/configuration-reference/#compresshtml
  compressHTML: true,
  vite: {
    build: {
      // Astro inlines small scripts; the CSP allows scripts from files only, so keep every script a file.
      assetsInlineLimit: 0,
      // Each library gets a chunk named after it, so `npm run budget` can say what costs what.
      rolldownOptions: { output: { manualChunks: libraryChunk }, onwarn: quietKnownWarnings },
    },
  },
});
