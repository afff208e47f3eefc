import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import {
  filesForPage,
  isInstructorPage,
  isOfflineOnly,
  preparePackagePage,
  referencedFiles,
  scorm12Manifest,
  scorm2004Manifest,
  type PackageSpec,
} from '../../../src/authoring/lms-package.ts';

const XSD = 'src/authoring/scorm-xsd';
const unit = (id: string, passingScore = 80) => ({
  id,
  title: `Keys & "locks" ${id}`,
  href: `scenarios/${id}/index.html`,
  passingScore,
  files: ['_astro/a.js'],
});
const single: PackageSpec = {
  identifier: 'mp201-keys',
  title: 'Keys',
  units: [unit('keys', 75)],
  shared: ['favicon.svg', '_astro/a.js'],
};
const course: PackageSpec = {
  identifier: 'mp201-course',
  title: 'Course',
  units: [unit('keys'), unit('9-lives')],
  assets: [{ id: 'home', title: 'About', href: 'index.html' }],
  shared: ['index.html', '_astro/a.js'],
};

/** Validate a manifest against the published ADL/IMS schemas (a wrapper schema imports each namespace). */
async function validate(xml: string, folder: string, imports: Record<string, string>) {
  const dir = path.join(XSD, folder);
  const wrapper = `<?xml version="1.0"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
${Object.entries(imports)
  .map(([ns, file]) => `  <xsd:import namespace="${ns}" schemaLocation="${file}"/>`)
  .join('\n')}
</xsd:schema>`;
  const result = await validateXML({
    xml: [{ fileName: 'imsmanifest.xml', contents: xml }],
    schema: [{ fileName: 'wrapper.xsd', contents: wrapper }],
    preload: readdirSync(dir).map((fileName) => ({
      fileName,
      contents: readFileSync(path.join(dir, fileName), 'utf8'),
    })),
  });
  return result.errors.map((e) => e.message);
}

const SCORM12 = {
  'http://www.imsproject.org/xsd/imscp_rootv1p1p2': 'imscp_rootv1p1p2.xsd',
  'http://www.adlnet.org/xsd/adlcp_rootv1p2': 'adlcp_rootv1p2.xsd',
};
const SCORM2004 = {
  'http://www.imsglobal.org/xsd/imscp_v1p1': 'imscp_v1p1.xsd',
  'http://www.adlnet.org/xsd/adlcp_v1p3': 'adlcp_v1p3.xsd',
  'http://www.adlnet.org/xsd/adlseq_v1p3': 'adlseq_v1p3.xsd',
  'http://www.adlnet.org/xsd/adlnav_v1p3': 'adlnav_v1p3.xsd',
  'http://www.imsglobal.org/xsd/imsss': 'imsss_v1p0.xsd',
};

describe('SCORM 1.2 manifest', () => {
  it.each([
    ['single SCO', single],
    ['whole course', course],
  ] as const)('%s is valid against the published ADL SCORM 1.2 schemas', async (_, spec) => {
    expect(await validate(scorm12Manifest(spec), 'scorm12', SCORM12)).toEqual([]);
  });

  it('launches each scenario as a SCO with its pass mark as the mastery score', () => {
    const xml = scorm12Manifest(single);
    expect(xml).toContain('<schemaversion>1.2</schemaversion>');
    expect(xml).toContain('<adlcp:masteryscore>75</adlcp:masteryscore>');
    expect(xml).toContain('adlcp:scormtype="sco" href="scenarios/keys/index.html?lms=scorm12"');
    expect(xml).toContain('<title>Keys &amp; &quot;locks&quot; keys</title>');
  });

  it('rejects what the schema forbids (the check can fail)', async () => {
    const broken = scorm12Manifest(single).replace(
      '<organizations default="org">',
      '<organizations default="org"><oops/>',
    );
    expect((await validate(broken, 'scorm12', SCORM12)).length).toBeGreaterThan(0);
  });
});

describe('SCORM 2004 4th edition manifest', () => {
  it.each([
    ['single SCO', single],
    ['whole course', course],
  ] as const)('%s is valid against the published ADL SCORM 2004 4th edition schemas', async (_, spec) => {
    expect(await validate(scorm2004Manifest(spec), 'scorm2004', SCORM2004)).toEqual([]);
  });

  it('rejects sequencing in the wrong order (the check reaches the imsss schema)', async () => {
    const broken = scorm2004Manifest(single).replace(
      '<imsss:sequencing>\n          <imsss:objectives>',
      '<imsss:sequencing>\n          <imsss:deliveryControls/>\n          <imsss:objectives>',
    );
    expect(broken).not.toBe(scorm2004Manifest(single));
    expect((await validate(broken, 'scorm2004', SCORM2004)).length).toBeGreaterThan(0);
  });

  it('says 4th edition, satisfies by the pass mark, and lets the learner choose and re-enter', () => {
    const xml = scorm2004Manifest(single);
    expect(xml).toContain('<schemaversion>2004 4th Edition</schemaversion>');
    expect(xml).toContain('satisfiedByMeasure="true"');
    expect(xml).toContain('<imsss:minNormalizedMeasure>0.75</imsss:minNormalizedMeasure>');
    expect(xml).toContain('<imsss:controlMode choice="true" flow="true"/>');
    expect(xml).toContain('adlcp:scormType="sco" href="scenarios/keys/index.html?lms=scorm2004"');
  });

  it('gives every scenario its own item, with XML ids even for ids that start with a digit', () => {
    const xml = scorm2004Manifest(course);
    expect(xml).toContain('identifier="id-item-9-lives"');
    expect(xml.match(/adlcp:scormType="sco"/g)).toHaveLength(2);
    expect(xml).toContain('<imsss:deliveryControls tracked="false"/>');
  });
});

describe('package files', () => {
  const site: Record<string, string> = {
    'scenarios/keys/index.html':
      '<link rel="icon" href="../../favicon.svg"><link rel="manifest" href="../../manifest.webmanifest"><link rel="stylesheet" href="../../_astro/Base.css"><script type="module" src="../../_astro/page.js"></script>',
    '_astro/Base.css': 'body{background:url(./bg.svg)}',
    '_astro/bg.svg': '<svg/>',
    '_astro/page.js': 'import{a}from"./shared.js";const b=()=>import("./bridge.js");',
    '_astro/shared.js': 'export const a=1;',
    '_astro/bridge.js': 'import"./shared.js";',
    '_astro/unused.js': '',
    'favicon.svg': '<svg/>',
    'manifest.webmanifest': '{}',
  };
  it('are the page’s own assets, followed through imports (dynamic ones too), without the web-app manifest', () => {
    expect(filesForPage('scenarios/keys/index.html', (f) => site[f])).toEqual([
      '_astro/Base.css',
      '_astro/bg.svg',
      '_astro/bridge.js',
      '_astro/page.js',
      '_astro/shared.js',
      'favicon.svg',
    ]);
  });

  it('never include the service worker', () => {
    expect(
      [
        'sw.js',
        'workbox-1a2b.js',
        'offline-files.json',
        'offline/index.html',
        'manifest.webmanifest',
        'index.html',
        '_astro/sw-like.js',
      ].filter(isOfflineOnly),
    ).toEqual(['sw.js', 'workbox-1a2b.js', 'offline-files.json', 'offline/index.html', 'manifest.webmanifest']);
  });

  it('leave the instructors’ answer keys, drills and gradebook out of a course package', () => {
    expect(
      [
        'scenarios/keys/map/index.html',
        'scenarios/keys/index.html',
        'drill/keys/index.html',
        'gradebook/index.html',
        'lessons/index.html',
      ].filter((f) => !isInstructorPage(f)),
    ).toEqual(['scenarios/keys/index.html', 'lessons/index.html']);
  });

  it('resolve folder links to their index page', () => {
    expect(referencedFiles('lessons/index.html', '<a href="../sop/">x</a> <a href="https://x.org/">y</a>')).toEqual([
      'sop/index.html',
    ]);
  });
});

describe('preparePackagePage', () => {
  const html = `<head><link rel="manifest" href="../../manifest.webmanifest"></head><body>
<header class="site-header"><nav><a href="../../">Home</a></nav></header>
<main><p class="meta" data-package-drop><a href="map/">Map and answer key</a></p><p><a href="../../scenarios/keys/map/">Map</a> · <a href="../other/">Other</a> · <a href="#step-2">Step</a> · <a href="https://example.org/">Out</a></p></main>
<footer class="site-footer"><p>Footer</p></footer></body>`;
  const prepared = preparePackagePage(html, 'scenarios/keys/index.html', (f) => f === 'scenarios/other/index.html');

  it('drops the manifest link, the site header and footer, and the answer-key link', () => {
    expect(prepared).not.toContain('manifest');
    expect(prepared).not.toContain('answer key');
    expect(prepared).not.toContain('site-header');
    expect(prepared).not.toContain('Footer');
  });

  it('puts the LMS bridge ahead of the player’s script on a scenario page, and only there', () => {
    const page = '<div data-player></div><script type="module" src="../../_astro/page.js"></script>';
    expect(preparePackagePage(page, 'scenarios/keys/index.html', () => true)).toBe(
      '<div data-player></div><script type="module" src="../../_lms/bridge.js"></script><script type="module" src="../../_astro/page.js"></script>',
    );
    const other = '<script type="module" src="_astro/home.js"></script>';
    expect(preparePackagePage(other, 'index.html', () => true)).toBe(other);
  });

  it('points links inside the package at index.html and keeps only the text of links that lead out of it', () => {
    expect(prepared).toContain('<a href="../other/index.html">Other</a>');
    expect(prepared).toContain('<p>Map · ');
    expect(prepared).toContain('<a href="#step-2">Step</a>');
    expect(prepared).toContain('<a href="https://example.org/">Out</a>');
  });
});
