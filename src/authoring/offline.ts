import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { generateSW } from 'workbox-build';

/**
 * Writes a Workbox service worker into the build that precaches the whole course, so that after
 * one visit every page and scenario works with the network off. URLs are relative to the worker,
 * so the same build works at a domain root, in a sub-folder or inside an LMS package.
 * A new deployment installs alongside the old one and waits: every page offers to reload into it
 * (src/lib/offline-register.ts), never in the middle of a decision, so no open tab is switched to
 * new content mid-attempt and a page left open for days still gets it.
 */
export function offline(): AstroIntegration {
  return {
    name: 'mp201-offline',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const { count, size, warnings } = await generateSW({
          globDirectory: out,
          globPatterns: ['**/*.{html,js,css,svg,png,ico,txt,webmanifest,json}'],
          globIgnores: ['sw.js', 'workbox-*.js', 'sw-navigation.js'],
          // Addresses without their trailing slash go on to the page (public/sw-navigation.js).
          importScripts: ['sw-navigation.js'],
          // An LMS or a link tracker adds query strings; the page is the same whatever they say.
          ignoreURLParametersMatching: [/.*/],
          swDest: `${out}/sw.js`,
          inlineWorkboxRuntime: true,
          mode: 'production',
          sourcemap: false,
          directoryIndex: 'index.html',
          cleanupOutdatedCaches: true,
          clientsClaim: false,
          skipWaiting: false,
          maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
        });
        for (const warning of warnings) logger.warn(warning);
        logger.info(`service worker precaches ${count} files (${Math.round(size / 1024)} KB)`);
      },
    },
  };
}
