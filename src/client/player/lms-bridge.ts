/**
 * The LMS bridge: a script `npm run package` bundles on its own (scripts/package.ts) and adds to
 * packaged pages ahead of the player. It leaves a starter on `globalThis` that connectLms calls, so
 * the standalone site carries none of this code.
 */
import { showNotice } from './enhance.ts';
import { readLaunch } from '../../lib/lms/cmi5-statements.ts';
import { EXIT_LABEL, startCmi5Session } from '../../lib/lms/cmi5-session.ts';
import { LMS_GLOBAL, offline, type LmsStarter } from '../../lib/lms/connect.ts';
import { findScormApi } from '../../lib/lms/scorm-api.ts';
import { startScormSession } from '../../lib/lms/scorm-session.ts';

/** Put a link to the LMS's returnURL on the score card; following it ends the session first. */
function offerExit(returnURL: string, exit: () => void) {
  for (const actions of document.querySelectorAll('[data-player] .actions')) {
    const link = Object.assign(document.createElement('a'), { href: returnURL, textContent: EXIT_LABEL });
    link.addEventListener('click', (event) => {
      event.preventDefault();
      exit();
      location.assign(returnURL);
    });
    actions.append(' ', link);
  }
}

const start: LmsStarter = (kind, scenario, hash) => {
  if (kind === 'scorm12' || kind === 'scorm2004') return startScormSession(kind, scenario, hash, findScormApi(kind));
  const launch = kind === 'cmi5' ? readLaunch(location.search) : undefined;
  if (launch) {
    const root = document.querySelector<HTMLElement>('[data-player]');
    return startCmi5Session(launch, scenario, hash, {
      net: (...args) => fetch(...args),
      store: sessionStorage,
      now: Date.now,
      uuid: () => crypto.randomUUID(),
      tell: (text) => root && showNotice(root, text),
      offerExit,
    });
  }
  return offline(
    kind === 'cmi5'
      ? 'This page was opened for cmi5 without its launch parameters, so your progress is kept only in this browser.'
      : `This page was opened for an LMS this course does not know ("${kind}"), so your progress is kept only in this browser.`,
  );
};

(globalThis as Record<string, unknown>)[LMS_GLOBAL] = start;
