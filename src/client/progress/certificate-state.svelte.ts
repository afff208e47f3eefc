import { certificateView, type CertificateView } from '../../engine/certificate.ts';
import { loadLearnerData } from '../../lib/progress-data.ts';
import type { CertificatePageProps } from './props.ts';

/**
 * The certificate page's state: the learner's results as read from this browser when the page
 * opened. What the certificate says comes from `certificateView` in the engine.
 */
export class CertificateState {
  data = $state.raw(loadLearnerData());
  /** When the page opened (ms): the issue date, and the moment attempts are checked against. */
  readonly now = Date.now();
  readonly view: CertificateView;

  constructor(props: CertificatePageProps) {
    this.view = $derived(certificateView(this.data, props, this.now));
  }

  /** Print the certificate, or save it as PDF from the print dialog. */
  print(): void {
    window.print();
  }
}
