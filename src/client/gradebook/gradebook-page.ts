import { mount, unmount } from 'svelte';
import type { GradebookCatalogue } from '../../engine/gradebook-view.ts';
import Gradebook from '../../components/gradebook/Gradebook.svelte';
import { GradebookState } from './gradebook-state.svelte.ts';

/**
 * Start the gradebook in `root` with the course it was built with: reads the stored class, draws it,
 * and reads it again when the tab comes back into view (another tab may have changed it). Returns a
 * teardown.
 */
export function startGradebook(root: HTMLElement, props: GradebookCatalogue): () => void {
  const state = new GradebookState(props);
  const app = mount(Gradebook, { target: root, props: { gradebook: state } });
  const onVisible = () => {
    if (document.visibilityState === 'visible' && !state.damaged) void state.load();
  };
  document.addEventListener('visibilitychange', onVisible);
  void state.load();
  return () => {
    document.removeEventListener('visibilitychange', onVisible);
    void unmount(app);
  };
}
