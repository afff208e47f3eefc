import path from 'node:path/posix';

/**
 * Build-time pieces of the LMS packages (`npm run package`): which built files a package needs,
 * how a page changes inside a package, and the SCORM manifests. Pure functions over paths and
 * text; scripts/package.ts does the reading, writing and zipping.
 */

/** The LMS standards a package is built for. */
export const PACKAGE_KINDS = ['scorm12', 'scorm2004'] as const;
export type PackageKind = (typeof PACKAGE_KINDS)[number];

/** One scenario as a unit an LMS tracks. */
export interface PackageUnit {
  id: string;
  title: string;
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

/** Where a package keeps the LMS bridge script (bundled from src/lib/lms/bridge.ts). */
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
const files = (list: string[], indent: string) => list.map((f) => `${indent}<file href="${esc(f)}"/>`).join('\n');

/** imsmanifest.xml for SCORM 1.2: one SCO per unit with adlcp:masteryscore, a shared asset resource. */
export function scorm12Manifest(spec: PackageSpec): string {
  const assets = spec.assets ?? [];
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${xmlId(spec.identifier)}" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>${esc(spec.title)}</title>
${assets.map((a) => `      <item identifier="${xmlId(`item-${a.id}`)}" identifierref="${xmlId(`res-${a.id}`)}" isvisible="true">\n        <title>${esc(a.title)}</title>\n      </item>`).join('\n')}
${spec.units
  .map(
    (u) => `      <item identifier="${xmlId(`item-${u.id}`)}" identifierref="${xmlId(`res-${u.id}`)}" isvisible="true">
        <title>${esc(u.title)}</title>
        <adlcp:masteryscore>${u.passingScore}</adlcp:masteryscore>
      </item>`,
  )
  .join('\n')}
    </organization>
  </organizations>
  <resources>
${assets.map((a) => `    <resource identifier="${xmlId(`res-${a.id}`)}" type="webcontent" adlcp:scormtype="asset" href="${esc(a.href)}">\n      <file href="${esc(a.href)}"/>\n      <dependency identifierref="shared"/>\n    </resource>`).join('\n')}
${spec.units
  .map(
    (
      u,
    ) => `    <resource identifier="${xmlId(`res-${u.id}`)}" type="webcontent" adlcp:scormtype="sco" href="${esc(launch(u.href, 'scorm12'))}">
      <file href="${esc(u.href)}"/>
      <dependency identifierref="shared"/>
    </resource>`,
  )
  .join('\n')}
    <resource identifier="shared" type="webcontent" adlcp:scormtype="asset">
${files(spec.shared, '      ')}
    </resource>
  </resources>
</manifest>
`;
}

/**
 * imsmanifest.xml for SCORM 2004 4th edition: one SCO per unit whose primary objective is satisfied
 * by the pass mark (scaled), content that sets completion and success, and choice and flow
 * navigation so a learner can leave a unit and re-enter it where they left off (the course suspends
 * with cmi.exit = suspend).
 */
export function scorm2004Manifest(spec: PackageSpec): string {
  const assets = spec.assets ?? [];
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${xmlId(spec.identifier)}" version="1"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>${esc(spec.title)}</title>
${assets.map((a) => `      <item identifier="${xmlId(`item-${a.id}`)}" identifierref="${xmlId(`res-${a.id}`)}">\n        <title>${esc(a.title)}</title>\n        <imsss:sequencing>\n          <imsss:deliveryControls tracked="false"/>\n        </imsss:sequencing>\n      </item>`).join('\n')}
${spec.units
  .map(
    (u) => `      <item identifier="${xmlId(`item-${u.id}`)}" identifierref="${xmlId(`res-${u.id}`)}">
        <title>${esc(u.title)}</title>
        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="${xmlId(`pass-${u.id}`)}" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>${u.passingScore / 100}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
          <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
        </imsss:sequencing>
      </item>`,
  )
  .join('\n')}
      <imsss:sequencing>
        <imsss:controlMode choice="true" flow="true"/>
      </imsss:sequencing>
    </organization>
  </organizations>
  <resources>
${assets.map((a) => `    <resource identifier="${xmlId(`res-${a.id}`)}" type="webcontent" adlcp:scormType="asset" href="${esc(a.href)}">\n      <file href="${esc(a.href)}"/>\n      <dependency identifierref="shared"/>\n    </resource>`).join('\n')}
${spec.units
  .map(
    (
      u,
    ) => `    <resource identifier="${xmlId(`res-${u.id}`)}" type="webcontent" adlcp:scormType="sco" href="${esc(launch(u.href, 'scorm2004'))}">
      <file href="${esc(u.href)}"/>
      <dependency identifierref="shared"/>
    </resource>`,
  )
  .join('\n')}
    <resource identifier="shared" type="webcontent" adlcp:scormType="asset">
${files(spec.shared, '      ')}
    </resource>
  </resources>
</manifest>
`;
}

/** The manifest for a kind of package. */
export const MANIFESTS: Record<PackageKind, (spec: PackageSpec) => string> = {
  scorm12: scorm12Manifest,
  scorm2004: scorm2004Manifest,
};
