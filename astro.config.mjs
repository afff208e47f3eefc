// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import svelte from '@astrojs/svelte';
import relativeLinks from 'astro-relative-links';
import { scenarios } from './src/authoring/integration.ts';
import { offline } from './src/authoring/offline.ts';

/** The chunk for a module from one of the libraries the pages load, named after the library. */
function libraryChunk(/** @type {string} */ id) {
  return /node_modules\/(xstate|zod|svelte|idb-keyval)\//.exec(id)?.[1];
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
