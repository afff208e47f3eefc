import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { satteri } from '@astrojs/markdown-satteri';
import { compileScenario, scenarioFolder } from './compile.ts';
import { formatErrors, scenarioFiles } from './lint.ts';
import { scenarioPlugin } from './satteri-plugin.ts';

/**
 * Astro integration for scenario files: installs the Sätteri plugin that turns each scenario into
 * a validated graph, and before a production build checks every file in the scenario folder (see
 * scenarioFolder) so that the build stops with all problems of all files listed at once. The check's
 * compiles are remembered, so the plugin and the pages reuse them.
 */
export function scenarios(): AstroIntegration {
  return {
    name: 'mp201-scenarios',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig, logger }) => {
        const root = fileURLToPath(config.root);
        updateConfig({ markdown: { processor: satteri({ mdastPlugins: [scenarioPlugin(root)] }) } });
        if (command !== 'build') return;
        logger.info(checkScenarioFolder(root));
      },
    },
  };
}

/**
 * The pre-build check: compiles every file in the scenario folder and throws one error listing every
 * problem of every file (file:line:col, what is wrong, the fix). Returns the line the build logs.
 */
export function checkScenarioFolder(root: string): string {
  const results = scenarioFiles(scenarioFolder(root)).map((file) => compileScenario(file, path.relative(root, file)));
  const errors = formatErrors(results);
  if (errors.length) {
    const files = new Set(results.filter((r) => !r.scenario).map((r) => r.file)).size;
    throw new Error(
      `${errors.length} problem(s) in ${files} scenario file(s); fix them and build again:\n${errors.join('\n')}`,
    );
  }
  return `${results.length} scenarios checked`;
}
