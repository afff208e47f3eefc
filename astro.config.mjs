// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import svelte from '@astrojs/svelte';
import relativeLinks from 'astro-relative-links';
import { scenarios } from './src/authoring/integration.ts';
import { offline } from './src/authoring/offline.ts';

/**
 * The chunk for a module, so that `npm run budget` can say what costs what: one per library the
 * pages load, and one (`storage`) for the storage layer with the small engine modules the player and
 * the results pages share (many tiny shared chunks cost the scenario page more than their code).
 * Rolldown puts a group's dependencies in its chunk too, so the machine (which needs XState) stays out.
 */
function libraryChunk(/** @type {string} */ id) {
  const library = /node_modules\/(xstate|zod|svelte|idb-keyval)\//.exec(id)?.[1];
  if (library) return library;
  if (/src\/lib\/(storage|storage-keys|attempt-store|results-store|download)\.ts$/.test(id)) return 'storage';
  if (/src\/engine\/(clauses|model|score|file-formats|attempt-record|player-view)\.ts$/.test(id)) return 'storage';
  if (/src\/components\/player\/enhance\.ts$/.test(id)) return 'storage';
  return undefined;
}

export default defineConfig({
  // Pages live at /x/ so that links, the offline cache and static hosts agree on one URL per page.
  trailingSlash: 'always',
  // Stylesheets as files, never inline, so the Content-Security-Policy needs no 'unsafe-inline'.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Relative links make one build work at a domain root, in a sub-folder or in an LMS package;
  // the offline worker runs after them so it precaches the final HTML.
  integrations: [scenarios(), mdx(), svelte(), relativeLinks(), offline()],
  // Astro inlines small scripts; the CSP allows scripts from files only, so keep every script a file.
  // Each library gets a chunk named after it, so `npm run budget` can say what costs what.
  vite: {
    build: {
      assetsInlineLimit: 0,
      rollupOptions: { output: { manualChunks: libraryChunk } },
    },
  },
});
