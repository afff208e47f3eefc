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

interface Api12 {
  LMSInitialize(x: ''): string;
  LMSGetValue(k: string): string;
  LMSSetValue(k: string, v: string): string;
  LMSCommit(x: ''): string;
  LMSFinish(x: ''): string;
  LMSGetLastError(): string;
  LMSGetErrorString(code: string): string;
}
interface Api2004 {
  Initialize(x: ''): string;
  GetValue(k: string): string;
  SetValue(k: string, v: string): string;
  Commit(x: ''): string;
  Terminate(x: ''): string;
  GetLastError(): string;
  GetErrorString(code: string): string;
}

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
  return version === 'scorm12' ? wrap12(found as Api12) : wrap2004(found as Api2004);
}

const ok = (result: unknown) => String(result) === 'true';

function wrap12(api: Api12): ScormApi {
  return {
    initialize: () => ok(api.LMSInitialize('')),
    get: (k) => String(api.LMSGetValue(k) ?? ''),
    set: (k, v) => ok(api.LMSSetValue(k, v)),
    commit: () => ok(api.LMSCommit('')),
    terminate: () => ok(api.LMSFinish('')),
    lastError: () => {
      const code = String(api.LMSGetLastError());
      return code === '0' ? '' : `${code}: ${api.LMSGetErrorString(code)}`;
    },
  };
}

function wrap2004(api: Api2004): ScormApi {
  return {
    initialize: () => ok(api.Initialize('')),
    get: (k) => String(api.GetValue(k) ?? ''),
    set: (k, v) => ok(api.SetValue(k, v)),
    commit: () => ok(api.Commit('')),
    terminate: () => ok(api.Terminate('')),
    lastError: () => {
      const code = String(api.GetLastError());
      return code === '0' ? '' : `${code}: ${api.GetErrorString(code)}`;
    },
  };
}
