import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { mdxToJs, type Data } from 'satteri';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Count the validations: every compile validates its file once, whoever asks for it.
const validations = vi.hoisted(() => ({ files: [] as string[] }));
vi.mock('../../../src/engine/index.ts', async (importOriginal) => {
  const engine = await importOriginal<typeof import('../../../src/engine/index.ts')>();
  return {
    ...engine,
    validateScenario: (raw: Parameters<typeof engine.validateScenario>[0]) => {
      validations.files.push(raw.file);
      return engine.validateScenario(raw);
    },
  };
});

// The catalogue and the content collection read Astro's content layer; here it lists the folder's files.
const collection = vi.hoisted(() => ({ files: [] as string[] }));
vi.mock('astro:content', () => ({
  getCollection: () => Promise.resolve(collection.files.map((filePath) => ({ id: filePath, filePath }))),
  render: () => Promise.resolve({ Content: () => null }),
  defineCollection: <T>(config: T) => config,
}));
vi.mock('astro/loaders', () => ({ glob: <T>(options: T) => options }));

const { checkScenarioFolder } = await import('../../../src/authoring/integration.ts');
const { scenarioPlugin } = await import('../../../src/authoring/satteri-plugin.ts');

const here = process.cwd();
const fixtures = [
  'tests/fixtures/scenarios/valid/minimal.mdx',
  'tests/fixtures/scenarios/first-contract/first-contract.mdx',
].map((f) => path.resolve(f));

/** A project folder with the two fixtures in `folder`, made the working folder (as for a build). */
function project(folder: string): string {
  const root = mkdtempSync(path.join(tmpdir(), 'mp201-compile-'));
  mkdirSync(path.join(root, folder));
  for (const fixture of fixtures) copyFileSync(fixture, path.join(root, folder, path.basename(fixture)));
  process.chdir(root);
  collection.files = fixtures.map((f) => `${folder}/${path.basename(f)}`);
  return root;
}

/** What the build plugin makes of one file: the scenario it hands the page, or undefined if it skipped it. */
async function throughPlugin(root: string, file: string) {
  const data: Data = {};
  await mdxToJs(readFileSync(path.join(root, file), 'utf8'), {
    mdastPlugins: [scenarioPlugin(root)],
    fileURL: pathToFileURL(path.join(root, file)),
    data,
  });
  return data.astro?.frontmatter.scenario;
}

describe('one compile per scenario', () => {
  beforeEach(() => {
    validations.files = [];
    vi.resetModules(); // the catalogue remembers its list per build; each test is a new build
  });
  afterEach(() => {
    process.chdir(here);
    delete process.env.MP201_SCENARIOS;
  });

  it('the pre-build check, the build plugin and the catalogue share one compile of each file', async () => {
    const root = project('scenarios');
    expect(checkScenarioFolder(root)).toBe('2 scenarios checked');
    for (const file of collection.files) expect(await throughPlugin(root, file)).toBeDefined();
    const { loadScenarios } = await import('../../../src/data/catalogue.ts');
    const loaded = await loadScenarios();
    expect(loaded.map((s) => s.scenario.id).sort()).toEqual(['first-contract', 'minimal']);
    expect(loaded.every((s) => s.analysis.pathCount > 0)).toBe(true);
    expect(validations.files.sort()).toEqual(['scenarios/first-contract.mdx', 'scenarios/minimal.mdx']);
  });

  it('compiles a file again when its text changes', () => {
    const root = project('scenarios');
    checkScenarioFolder(root);
    const file = path.join(root, 'scenarios/minimal.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace('minutes: 5', 'minutes: 6'));
    checkScenarioFolder(root);
    expect(validations.files.filter((f) => f === 'scenarios/minimal.mdx')).toHaveLength(2);
  });

  it('a scenario folder named by the setting is read by the check, the plugin, the collection and the catalogue', async () => {
    process.env.MP201_SCENARIOS = 'stories';
    const root = project('stories');
    expect(checkScenarioFolder(root)).toBe('2 scenarios checked');
    expect(await throughPlugin(root, 'stories/minimal.mdx')).toMatchObject({ id: 'minimal' });
    const { collections } = await import('../../../src/content.config.ts');
    expect(collections.scenarios).toMatchObject({ loader: { base: path.join(root, 'stories') } });
    const { loadScenarios } = await import('../../../src/data/catalogue.ts');
    expect((await loadScenarios()).map((s) => s.scenario.file).sort()).toEqual([
      'stories/first-contract.mdx',
      'stories/minimal.mdx',
    ]);
    expect(validations.files).toHaveLength(2);
  });

  it('the build plugin leaves files outside the scenario folder alone', async () => {
    const root = project('scenarios');
    mkdirSync(path.join(root, 'elsewhere'));
    copyFileSync(fixtures[0]!, path.join(root, 'elsewhere/minimal.mdx'));
    expect(await throughPlugin(root, 'elsewhere/minimal.mdx')).toBeUndefined();
    expect(validations.files).toEqual([]);
  });
});
