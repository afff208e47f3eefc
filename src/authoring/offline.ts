import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { generateSW } from 'workbox-build';

/**
 * Writes a Workbox service worker into the build that precaches the whole course, so that after
 * one visit every page and scenario works with the network off. URLs are relative to the worker,
 * so the same build works at a domain root, in a sub-folder or inside an LMS package.
 * A new deployment installs alongside the old one and takes over when the course is next opened,
 * so a trainee's open tab is never switched to new content mid-attempt.
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
          globIgnores: ['sw.js', 'workbox-*.js'],
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
