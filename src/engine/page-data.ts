import type { ScenarioPageData } from './model.ts';

/**
 * A light check of a scenario or drill page's embedded data, in the shape of a schema's `safeParse`.
 * The graph was validated when the site was built; this catches a damaged page without zod, which the
 * drill page does not otherwise load (the player trusts its props: see src/client/player/main.ts).
 */
export function checkScenarioPageData(
  data: unknown,
):
  | { success: true; data: ScenarioPageData }
  | { success: false; error: { issues: { path: string[]; message: string }[] } } {
  const d = data as Partial<ScenarioPageData> | null;
  return typeof d?.hash === 'string' &&
    typeof d.scenario?.id === 'string' &&
    Array.isArray(d.scenario.steps) &&
    typeof d.scenario.frontmatter === 'object'
    ? { success: true, data: d as ScenarioPageData }
    : { success: false, error: { issues: [{ path: [], message: 'expected a scenario and its hash' }] } };
}
