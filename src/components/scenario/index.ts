import type { ScenarioComponent } from '../../engine/model.ts';
import Choice from './Choice.astro';
import Decision from './Decision.astro';
import Discuss from './Discuss.astro';
import Ending from './Ending.astro';
import Feedback from './Feedback.astro';
import Scene from './Scene.astro';
import Why from './Why.astro';

/** The components a scenario file may use; passed to its <Content />, so authors import nothing. */
export const scenarioComponents = { Scene, Choice, Feedback, Decision, Why, Ending, Discuss } satisfies Record<
  ScenarioComponent,
  unknown
>;
