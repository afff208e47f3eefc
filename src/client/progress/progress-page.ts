import { mount, unmount } from 'svelte';
import { ProgressState } from './progress-state.svelte.ts';
import ProgressView from '../../components/progress/ProgressView.svelte';
import type { ProgressPageProps } from './props.ts';

/**
 * Start My progress in `root`: read this browser's results into the page's state and render the
 * view. Returns a teardown. Nothing runs on import; the page's entry calls this with checked props.
 */
export function startProgressPage(root: HTMLElement, props: ProgressPageProps): () => void {
  const state = new ProgressState(props);
  const app = mount(ProgressView, { target: root, props: { page: state } });
  root.dataset.ready = '';
  return () => void unmount(app);
}
