/**
 * The LMS bridge: a script `npm run package` bundles on its own (scripts/package.ts) and adds to
 * packaged pages ahead of the player. It leaves a starter on `globalThis` that connectLms calls, so
 * the standalone site carries none of this code.
 */
import { LMS_GLOBAL, offline, type LmsStarter } from './connect.ts';
import { findScormApi } from './scorm-api.ts';
import { startScormSession } from './scorm-session.ts';

const start: LmsStarter = (kind, scenario, hash) =>
  kind === 'scorm12' || kind === 'scorm2004'
    ? startScormSession(kind, scenario, hash, findScormApi(kind))
    : offline(
        `This page was opened for an LMS this course does not know ("${kind}"), so your progress is kept only in this browser.`,
      );

(globalThis as Record<string, unknown>)[LMS_GLOBAL] = start;
