import { readFileSync } from 'node:fs';
import { expect, test, type Browser, type BrowserContext, type FrameLocator, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { choose, contentType, decide } from './lms-helpers.ts';

/**
 * The SCORM packages in a stand-in LMS: scorm-again (an LMS-side SCORM 1.2/2004 runtime) on a
 * harness page that frames the package's launch address, as an LMS player does. The package is
 * served from its zip (built by `npm run package`), at an origin of its own.
 */
const ORIGIN = 'http://lms.test';
const SCENARIO = 'mower-at-115';
const VERSIONS = {
  scorm12: { script: 'scorm12.min.js', api: 'API', make: 'new Scorm12API({ autocommit: false, logLevel: 5 })' },
  scorm2004: {
    script: 'scorm2004.min.js',
    api: 'API_1484_11',
    make: 'new Scorm2004API({ autocommit: false, logLevel: 5 })',
  },
} as const;
type Version = keyof typeof VERSIONS;
type Cmi = Record<string, unknown>;

function packageFiles(version: Version): Record<string, Uint8Array> {
  return unzipSync(readFileSync(`dist-packages/${SCENARIO}.${version}.zip`));
}

/** The launch address the manifest gives the scenario's SCO. */
function launchHref(files: Record<string, Uint8Array>): string {
  const manifest = new TextDecoder().decode(files['imsmanifest.xml']);
  const href = /scormtype="sco" href="([^"]+)"/i.exec(manifest)?.[1];
  if (!href) throw new Error('no SCO in the manifest');
  return href.replace(/&amp;/g, '&');
}

/**
 * Open the harness: the LMS API (restored from `saved`, as an LMS does on relaunch) and the package
 * in a frame. `failCommits` makes every commit fail until the test sets it back.
 */
async function launch(
  browser: Browser,
  version: Version,
  saved?: Cmi,
  reuse?: BrowserContext,
  reusePage?: Page,
): Promise<{ page: Page; frame: FrameLocator }> {
  const files = packageFiles(version);
  const v = VERSIONS[version];
  const context = reuse ?? (await browser.newContext());
  await context.unrouteAll();
  await context.route(`${ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/harness.html')
      return route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><title>LMS</title>
<script src="/lms/${v.script}"></script>
<script>
  window.${v.api} = ${v.make};
  if (window.savedCmi) window.${v.api}.loadFromJSON(window.savedCmi);
  const realCommit = window.${v.api}.${version === 'scorm12' ? 'LMSCommit' : 'Commit'}.bind(window.${v.api});
  // A commit that fails keeps nothing: the LMS holds what its last good commit held.
  window.${v.api}.${version === 'scorm12' ? 'LMSCommit' : 'Commit'} = (x) => {
    if (window.failCommits) return 'false';
    const result = realCommit(x);
    window.committed = JSON.parse(JSON.stringify(window.${v.api}.renderCMIToJSONObject().cmi));
    return result;
  };
</script>
<iframe title="Course" src="/pkg/${launchHref(files)}" style="width:100%;height:95vh"></iframe></html>`,
      });
    if (url.pathname.startsWith('/lms/'))
      return route.fulfill({
        body: readFileSync(`node_modules/scorm-again/dist/${url.pathname.slice(5)}`),
        contentType: 'text/javascript',
      });
    const file = files[decodeURIComponent(url.pathname.replace(/^\/pkg\//, ''))];
    if (!file) return route.fulfill({ status: 404, body: 'not in the package' });
    return route.fulfill({ body: Buffer.from(file), contentType: contentType(url.pathname) });
  });
  const page = reusePage ?? (await context.newPage());
  if (saved) await page.addInitScript((cmi) => Object.assign(window, { savedCmi: cmi }), saved);
  await page.goto(`${ORIGIN}/harness.html`);
  const frame = page.frameLocator('iframe[title="Course"]');
  await expect(frame.locator('[data-player].enhanced')).toBeAttached();
  return { page, frame };
}

/** The LMS's data model, as the LMS would store it. */
const readCmi = (page: Page, version: Version) =>
  page.evaluate(
    (api) =>
      (window as unknown as Record<string, { renderCMIToJSONObject(): { cmi: Cmi } }>)[api]!.renderCMIToJSONObject()
        .cmi,
    VERSIONS[version].api,
  );

/** Close the LMS window the way a learner does (pagehide ends the session). */
async function close(page: Page, keepBrowser = false) {
  if (keepBrowser) await page.goto('about:blank');
  else await page.context().close();
}

const interactionsOf = (cmi: Cmi) => {
  const list = (cmi.interactions as { childArray?: Cmi[] } | Cmi[] | Record<string, Cmi>) ?? [];
  return (Array.isArray(list) ? list : Object.values(list).filter((x) => typeof x === 'object')) as Cmi[];
};

// Two launches and a whole scenario in a frame: slower than one page on a shared 2-core machine.
test.describe.configure({ timeout: 150_000 });

for (const version of Object.keys(VERSIONS) as Version[]) {
  test.describe(`${version} package in a stand-in LMS`, () => {
    test('play, close mid-way, relaunch in a fresh browser, finish: the LMS has score, status, every interaction', async ({
      browser,
    }) => {
      let { page, frame } = await launch(browser, version);
      // Nothing leads out of the package, and the instructors' answer key is not a click away.
      await expect(frame.getByRole('navigation', { name: 'Site' })).toHaveCount(0);
      await expect(frame.getByText(/answer key/i)).toHaveCount(0);
      await choose(frame, /^Kneel beside Walt/);
      await choose(frame, /^Tell Walt that the crew will look after the house/);
      await decide(frame, 'yyyyyyy', 'Act');
      const midway = await readCmi(page, version);
      await close(page);

      const suspend = String(midway.suspend_data);
      expect(suspend).toMatch(/^mp1\.[0-9a-f]{12}\.0-0-ayyyyyyy\.-$/);
      if (version === 'scorm12') {
        const core = midway.core as Cmi;
        expect(core.lesson_status).toBe('incomplete');
        expect(core.exit).toBe('suspend');
      } else {
        expect(midway.completion_status).toBe('incomplete');
        expect(midway.exit).toBe('suspend');
      }

      // Relaunch in a new browser context: no local storage, so the place comes from the LMS.
      ({ page, frame } = await launch(browser, version, midway));
      await expect(frame.getByText('Welcome back: the LMS kept your place.')).toBeVisible();
      await expect(frame.getByRole('heading', { level: 2, name: 'The open house' })).toBeHidden();
      await choose(frame, /^Ask Ruiz to hold on/);
      await decide(frame, 'ynynyny', 'Decline');
      await choose(frame, /^Thank Denise for looking after Walt/);
      // The LMS records the score the learner sees.
      const shown = /Your score: (\d+)%/.exec(await frame.getByText(/^Your score: \d+%/).innerText())?.[1];
      expect(Number(shown)).toBeGreaterThanOrEqual(80);
      await expect(frame.getByText('Passed: the pass mark is 80%.')).toBeVisible();
      const done = await readCmi(page, version);
      await close(page);

      const interactions = interactionsOf(done);
      // Four scene choices and two decisions of seven questions and a call, across both sessions.
      expect(interactions).toHaveLength(4 + 2 * 8);
      expect(interactions.filter((i) => String(i.id).endsWith('.call'))).toHaveLength(2);
      const results = version === 'scorm12' ? ['correct', 'wrong', 'neutral'] : ['correct', 'incorrect', 'neutral'];
      expect(interactions.every((i) => results.includes(String(i.result)))).toBe(true);
      expect(interactions.filter((i) => i.result === 'correct').length).toBeGreaterThanOrEqual(17);
      if (version === 'scorm12') {
        const core = done.core as Cmi;
        expect(core.score).toMatchObject({ raw: shown, min: '0', max: '100' });
        expect(core.lesson_status).toBe('passed');
        expect(core.session_time).toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
        expect((interactions[0] as Cmi).student_response).toBe('c0');
      } else {
        expect(done.score).toMatchObject({ raw: shown, min: '0', max: '100', scaled: String(Number(shown) / 100) });
        expect(done.completion_status).toBe('completed');
        expect(done.success_status).toBe('passed');
        expect(done.exit).toBe('normal');
        expect(done.session_time).toMatch(/^PT\d+H\d+M\d+(\.\d+)?S$/);
        expect((interactions[0] as Cmi).learner_response).toBe('c0');
      }
      expect(String(done.suspend_data).length).toBeLessThan(100);
    });

    test('an LMS that fails its commits loses no answer: the learner is told, and the answers reach it on relaunch', async ({
      browser,
    }) => {
      let { page, frame } = await launch(browser, version);
      const context = page.context();
      await choose(frame, /^Kneel beside Walt/);
      await page.evaluate(() => Object.assign(window, { failCommits: true }));
      await choose(frame, /^Tell Walt that the crew will look after the house/);
      await expect(frame.getByText('The LMS did not save your last answer')).toBeVisible();
      await decide(frame, 'yyyyyyy', 'Act');
      // What the LMS kept: the first answer only.
      const kept = (await page.evaluate(() => (window as unknown as { committed: Cmi }).committed)) as Cmi;
      expect(String(kept.suspend_data)).toMatch(/\.0\.-$/);
      await close(page, true);

      // Same browser, LMS relaunches with what it kept: this browser's copy carries on, and is sent.
      ({ page, frame } = await launch(browser, version, kept, context, page));
      await expect(frame.getByRole('heading', { level: 2, name: 'The open house' })).toBeHidden();
      await expect(frame.getByRole('link', { name: /^Ask Ruiz to hold on/ })).toBeVisible();
      const cmi = await readCmi(page, version);
      expect(String(cmi.suspend_data)).toMatch(/\.0-0-ayyyyyyy\.-$/);
      expect(interactionsOf(cmi).map((i) => i.id)).toEqual([
        'arrival.choice',
        expect.stringMatching(/\.choice$/),
        ...['customer', 'department', 'legal', 'safe', 'level', 'accountable', 'policy', 'call'].map((k) =>
          expect.stringMatching(new RegExp(`\\.${k}$`)),
        ),
      ]);
      await close(page);
    });
  });
}
