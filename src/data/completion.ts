import { readFileSync } from 'node:fs';
import type { CompletionRule } from '../engine/index.ts';

/** The certificate's completion rule from content/completion.json, checked against the scenario ids. */
export function loadCompletionRule(
  scenarioIds: readonly string[],
  // MP201_COMPLETION points a build at another rule (the build benchmark, whose scenarios are generated).
  file = process.env.MP201_COMPLETION ?? 'content/completion.json',
): CompletionRule {
  const data = JSON.parse(readFileSync(file, 'utf8')) as { required?: unknown };
  if (
    !Array.isArray(data.required) ||
    data.required.length === 0 ||
    !data.required.every((id) => typeof id === 'string')
  )
    throw new Error(`${file}: "required" must be a non-empty list of scenario ids`);
  const unknown = data.required.filter((id) => !scenarioIds.includes(id));
  if (unknown.length)
    throw new Error(
      `${file}: "required" names ${unknown.map((id) => `"${id}"`).join(', ')}, which is not a scenario; use the file names in scenarios/ without .mdx`,
    );
  return { required: data.required };
}
