import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../../src/authoring/compile.ts';
import { scenarioPlugin } from '../../../src/authoring/satteri-plugin.ts';
import { frontmatterSchema, type Scenario } from '../../../src/engine/index.ts';

// Written to the first published contract: `customers: [recipient, related]` and an untitled ending.
const fixture = 'tests/fixtures/scenarios/first-contract/first-contract.mdx';

describe('a scenario written to the first published contract', () => {
  it('is valid: short customer kinds read as their ids, the untitled ending gets a title from its id and a warning', () => {
    const { scenario, problems } = compileScenario(fixture);
    expect(scenario?.frontmatter.customers).toEqual(['customer.recipient', 'customer.related']);
    expect(scenario?.steps.find((s) => s.id === 'daughter-arrives')?.title).toBe('Daughter arrives');
    expect(problems).toEqual([
      {
        severity: 'warning',
        code: 'ending-title-default',
        line: 45,
        column: 1,
        message: '<Ending id="daughter-arrives"> has no title, so it is shown as "Daughter arrives"',
        fix: 'add title="…" to the <Ending>: a few words that name what happened',
      },
    ]);
  });

  it('passes the content collection schema the site build uses, with the short kinds normalized', () => {
    const parsed = frontmatterSchema.parse({
      title: 'T',
      summary: 'S',
      audiences: ['recruit'],
      customers: ['recipient', 'customer.members'],
      sop: ['duty.respect'],
      minutes: 5,
      start: 'door',
    });
    expect(parsed.customers).toEqual(['customer.recipient', 'customer.members']);
    expect(frontmatterSchema.safeParse({ ...parsed, customers: ['neighbor'] }).success).toBe(false);
  });

  it('compiles through the build plugin, and the page shows the default title on the ending', async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'mp201-first-')), 'scenarios');
    mkdirSync(dir);
    const file = path.join(dir, 'first-contract.mdx');
    copyFileSync(fixture, file);
    const data: Record<string, unknown> = {};
    const { code } = await mdxToJs(readFileSync(file, 'utf8'), {
      mdastPlugins: [scenarioPlugin(path.dirname(dir))],
      fileURL: pathToFileURL(file),
      jsx: true,
      data,
    });
    expect(code).toMatch(/<_components\.Ending[^>]*title="Daughter arrives"|<Ending[^>]*title="Daughter arrives"/);
    const astro = data.astro as { frontmatter?: { scenario?: Scenario } } | undefined;
    expect(astro?.frontmatter?.scenario?.frontmatter.customers).toEqual(['customer.recipient', 'customer.related']);
  });
});
