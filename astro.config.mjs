// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import svelte from '@astrojs/svelte';
import { scenarios } from './src/authoring/integration.ts';

export default defineConfig({
  // Pages live at /x/ so that links, the offline cache and static hosts agree on one URL per page.
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [scenarios(), mdx(), svelte()],
});
