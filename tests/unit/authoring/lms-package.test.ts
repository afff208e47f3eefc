import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import {
  CMI5_NAMESPACE,
  cmi5CourseStructure,
  DEFAULT_ACTIVITY_BASE,
  filesForPage,
  isInstructorPage,
  isOfflineOnly,
  preparePackagePage,
  referencedFiles,
  SCORM_NAMESPACES,
  scorm12Manifest,
  scorm2004Manifest,
  type PackageSpec,
} from '../../../src/authoring/lms-package.ts';

const XSD = 'src/authoring/scorm-xsd';
const unit = (id: string, passingScore = 80) => ({
  id,
  title: `Keys & "locks" ${id}`,
  summary: `What to do with the keys of ${id}.`,
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

const schemaFiles = (kind: keyof typeof SCORM_NAMESPACES) =>
  Object.fromEntries(SCORM_NAMESPACES[kind].map(([, ns, file]) => [ns, file]));
const SCORM12 = schemaFiles('scorm12');
const SCORM2004 = schemaFiles('scorm2004');

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

/**
 * No registry package carries the cmi5 course structure schema (CourseStructure.xsd): the npm
 * packages for cmi5 (@xapi/cmi5) ship none, so these tests check what the schema requires
 * explicitly, element by element, by parsing the XML (cmi5 section 13.1).
 */
describe('cmi5 course structure (cmi5.xml)', () => {
  const BASE = 'https://training.example.org/mp201/';
  /** Parse with a real XML parser (xmllint) so malformed XML fails, and read it back as a DOM-free tree. */
  async function wellFormed(xml: string) {
    const result = await validateXML({
      xml: [{ fileName: 'cmi5.xml', contents: xml }],
      schema: [
        {
          fileName: 'any.xsd',
          contents: `<?xml version="1.0"?><xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="${CMI5_NAMESPACE}" elementFormDefault="qualified"><xsd:element name="courseStructure"><xsd:complexType><xsd:sequence><xsd:any processContents="lax" minOccurs="1" maxOccurs="unbounded" namespace="##targetNamespace"/></xsd:sequence></xsd:complexType></xsd:element></xsd:schema>`,
        },
      ],
    });
    return result.errors.map((e) => e.message);
  }
  const aus = (xml: string) => [...xml.matchAll(/<au ([^>]*)>([\s\S]*?)<\/au>/g)];
  const attr = (attrs: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(attrs)?.[1];

  it.each([
    ['single AU', single, 1],
    ['whole course', course, 2],
  ] as const)('%s is well-formed XML in the cmi5 namespace with one AU per scenario', async (_, spec, count) => {
    const xml = cmi5CourseStructure(spec, BASE);
    expect(await wellFormed(xml)).toEqual([]);
    expect(xml).toContain(`<courseStructure xmlns="${CMI5_NAMESPACE}">`);
    expect(aus(xml)).toHaveLength(count);
  });

  it('has what the schema requires: a course with an id, title and description, and each AU with an id, title, description and url', () => {
    const xml = cmi5CourseStructure(course, BASE);
    const courseElement = /<course id="([^"]+)">([\s\S]*?)<\/course>/.exec(xml);
    expect(courseElement?.[1]).toBe(`${BASE}course/mp201-course`);
    expect(courseElement?.[2]).toMatch(/<title><langstring lang="en-US">Course<\/langstring><\/title>/);
    expect(courseElement?.[2]).toMatch(/<description><langstring lang="en-US">[^<]+<\/langstring><\/description>/);
    for (const [, attrs, body] of aus(xml)) {
      // The schema's order inside an AU: title, description, (objectives), url.
      expect(body!.replace(/\s+/g, ' ').trim()).toMatch(
        /^<title><langstring lang="en-US">[^<]+<\/langstring><\/title> <description><langstring lang="en-US">[^<]+<\/langstring><\/description> <url>[^<]+<\/url>$/,
      );
      expect(attr(attrs!, 'id')).toMatch(new RegExp(`^${BASE}au/`));
      expect(attr(attrs!, 'moveOn')).toBe('CompletedAndPassed');
      expect(attr(attrs!, 'launchMethod')).toBe('AnyWindow');
    }
  });

  it('gives each AU its pass mark as a 0..1 mastery score and launches it with ?lms=cmi5', () => {
    const [au] = aus(cmi5CourseStructure(single, BASE));
    expect(attr(au![1]!, 'masteryScore')).toBe('0.75');
    expect(au![2]).toContain('<url>scenarios/keys/index.html?lms=cmi5</url>');
    expect(au![2]).toContain('<title><langstring lang="en-US">Keys &amp; &quot;locks&quot; keys</langstring></title>');
  });

  it('puts every activity id under one base, an IRI by default too', () => {
    const ids = [...cmi5CourseStructure(course, DEFAULT_ACTIVITY_BASE).matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual([
      `${DEFAULT_ACTIVITY_BASE}course/mp201-course`,
      `${DEFAULT_ACTIVITY_BASE}au/keys`,
      `${DEFAULT_ACTIVITY_BASE}au/9-lives`,
    ]);
    expect(DEFAULT_ACTIVITY_BASE).toMatch(/^[a-z][a-z0-9+.-]*:/);
  });

  it('the well-formedness check can fail', async () => {
    expect((await wellFormed(cmi5CourseStructure(single, BASE).replace('</au>', ''))).length).toBeGreaterThan(0);
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
