import { currentStep, migrateSnapshot, reviewState } from './saved-snapshot.ts';
import type { Answer } from './score.ts';

/**
 * The migration of a drill in progress saved before modes were states. Apart from drill-machine.ts so
 * that the drill store can read old drills without loading XState.
 */

type Persisted = { status?: unknown; value?: unknown; context?: Record<string, unknown>; [field: string]: unknown };

/**
 * Bring a drill machine snapshot persisted before modes were states (its scenario child in the flat
 * shape of storage version 3) to this drill machine, so the drill resumes at the same stage: undefined
 * when it cannot be read. A snapshot whose child already has the current shape comes back unchanged.
 *
 * The drill's stage says what the old child could not: in `review` the child shows the feedback on the
 * last answer (it had already moved to the next step, an ending included); in `ending` the ending is on
 * screen and not yet left; at every other stage the child waits for an answer at its step. The drill's
 * own `step` and `played` mirror the child, so they follow it.
 */
export function migrateDrillSnapshot(saved: unknown): unknown {
  const drill = saved as (Persisted & { children?: Record<string, { snapshot?: Persisted } | undefined> }) | null;
  const wrapper = drill?.children?.scenario;
  const child = wrapper?.snapshot;
  // No child (a drill not yet started or already finished), or a child of the current shape.
  if (!drill || !child?.context || !('reviewing' in child.context)) return saved;
  const { reviewing: _reviewing, ...context } = child.context;
  const { path, answers } = context as { path?: unknown; answers?: unknown };
  if (!Array.isArray(path) || !Array.isArray(answers)) return undefined;
  const { output: _output, ...kept } = child;
  const value = drill.value as { running?: unknown } | undefined;
  const stage = typeof value === 'object' ? value.running : undefined;
  const last = answers.at(-1) as Answer | undefined;
  const migrated =
    stage === 'review' && last
      ? {
          ...kept,
          status: 'active',
          value: { [last.step]: reviewState(last) },
          context: { ...context, draft: {}, path: path.slice(0, -1) },
        }
      : stage === 'ending'
        ? { ...kept, status: 'active', value: path.at(-1), context: { ...context, draft: {} } }
        : (migrateSnapshot({ ...kept, context: { ...context, reviewing: false } }) as Persisted | undefined);
  if (!migrated) return undefined;
  const scenario = migrated as { value: unknown; context: { path: string[]; answers: Answer[] } };
  return {
    ...drill,
    context: {
      ...drill.context,
      step: currentStep(scenario),
      played: { path: scenario.context.path, answers: scenario.context.answers },
    },
    children: { ...drill.children, scenario: { ...wrapper, snapshot: migrated } },
  };
}
