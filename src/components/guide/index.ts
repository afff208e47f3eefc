import { scenarioComponents } from '../scenario/index.ts';
import GuideChoice from './GuideChoice.astro';
import GuideDecision from './GuideDecision.astro';

/** The scenario components as the printed facilitator guide shows them. */
export const guideComponents = { ...scenarioComponents, Choice: GuideChoice, Decision: GuideDecision };
