import { mdxToMdast } from 'satteri';
import type { Problem } from '../engine/index.ts';
import { extractFromTree, type Extraction, type MdNode } from './extract.ts';

/**
 * Parse an MDX scenario file with the same parser the build uses (Sätteri) and extract its graph.
 * A syntax error becomes a located problem instead of an exception.
 */
export function extractScenario(source: string, file: string): Extraction {
  let root: MdNode;
  try {
    root = mdxToMdast(source, { position: true });
  } catch (err) {
    // Keep the front matter checks; the body cannot be read until the syntax is fixed.
    const extraction = extractFromTree({ type: 'root', children: [] }, file, source);
    extraction.raw.problems.push(syntaxProblem(err));
    return extraction;
  }
  return extractFromTree(root, file);
}

/** Turn a parser exception ("12:4: Expected a closing tag…") into a problem with its line and column. */
export function syntaxProblem(err: unknown): Problem {
  const text = err instanceof Error ? err.message : String(err);
  const match = /^(\d+):(\d+)(?:-\d+:\d+)?:\s*(.*)$/s.exec(text);
  const message = (match?.[3] ?? text).replace(/\s*\([a-z-]+:[a-z-]+\)\s*$/, '').split('\n')[0]!;
  return {
    severity: 'error',
    code: 'syntax',
    line: match ? Number(match[1]) : 1,
    column: match ? Number(match[2]) : 1,
    message: `MDX syntax: ${message}`,
    fix: 'check that every component is closed (</Scene>, </Choice>…) and that a component starts on its own line',
  };
}
