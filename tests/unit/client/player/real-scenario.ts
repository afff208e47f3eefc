import { readFileSync } from 'node:fs';
import { extractScenario } from '../../../../src/authoring/parse.ts';
import { validateScenario, type Scenario } from '../../../../src/engine/index.ts';

/** A scenario of the course as the build validates it (the saved fixtures were recorded on mower-at-115). */
export function realScenario(id = 'mower-at-115'): Scenario {
  const source = readFileSync(`scenarios/${id}.mdx`, 'utf8');
  return validateScenario(extractScenario(source, `${id}.mdx`).raw).scenario as Scenario;
}
