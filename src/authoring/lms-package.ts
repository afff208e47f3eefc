import path from 'node:path/posix';

/**
 * Build-time pieces of the LMS packages (`npm run package`): which built files a package needs,
 * how a page changes inside a package, the SCORM manifests and the cmi5 course structure. Pure functions over paths and
 * text; scripts/package.ts does the reading, writing and zipping.
 */

/** The LMS standards a package is built for. */
export const PACKAGE_KINDS = ['scorm12', 'scorm2004', 'cmi5'] as const;
export type PackageKind = (typeof PACKAGE_KINDS)[number];

/** One scenario as a unit an LMS tracks. */
export interface PackageUnit {
  id: string;
  title: string;
  /** One or two sentences about the unit (cmi5's AU description). */
  summary: string;
  /** The page to launch, relative to the package root (`scenarios/<id>/index.html`). */
  href: string;
  /** Percent needed to pass (the scenario's passingScore). */
  passingScore: number;
  /** Package files this unit's page needs (its HTML excluded), relative to the root. */
  files: string[];
}

/** A page of the package an LMS shows but does not track (course home, lessons). */
export interface PackageAsset {
  id: string;
  title: string;
  href: string;
}

/** What a manifest describes. */
export interface PackageSpec {
  identifier: string;
  title: string;
  /** One or two sentences about the package (cmi5's course description); the title when absent. */
  summary?: string;
  units: PackageUnit[];
  /** Untracked pages shown in the LMS's table of contents before the units. */
  assets?: PackageAsset[];
  /** Files every unit shares (assets, other pages). */
  shared: string[];
}

/** The service worker, its list of files, its offline page and the web-app manifest; a package ships none. */
export function isOfflineOnly(file: string): boolean {
  return /^(sw\.js|workbox-[^/]*\.js|offline-files\.json|offline\/index\.html|manifest\.webmanifest)$/.test(file);
}

/**
 * Pages a graded course package leaves out: the instructors' maps and answer keys, drills and the
 * gradebook (instructor tools, not a learner's).
 */
export function isInstructorPage(file: string): boolean {
  return /^(scenarios\/[^/]+\/map|drill|gradebook)\//.test(file);
}

/**
 * The package files an HTML page or a script or stylesheet refers to, resolved against `from`
 * (relative to the package root). Follows `src`, `href` and CSS `url()` in pages; static and
 * dynamic `./x.js` imports in scripts. Addresses outside the package or with a scheme are skipped.
 */
export function referencedFiles(from: string, text: string): string[] {
  const dir = path.dirname(from);
  const found = new Set<string>();
  const patterns = from.endsWith('.js')
    ? [/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g]
    : from.endsWith('.css')
      ? [/url\(\s*["']?([^"')]+)["']?\s*\)/g]
      : [/\s(?:src|href)="([^"]+)"/g];
  for (const pattern of patterns)
    for (const match of text.matchAll(pattern)) {
      const url = match[1]!.split(/[?#]/)[0]!;
      if (!url || /^[a-z]+:/i.test(url) || url.startsWith('//') || url.startsWith('/')) continue;
      const file = path.normalize(path.join(dir, url.endsWith('/') ? `${url}index.html` : url));
      if (!file.startsWith('..')) found.add(file);
    }
  return [...found].sort();
}

/**
 * Every file a page needs, following references from file to file (`read` returns a file's text, or
 * undefined when the build has no such file). Other pages it links to are not followed.
 */
export function filesForPage(page: string, read: (file: string) => string | undefined): string[] {
  const needed = new Set<string>();
  const queue = referencedFiles(page, read(page) ?? '').filter((f) => !f.endsWith('.html'));
  while (queue.length) {
    const file = queue.shift()!;
    if (needed.has(file) || isOfflineOnly(file)) continue;
    const text = read(file);
    if (text === undefined) continue;
    needed.add(file);
    if (/\.(js|css)$/.test(file)) queue.push(...referencedFiles(file, text));
  }
  return [...needed].sort();
}

/** Where a package keeps the LMS bridge script (bundled from src/client/player/lms-bridge.ts). */
export const BRIDGE_FILE = '_lms/bridge.js';

/**
 * A built page as it goes into a package: no web-app manifest link (no service worker in an LMS),
 * no site header or footer (their links lead out of the package), no paragraph marked
 * `data-package-drop` (the instructors' answer key and drill links on a scenario page), links to pages in the package
 * pointed at their `index.html` (LMS file servers rarely serve folder indexes), links to pages
 * not in the package reduced to their text, and on a scenario page the LMS bridge script ahead of
 * the player's (module scripts run in document order).
 */
export function preparePackagePage(html: string, page: string, inPackage: (file: string) => boolean): string {
  const dir = path.dirname(page);
  const bridge = `<script type="module" src="${path.relative(dir, BRIDGE_FILE)}"></script>`;
  return html
    .replace(/<script type="module"/, (first) => (html.includes('data-player') ? bridge + first : first))
    .replace(/<link rel="manifest"[^>]*>/g, '')
    .replace(/<p\b[^>]*\bdata-package-drop\b[^>]*>[\s\S]*?<\/p>/g, '')
    .replace(/<header class="site-header">[\s\S]*?<\/header>/g, '')
    .replace(/<footer class="site-footer">[\s\S]*?<\/footer>/g, '')
    .replace(
      /<a ([^>]*?)href="([^"#?]*)([^"]*)"([^>]*)>([\s\S]*?)<\/a>/g,
      (whole, before: string, url: string, rest: string, after: string, text: string) => {
        if (/^[a-z]+:/i.test(url) || url.startsWith('//') || (url === '' && rest.startsWith('#'))) return whole;
        const target = url.endsWith('/') || url === '' ? `${url}index.html` : url;
        const file = path.normalize(path.join(dir, target));
        return inPackage(file) ? `<a ${before}href="${target}${rest}"${after}>${text}</a>` : text;
      },
    );
}

const esc = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** XML ids (NCName): letters, digits, `-`, `_`, `.`, not starting with a digit. */
const xmlId = (text: string) => `id-${text.replace(/[^A-Za-z0-9_.-]/g, '_')}`;
const launch = (href: string, kind: PackageKind) => `${href}?lms=${kind}`;
const lines = <T>(list: readonly T[], line: (item: T) => string) => list.map(line).join('\n');

/**
 * Each SCORM version's namespaces: prefix ('' for the default namespace), namespace and the published
 * schema file (in src/authoring/scorm-xsd/<version>/) that defines it.
 */
export const SCORM_NAMESPACES: Record<'scorm12' | 'scorm2004', [string, string, string][]> = {
  scorm12: [
    ['', 'http://www.imsproject.org/xsd/imscp_rootv1p1p2', 'imscp_rootv1p1p2.xsd'],
    ['adlcp', 'http://www.adlnet.org/xsd/adlcp_rootv1p2', 'adlcp_rootv1p2.xsd'],
  ],
  scorm2004: [
    ['', 'http://www.imsglobal.org/xsd/imscp_v1p1', 'imscp_v1p1.xsd'],
    ['adlcp', 'http://www.adlnet.org/xsd/adlcp_v1p3', 'adlcp_v1p3.xsd'],
    ['adlseq', 'http://www.adlnet.org/xsd/adlseq_v1p3', 'adlseq_v1p3.xsd'],
    ['adlnav', 'http://www.adlnet.org/xsd/adlnav_v1p3', 'adlnav_v1p3.xsd'],
    ['imsss', 'http://www.imsglobal.org/xsd/imsss', 'imsss_v1p0.xsd'],
  ],
};

/** A manifest's opening tag with its namespaces and schema locations, and the ADL metadata. */
const manifestHead = (spec: PackageSpec, version: string, kind: 'scorm12' | 'scorm2004', schemaversion: string) =>
  `<manifest identifier="${xmlId(spec.identifier)}" version="${version}"
${lines(SCORM_NAMESPACES[kind], ([prefix, ns]) => `  xmlns${prefix ? `:${prefix}` : ''}="${ns}"`)}
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="${SCORM_NAMESPACES[kind].map(([, ns, xsd]) => `${ns} ${xsd}`).join(' ')}">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>${schemaversion}</schemaversion>
  </metadata>`;

/** The two SCORM versions' spellings of the same manifest: namespaces, the `scormType` attribute, item extras. */
interface ScormDialect {
  kind: 'scorm12' | 'scorm2004';
  head: string;
  scormType: string;
  /** What goes inside a tracked (unit) or untracked (asset) item after its title. */
  unitItem: (u: PackageUnit) => string;
  assetItem: string;
  /** What closes the organization (2004: its sequencing). */
  organizationEnd: string;
}

/** A SCORM manifest: one item and SCO per unit, untracked asset items first, and one shared asset resource. */
function scormManifest(spec: PackageSpec, d: ScormDialect): string {
  const assets = spec.assets ?? [];
  const item = (id: string, title: string, extra: string) =>
    `      <item identifier="${xmlId(`item-${id}`)}" identifierref="${xmlId(`res-${id}`)}"${d.kind === 'scorm12' ? ' isvisible="true"' : ''}>
        <title>${esc(title)}</title>${extra}
      </item>`;
  const resource = (id: string, type: 'asset' | 'sco', href: string, file: string) =>
    `    <resource identifier="${xmlId(`res-${id}`)}" type="webcontent" ${d.scormType}="${type}" href="${esc(href)}">
      <file href="${esc(file)}"/>
      <dependency identifierref="shared"/>
    </resource>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
${d.head}
  <organizations default="org">
    <organization identifier="org">
      <title>${esc(spec.title)}</title>
${lines(assets, (a) => item(a.id, a.title, d.assetItem))}
${lines(spec.units, (u) => item(u.id, u.title, d.unitItem(u)))}${d.organizationEnd}
    </organization>
  </organizations>
  <resources>
${lines(assets, (a) => resource(a.id, 'asset', a.href, a.href))}
${lines(spec.units, (u) => resource(u.id, 'sco', launch(u.href, d.kind), u.href))}
    <resource identifier="shared" type="webcontent" ${d.scormType}="asset">
${lines(spec.shared, (f) => `      <file href="${esc(f)}"/>`)}
    </resource>
  </resources>
</manifest>
`;
}

/** imsmanifest.xml for SCORM 1.2: one SCO per unit with adlcp:masteryscore, a shared asset resource. */
export function scorm12Manifest(spec: PackageSpec): string {
  return scormManifest(spec, {
    kind: 'scorm12',
    head: manifestHead(spec, '1.0', 'scorm12', '1.2'),
    scormType: 'adlcp:scormtype',
    unitItem: (u) => `\n        <adlcp:masteryscore>${u.passingScore}</adlcp:masteryscore>`,
    assetItem: '',
    organizationEnd: '',
  });
}

/**
 * imsmanifest.xml for SCORM 2004 4th edition: one SCO per unit whose primary objective is satisfied
 * by the pass mark (scaled), content that sets completion and success, and choice and flow
 * navigation so a learner can leave a unit and re-enter it where they left off (the course suspends
 * with cmi.exit = suspend).
 */
export function scorm2004Manifest(spec: PackageSpec): string {
  return scormManifest(spec, {
    kind: 'scorm2004',
    head: manifestHead(spec, '1', 'scorm2004', '2004 4th Edition'),
    scormType: 'adlcp:scormType',
    unitItem: (u) => `
        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="${xmlId(`pass-${u.id}`)}" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>${u.passingScore / 100}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
          <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
        </imsss:sequencing>`,
    assetItem: `
        <imsss:sequencing>
          <imsss:deliveryControls tracked="false"/>
        </imsss:sequencing>`,
    organizationEnd: `
      <imsss:sequencing>
        <imsss:controlMode choice="true" flow="true"/>
      </imsss:sequencing>`,
  });
}

/** The cmi5 course structure's namespace (cmi5 section 13.1.1). */
export const CMI5_NAMESPACE = 'https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd';
/** The activity id (IRI) base a cmi5 package uses unless `CMI5_ACTIVITY_BASE` names another. */
export const DEFAULT_ACTIVITY_BASE = 'tag:mp201-trainer,2026:';

/** The activity id of the course (`course`) or of a unit (`au/<id>`) under `base`. */
export const activityId = (base: string, path: string) => `${base}${path}`;

/**
 * cmi5.xml: the course and one AU per unit, each launched as `<page>?lms=cmi5` (the LMS adds its
 * launch parameters after ours), moved on when completed and passed, its mastery score the pass
 * mark as a 0..1 decimal. Activity ids are IRIs under `base` (one configurable home, so two builds
 * of the same course report the same activities). cmi5 has no untracked pages: the home page and
 * lessons ride along in the package and are reached from the scenario pages' links.
 */
export function cmi5CourseStructure(spec: PackageSpec, base: string): string {
  const text = (tag: string, value: string, indent: string) =>
    `${indent}<${tag}><langstring lang="en-US">${esc(value)}</langstring></${tag}>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="${CMI5_NAMESPACE}">
  <course id="${esc(activityId(base, `course/${spec.identifier}`))}">
${text('title', spec.title, '    ')}
${text('description', spec.summary ?? spec.title, '    ')}
  </course>
${lines(
  spec.units,
  (
    u,
  ) => `  <au id="${esc(activityId(base, `au/${u.id}`))}" moveOn="CompletedAndPassed" masteryScore="${u.passingScore / 100}" launchMethod="AnyWindow">
${text('title', u.title, '    ')}
${text('description', u.summary, '    ')}
    <url>${esc(launch(u.href, 'cmi5'))}</url>
  </au>`,
)}
</courseStructure>
`;
}
