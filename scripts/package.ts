/**
 * `npm run package`: LMS packages from the built site (`dist/`) into `dist-packages/`:
 * for SCORM 1.2, SCORM 2004 4th edition and cmi5, one single-unit package per scenario and one
 * whole-course package (every scenario a SCO or AU; in SCORM the home page, lessons and procedure
 * as untracked pages). No service worker goes into a package. Prints each package's size.
 * cmi5 activity ids are IRIs under `CMI5_ACTIVITY_BASE` (default: DEFAULT_ACTIVITY_BASE).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { zipSync, type Zippable } from 'fflate';
import {
  BRIDGE_FILE,
  cmi5CourseStructure,
  DEFAULT_ACTIVITY_BASE,
  filesForPage,
  isInstructorPage,
  isOfflineOnly,
  PACKAGE_KINDS,
  preparePackagePage,
  scorm12Manifest,
  scorm2004Manifest,
  type PackageKind,
  type PackageSpec,
  type PackageUnit,
} from '../src/authoring/lms-package.ts';
import { compileScenario } from '../src/authoring/compile.ts';
import { scenarioFiles } from '../src/authoring/lint.ts';

const DIST = path.resolve(process.argv[2] ?? 'dist');
const OUT = path.resolve(process.argv[3] ?? 'dist-packages');
const COURSE = 'M.P. 201.00 Customer Service Trainer';
const COURSE_SUMMARY =
  'Branching scenarios on Phoenix Regional M.P. 201.00 Customer Service Management, scored on the empowerment test.';
const ACTIVITY_BASE = process.env.CMI5_ACTIVITY_BASE || DEFAULT_ACTIVITY_BASE;

if (!/^[a-z][a-z0-9+.-]*:\S+$/i.test(ACTIVITY_BASE)) {
  console.error(
    `CMI5_ACTIVITY_BASE must be an IRI such as https://training.example.org/mp201/ but is "${ACTIVITY_BASE}".`,
  );
  process.exit(1);
}

if (!existsSync(path.join(DIST, 'index.html'))) {
  console.error(`No built site in ${DIST}: run npm run build first (npm run package does).`);
  process.exit(1);
}

function walk(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const rel = prefix ? `${prefix}/${name}` : name;
    return statSync(path.join(dir, name)).isDirectory() ? walk(path.join(dir, name), rel) : [rel];
  });
}
const all = walk(DIST).filter((f) => !isOfflineOnly(f) && !isInstructorPage(f));
const read = (file: string) => {
  const full = path.join(DIST, file);
  return existsSync(full) && statSync(full).isFile() ? readFileSync(full, 'utf8') : undefined;
};

const scenarios = scenarioFiles('scenarios').flatMap((file) => {
  const { scenario } = compileScenario(file);
  return scenario ? [scenario] : [];
});
const unitFor = (s: (typeof scenarios)[number]): PackageUnit => {
  const href = `scenarios/${s.id}/index.html`;
  if (!read(href)) throw new Error(`${href} is missing from ${DIST}: rebuild the site.`);
  return {
    id: s.id,
    title: s.frontmatter.title,
    summary: s.frontmatter.summary,
    href,
    passingScore: s.frontmatter.passingScore,
    files: filesForPage(href, read),
  };
};
const units = scenarios.map(unitFor);
// A scenario counts only when the LMS launches it (with ?lms=…), so no page links to one: learners
// start scenarios from the LMS's own list.
const launched = new Set(units.map((u) => u.href));

// The LMS bridge, bundled on its own so that the standalone site carries none of it.
const bridged = await build({
  entryPoints: ['src/client/player/lms-bridge.ts'],
  bundle: true,
  format: 'esm',
  minify: true,
  target: 'es2022',
  write: false,
  legalComments: 'none',
});
const bridge = bridged.outputFiles[0]!.contents;

/** The published schemas a manifest refers to, shipped beside it as SCORM packages customarily do. */
const XSD = path.resolve('src/authoring/scorm-xsd');
const schemas = (kind: PackageKind): Zippable =>
  Object.fromEntries(
    readdirSync(path.join(XSD, kind)).map((f) => [f, new Uint8Array(readFileSync(path.join(XSD, kind, f)))]),
  );

const encode = (text: string) => new TextEncoder().encode(text);

/** A package's description of itself: the SCORM manifest with its schemas, or cmi5.xml. */
function manifestFiles(kind: PackageKind, spec: PackageSpec): Zippable {
  if (kind === 'cmi5') return { 'cmi5.xml': encode(cmi5CourseStructure(spec, ACTIVITY_BASE)) };
  const manifest = kind === 'scorm12' ? scorm12Manifest(spec) : scorm2004Manifest(spec);
  return { ...schemas(kind), 'imsmanifest.xml': encode(manifest) };
}

/** Zip a package: its files (pages prepared for the package), the manifest and its schemas. */
function zip(name: string, kind: PackageKind, files: string[], spec: PackageSpec): number {
  const inPackage = new Set(files);
  const entries: Zippable = manifestFiles(kind, spec);
  entries[BRIDGE_FILE] = bridge;
  for (const file of files) {
    const bytes = readFileSync(path.join(DIST, file));
    entries[file] = file.endsWith('.html')
      ? encode(preparePackagePage(bytes.toString('utf8'), file, (f) => inPackage.has(f) && !launched.has(f)))
      : new Uint8Array(bytes);
  }
  const data = zipSync(entries, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') });
  writeFileSync(path.join(OUT, name), data);
  return data.length;
}

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const sizes: [string, number][] = [];
for (const kind of PACKAGE_KINDS) {
  for (const unit of units) {
    const files = [unit.href, 'favicon.svg', ...unit.files.filter((f) => f !== 'favicon.svg')];
    const spec: PackageSpec = {
      identifier: `mp201-${unit.id}`,
      title: unit.title,
      summary: unit.summary,
      units: [unit],
      shared: [...files.slice(1), BRIDGE_FILE],
    };
    const name = `${unit.id}.${kind}.zip`;
    sizes.push([name, zip(name, kind, files, spec)]);
  }
  const assets = [
    { id: 'home', title: 'About this course', href: 'index.html' },
    { id: 'lessons', title: 'Lessons', href: 'lessons/index.html' },
    { id: 'sop', title: 'The procedure (M.P. 201.00)', href: 'sop/index.html' },
  ];
  const unitPages = new Set(units.map((u) => u.href));
  const spec: PackageSpec = {
    identifier: 'mp201-course',
    title: COURSE,
    summary: COURSE_SUMMARY,
    units,
    assets,
    shared: [...all.filter((f) => !unitPages.has(f)), BRIDGE_FILE],
  };
  const name = `course.${kind}.zip`;
  sizes.push([name, zip(name, kind, all, spec)]);
}

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
console.log(`LMS bridge: ${(gzipSync(bridge).length / 1024).toFixed(1)} KB gzip, in packages only`);
for (const [name, size] of sizes) console.log(`${name.padEnd(50)} ${kb(size).padStart(8)}`);
console.log(`\n${sizes.length} packages in ${path.relative(process.cwd(), OUT)}/`);
