import type { ScormVersion } from './scorm-values.ts';

/** The calls the course makes, the same for both SCORM versions. */
export interface ScormApi {
  initialize(): boolean;
  get(key: string): string;
  set(key: string, value: string): boolean;
  commit(): boolean;
  terminate(): boolean;
  /** The LMS's last error as `code: text`, or '' when there was none. */
  lastError(): string;
}

/** The names of the same six calls in each version's API object. */
const CALLS = {
  scorm12: [
    'LMSInitialize',
    'LMSGetValue',
    'LMSSetValue',
    'LMSCommit',
    'LMSFinish',
    'LMSGetLastError',
    'LMSGetErrorString',
  ],
  scorm2004: ['Initialize', 'GetValue', 'SetValue', 'Commit', 'Terminate', 'GetLastError', 'GetErrorString'],
} as const;

const API_NAMES: Record<ScormVersion, string> = { scorm12: 'API', scorm2004: 'API_1484_11' };

/** The object named `name` on `win` or one of its parents (at most 10 levels), if the browser lets us see it. */
function searchUp(win: Window | null, name: string): unknown {
  for (let depth = 0; win && depth < 10; depth++) {
    try {
      const found = (win as unknown as Record<string, unknown>)[name];
      if (found) return found;
    } catch {
      // A frame from another origin: its API is out of reach, keep climbing.
    }
    if (win.parent === win) break;
    win = win.parent;
  }
  return undefined;
}

/**
 * Find the LMS's API by the standard search (ADL's): this window and its parents, then the window
 * that opened it and that window's parents. Returns undefined when no LMS is there.
 */
export function findScormApi(version: ScormVersion, from: Window = window): ScormApi | undefined {
  const name = API_NAMES[version];
  let found = searchUp(from, name);
  if (!found) {
    try {
      found = searchUp(from.top?.opener ?? from.opener, name);
    } catch {
      found = undefined;
    }
  }
  if (!found) return undefined;
  return wrap(found as Record<string, (...args: string[]) => unknown>, CALLS[version]);
}

const ok = (result: unknown) => String(result) === 'true';

/** The course's calls on an LMS API object whose methods are named `names`. */
function wrap(api: Record<string, (...args: string[]) => unknown>, names: (typeof CALLS)[ScormVersion]): ScormApi {
  const [init, get, set, commit, finish, lastError, errorString] = names.map((n) => api[n]!.bind(api));
  return {
    initialize: () => ok(init!('')),
    get: (k) => String(get!(k) ?? ''),
    set: (k, v) => ok(set!(k, v)),
    commit: () => ok(commit!('')),
    terminate: () => ok(finish!('')),
    lastError: () => {
      const code = String(lastError!());
      return code === '0' ? '' : `${code}: ${String(errorString!(code))}`;
    },
  };
}
