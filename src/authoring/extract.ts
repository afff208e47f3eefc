import type { MdastNode, MdxJsxFlowElement, MdxJsxTextElement } from 'satteri';
import { LineCounter, parseDocument } from 'yaml';
import {
  COMPONENTS,
  type Loc,
  type ScenarioComponent,
  type Problem,
  type RawChoice,
  type RawScenario,
  type RawStep,
} from '../engine/index.ts';

/** A node of the mdast tree Sätteri gives both the lint command (`mdxToMdast`) and the build plugin. */
export type MdNode = MdastNode;
/** A component in that tree (`<Scene>`, `<Choice>`…). */
export type Component = MdxJsxFlowElement | MdxJsxTextElement;

const isComponent = (name: string): name is ScenarioComponent => (COMPONENTS as readonly string[]).includes(name);
const childrenOf = (node: MdNode): readonly MdNode[] => ('children' in node ? node.children : []);

/** Where each component may appear: the components allowed as its nearest component ancestor. */
const PARENTS: Record<ScenarioComponent, readonly (string | null)[]> = {
  Scene: [null],
  Decision: [null],
  Ending: [null],
  Choice: ['Scene'],
  Feedback: ['Choice'],
  Why: ['Decision'],
  Discuss: ['Scene', 'Decision', 'Ending'],
};

const PLACEMENT_FIX: Record<ScenarioComponent, string> = {
  Scene: 'put <Scene> at the top level of the file, not inside another component',
  Decision: 'put <Decision> at the top level of the file, not inside another component',
  Ending: 'put <Ending> at the top level of the file, not inside another component',
  Choice:
    'move the <Choice> inside a <Scene>; a <Decision> branches with act=, ask= and decline=, and an <Ending> has no way out',
  Feedback: 'move the <Feedback> inside the <Choice> it explains',
  Why: 'move the <Why> inside the <Decision> whose key it explains',
  Discuss: 'put <Discuss> inside the <Scene>, <Decision> or <Ending> it belongs to',
};

/** A Choice or Why node found during extraction, for the build plugin to annotate. */
export interface FoundChoice {
  node: Component;
  label: string;
  index: number;
  feedback: Component[];
}
export interface FoundWhy {
  node: Component;
  q: string | undefined;
  decision: RawStep;
}

/** Everything extraction learns from one file. */
export interface Extraction {
  raw: RawScenario;
  /** The prose a trainee reads (narrative, labels, feedback, whys), one paragraph per entry, for readability. */
  prose: string[];
  choices: FoundChoice[];
  whys: FoundWhy[];
  /** Each step with its node, for the build plugin (an Ending without a title gets its default). */
  stepNodes: { node: Component; step: RawStep }[];
}

const at = (node: MdNode): Loc => ({
  line: node.position?.start.line ?? 1,
  column: node.position?.start.column ?? 1,
});

/** Scenario id for a file: its name without the extension. */
export function scenarioIdOf(file: string): string {
  return (file.split(/[\\/]/).pop() ?? file).replace(/\.mdx?$/, '');
}

/** Attribute values as strings; an expression attribute (`grade={x}`) reads as its source text. */
function attrsOf(node: Component, problems: Problem[]): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const attr of node.attributes) {
    if (attr.type !== 'mdxJsxAttribute') {
      problems.push({
        severity: 'error',
        code: 'bad-attribute',
        ...lc(node),
        message: `<${node.name}> has a {...spread} attribute`,
        fix: 'write each attribute as name="value"',
      });
      continue;
    }
    const v = attr.value;
    if (v === null || v === undefined) out[attr.name] = '';
    else if (typeof v === 'string') out[attr.name] = v;
    else {
      const source = v.value;
      problems.push({
        severity: 'error',
        code: 'expression-attribute',
        ...lc(node),
        message: `<${node.name}> ${attr.name}={${source}} is an expression`,
        fix: `write it as text in quotes: ${attr.name}="${source.replace(/^["']|["']$/g, '')}"`,
      });
      out[attr.name] = source;
    }
  }
  return out;
}

const lc = (node: MdNode) => {
  const l = at(node);
  return { line: l.line, column: l.column };
};

/** Plain text of a node, leaving out `Feedback` (used for choice labels). */
function textOf(node: MdNode): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (isJsx(node) && node.name === 'Feedback') return '';
  return childrenOf(node).map(textOf).join('');
}

const isJsx = (node: MdNode): node is Component =>
  node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';

/**
 * Read the step graph out of an MDX tree. Works on a tree from `mdxToMdast` and on the tree a
 * Sätteri plugin sees during the Astro build, so the build and the lint CLI read files the same way.
 */
export function extractFromTree(root: MdNode, file: string, fileSource?: string): Extraction {
  const problems: Problem[] = [];
  const steps: RawStep[] = [];
  const choices: FoundChoice[] = [];
  const whys: FoundWhy[] = [];
  const stepNodes: { node: Component; step: RawStep }[] = [];
  let frontmatter: unknown = undefined;
  let frontmatterLines: Record<string, number> = {};
  const frontmatterAt: Loc = { line: 1, column: 1 };

  // Astro strips the front matter before plugins run; then it is read from the file's own source.
  const yamlNode = childrenOf(root).find((n) => n.type === 'yaml');
  const block = yamlNode ? yamlNode.value : fileSource !== undefined ? frontmatterBlock(fileSource) : undefined;
  if (block !== undefined)
    ({ frontmatter, frontmatterLines } = readFrontmatter(block, yamlNode ? at(yamlNode).line : 1, problems));

  const prose: string[] = [];
  const walk = (node: MdNode, ancestor: string | null, step: RawStep | null, choice: RawChoice | null) => {
    if (node.type === 'paragraph' || node.type === 'heading') prose.push(textOf(node).replace(/\s+/g, ' ').trim());
    if (isJsx(node)) {
      const name = node.name ?? '';
      if (!name) return walkChildren(node, ancestor, step, choice); // fragment
      if (!isComponent(name)) {
        if (/^[A-Z]/.test(name))
          problems.push({
            severity: 'error',
            code: 'unknown-component',
            ...lc(node),
            message: `<${name}> is not a scenario component`,
            fix: `use one of ${COMPONENTS.map((c) => `<${c}>`).join(', ')}; scenario files import nothing`,
          });
        return walkChildren(node, ancestor, step, choice);
      }
      if (!PARENTS[name].includes(ancestor)) {
        problems.push({
          severity: 'error',
          code: 'misplaced',
          ...lc(node),
          message: ancestor ? `<${name}> is inside <${ancestor}>` : `<${name}> is outside any step`,
          fix: PLACEMENT_FIX[name],
        });
        return;
      }
      if (name === 'Scene' || name === 'Decision' || name === 'Ending') {
        const kind = name === 'Scene' ? 'scene' : name === 'Decision' ? 'decision' : 'ending';
        const newStep: RawStep = {
          kind,
          at: at(node),
          attrs: attrsOf(node, problems),
          choices: [],
          whys: [],
          discuss: 0,
        };
        steps.push(newStep);
        stepNodes.push({ node, step: newStep });
        return walkChildren(node, name, newStep, null);
      }
      if (name === 'Choice' && step) {
        const feedback: Component[] = [];
        const collect = (n: MdNode) => {
          if (isJsx(n) && n.name === 'Feedback') feedback.push(n);
          else childrenOf(n).forEach(collect);
        };
        node.children.forEach(collect);
        const label = node.children.map(textOf).join(' ').replace(/\s+/g, ' ').trim();
        const raw: RawChoice = {
          at: at(node),
          attrs: attrsOf(node, problems),
          label,
          hasFeedback: feedback.length > 0,
        };
        choices.push({ node, label, index: step.choices.length, feedback });
        step.choices.push(raw);
        return walkChildren(node, name, step, raw);
      }
      if (name === 'Why' && step) {
        const q = attrsOf(node, problems).q;
        step.whys.push({ q, at: at(node) });
        whys.push({ node, q, decision: step });
        return walkChildren(node, name, step, choice);
      }
      if (name === 'Discuss' && step) step.discuss += 1;
      return walkChildren(node, name, step, choice);
    }
    walkChildren(node, ancestor, step, choice);
  };
  const walkChildren = (node: MdNode, ancestor: string | null, step: RawStep | null, choice: RawChoice | null) => {
    for (const child of childrenOf(node)) walk(child, ancestor, step, choice);
  };
  walk(root, null, null, null);

  return {
    raw: { id: scenarioIdOf(file), file, frontmatter, frontmatterLines, frontmatterAt, steps, problems },
    choices,
    whys,
    stepNodes,
    prose,
  };
}

/** The text between the opening and closing `---` of a file, or undefined when it has none. */
export function frontmatterBlock(source: string): string | undefined {
  return /^---\r?\n([\s\S]*?)\r?\n---\s*(?:\r?\n|$)/.exec(source.replace(/^\uFEFF/, ''))?.[1];
}

function readFrontmatter(text: string, firstLine: number, problems: Problem[]) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const frontmatterLines: Record<string, number> = {};
  // The yaml node starts at the opening ---; its content starts on the next line.
  const offset = firstLine;
  for (const err of doc.errors) {
    const pos = lineCounter.linePos(err.pos[0]);
    problems.push({
      severity: 'error',
      code: 'bad-yaml',
      line: pos.line + offset,
      column: pos.col,
      message: `front matter is not valid YAML: ${err.message.split('\n')[0]}`,
      fix: 'write each field as name: value, and lists as [a, b]',
    });
  }
  const contents = doc.contents as { items?: { key?: { value?: unknown; range?: [number, number, number] } }[] } | null;
  for (const item of contents?.items ?? []) {
    const key = item.key;
    if (key?.range && typeof key.value === 'string')
      frontmatterLines[key.value] = lineCounter.linePos(key.range[0]).line + offset;
  }
  const frontmatter = doc.errors.length ? {} : (doc.toJS() ?? {});
  return { frontmatter, frontmatterLines };
}
