import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  analyzePaths,
  teachingWarnings,
  validateScenario,
  type PathAnalysis,
  type Problem,
  type Scenario,
} from '../engine/index.ts';
import { extractScenario } from './parse.ts';
import { readingGrade } from './readability.ts';
import type { Extraction } from './extract.ts';

/** One scenario file read, extracted, validated and analysed: what every build step needs from it. */
export interface CompiledScenario {
  /** The path printed in messages. */
  file: string;
  scenario: Scenario | undefined;
  /** Errors and teaching warnings, sorted by line. */
  problems: Problem[];
  /** The extraction (with its tree's nodes, for the build plugin); absent when the file cannot be read. */
  extraction?: Extraction;
  /** Path analysis, when the scenario is valid. */
  analysis?: PathAnalysis;
  /** Flesch–Kincaid grade of the prose a trainee reads, when the scenario is valid. */
  readingGrade?: number;
}

/**
 * The folder scenario files are read from: `scenarios/` under the project root, or the folder the
 * MP201_SCENARIOS variable names (the build benchmark and the build tests point it at other folders).
 * The one place this setting is read: the pre-build check, the build plugin, the content collection,
 * and the lint command's default all ask here.
 */
export function scenarioFolder(root = process.cwd()): string {
  return path.resolve(root, process.env.MP201_SCENARIOS ?? 'scenarios');
}

interface Compiled {
  hash: string;
  result: CompiledScenario;
}

declare global {
  /**
   * Compiled scenarios by file. Kept on the global object because one build loads this module twice
   * (the config's copy runs the pre-build check and the plugin; the pages' bundle has its own), and
   * both must share one compile per file.
   */
  var mp201Compiled: Map<string, Compiled> | undefined;
}

const compiled = (globalThis.mp201Compiled ??= new Map<string, Compiled>());

/**
 * Read, extract, validate and analyse one scenario file, once per content: later calls for the same
 * file, printed path and text return the same result. `shown` is the path printed in messages.
 * A file that cannot be read is one `unreadable` problem (not remembered: it may appear later).
 */
export function compileScenario(file: string, shown = file): CompiledScenario {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    const problem: Problem = {
      severity: 'error',
      code: 'unreadable',
      line: 1,
      column: 1,
      message: `cannot read the file: ${reason}`,
      fix: 'check the path',
    };
    return { file: shown, scenario: undefined, problems: [problem] };
  }
  const key = `${path.resolve(file)}\n${shown}`;
  const hash = createHash('sha256').update(source).digest('hex');
  const known = compiled.get(key);
  if (known?.hash === hash) return known.result;
  const result = compileSource(source, shown);
  compiled.set(key, { hash, result });
  return result;
}

function compileSource(source: string, shown: string): CompiledScenario {
  const extraction = extractScenario(source, shown);
  const { scenario, problems } = validateScenario(extraction.raw);
  if (!scenario) return { file: shown, scenario, problems, extraction };
  const analysis = analyzePaths(scenario);
  const warnings = teachingWarnings(scenario, analysis, extraction.raw.frontmatterLines);
  return {
    file: shown,
    scenario,
    extraction,
    analysis,
    readingGrade: readingGrade(extraction.prose.join('\n')),
    problems: [...problems, ...warnings].sort((a, b) => a.line - b.line),
  };
}
