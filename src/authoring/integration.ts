import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { satteri } from '@astrojs/markdown-satteri';
import { formatErrors, lintFile, scenarioFiles } from './lint.ts';
import { scenarioPlugin } from './satteri-plugin.ts';

/**
 * Astro integration for scenario files: installs the Sätteri plugin that turns each scenario into
 * a validated graph, and before a production build checks every file in `scenarios/` so that the
 * build stops with all problems of all files listed at once.
 */
export function scenarios(): AstroIntegration {
  return {
    name: 'mp201-scenarios',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig, logger }) => {
        const root = fileURLToPath(config.root);
        updateConfig({ markdown: { processor: satteri({ mdastPlugins: [scenarioPlugin(root)] }) } });
        if (command !== 'build') return;
        const dir = path.resolve(root, process.env.MP201_SCENARIOS ?? 'scenarios');
        const results = scenarioFiles(dir).map((file) => lintFile(file, path.relative(root, file)));
        const errors = formatErrors(results);
        if (errors.length) {
          const files = new Set(results.filter((r) => !r.scenario).map((r) => r.file)).size;
          throw new Error(
            `${errors.length} problem(s) in ${files} scenario file(s); fix them and build again:\n${errors.join('\n')}`,
          );
        }
        logger.info(`${results.length} scenarios checked`);
      },
    },
  };
}
