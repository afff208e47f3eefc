import { mount, unmount } from 'svelte';
import { CertificateState } from './certificate-state.svelte.ts';
import CertificateView from '../../components/progress/CertificateView.svelte';
import type { CertificatePageProps } from './props.ts';

/**
 * Start the certificate page in `root`: read this browser's results, re-score them and render the
 * certificate or what is still to pass. Returns a teardown; nothing runs on import.
 */
export function startCertificatePage(root: HTMLElement, props: CertificatePageProps): () => void {
  const app = mount(CertificateView, { target: root, props: { page: new CertificateState(props) } });
  root.dataset.ready = '';
  return () => void unmount(app);
}
