import { certificateCatalogueOf, progressCatalogueOf } from '../engine/index.ts';
import { loadScenarios } from './catalogue.ts';
import { loadCompletionRule } from './completion.ts';

/** What My progress is built with (progressCatalogueOf over every scenario and the completion rule). */
export async function loadProgressCatalogue(): Promise<ReturnType<typeof progressCatalogueOf>> {
  const scenarios = (await loadScenarios()).map(({ scenario }) => scenario);
  return progressCatalogueOf(scenarios, loadCompletionRule(scenarios.map((s) => s.id)));
}

/** What the certificate is built with (certificateCatalogueOf over every scenario and the completion rule). */
export async function loadCertificateCatalogue(): Promise<ReturnType<typeof certificateCatalogueOf>> {
  const course = await loadScenarios();
  return certificateCatalogueOf(course, loadCompletionRule(course.map(({ scenario }) => scenario.id)));
}
