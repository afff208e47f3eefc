import { fileURLToPath } from 'node:url';
import path from 'node:path';
import {
  defineMdastPlugin,
  type MdastNode,
  type MdastPluginEntry,
  type MdxJsxAttributeNode,
  type MdxJsxFlowElement,
} from 'satteri';
import { compileScenario, scenarioFolder } from './compile.ts';
import type { Component, MdNode } from './extract.ts';
import { firstDecisions } from '../engine/index.ts';
import { formatProblem } from './format.ts';

const plain = <T>(node: T): T => JSON.parse(JSON.stringify(node)) as T;
const attr = (name: string, value: string): MdxJsxAttributeNode => ({ type: 'mdxJsxAttribute', name, value });
const placeOf = (node: Pick<MdNode, 'position'>) => `${node.position?.start.line}:${node.position?.start.column}`;

/** Every component in the tree by its place in the file (`line:column`). */
function componentsByPlace(tree: MdastNode): Map<string, Component> {
  const found = new Map<string, Component>();
  const walk = (node: MdastNode) => {
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') found.set(placeOf(node), node);
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return found;
}

/** A `Feedback` as a block inside its `Choice` (written inline, its text becomes one paragraph). */
function asBlock(node: Component): MdxJsxFlowElement {
  if (node.type === 'mdxJsxFlowElement') return plain(node);
  const { name, attributes, children } = plain(node);
  return { type: 'mdxJsxFlowElement', name, attributes, children: [{ type: 'paragraph', children }] };
}

/**
 * Sätteri mdast plugin for the files in the scenario folder (see scenarioFolder): an invalid file
 * fails the build with every problem and its line; the validated graph goes to the page as
 * `remarkPluginFrontmatter.scenario`; and the tree is prepared for the presentational components:
 * each `Choice` gets its plain-text `label` and `index` with only its `Feedback` as children, each
 * `Why` gets the key's `answer`, each `Decision` gets the pass mark (and `first` where a learner can
 * meet it first), and an `Ending` written without a title gets the default the validation gave it. The file is compiled once (compileScenario): the pre-build check has usually
 * done it already, and this plugin finds the compile's components in its own tree by their place.
 */
export function scenarioPlugin(root: string): MdastPluginEntry {
  const folder = scenarioFolder(root);
  return (factory) => {
    const file = factory.fileURL ? fileURLToPath(factory.fileURL) : '';
    if (!file.endsWith('.mdx') || path.dirname(file) !== folder) return null;
    const shown = path.relative(root, file) || file;
    return defineMdastPlugin({
      name: 'mp201-scenario',
      options: { position: true },
      before(tree, ctx) {
        const { scenario, extraction, problems } = compileScenario(file, shown);
        const errors = problems.filter((p) => p.severity === 'error');
        if (!scenario || !extraction || errors.length) {
          const first = errors[0]!;
          throw new Error(
            `${first.line}:${first.column}: ${errors.length} problem(s) in ${shown}:\n${errors.map((p) => formatProblem(shown, p)).join('\n')}`,
          );
        }
        const places = componentsByPlace(tree);
        const inTree = (node: Component): Component => {
          const found = places.get(placeOf(node));
          if (!found)
            throw new Error(
              `${placeOf(node)}: the build read ${shown} differently from the scenario check (no <${node.name}> here); report this with the file`,
            );
          return found;
        };
        for (const choice of extraction.choices) {
          const node = inTree(choice.node);
          ctx.replaceNode(node, {
            type: 'mdxJsxFlowElement',
            name: 'Choice',
            attributes: [...plain(node.attributes), attr('label', choice.label), attr('index', String(choice.index))],
            children: choice.feedback.map((f) => asBlock(inTree(f))),
          });
        }
        // Each Why gets the key's answer, and each Decision the pass mark for "How scoring works", open
        // where a learner can meet it first. Both go into one copy of the Decision's tree: a Why
        // replaced on its own would be lost when its Decision is replaced.
        const answers = new Map(
          extraction.whys.map((why) => [placeOf(why.node), why.q ? (why.decision.attrs[why.q] ?? '') : '']),
        );
        const answerWhys = (node: MdastNode) => {
          if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
            const answer = answers.get(placeOf(node));
            if (answer !== undefined) node.attributes.push(attr('answer', answer), attr('slot', 'why'));
          }
          if ('children' in node) for (const child of node.children) answerWhys(child);
        };
        const first = firstDecisions(scenario);
        for (const { node: step, step: raw } of extraction.stepNodes)
          if (raw.kind === 'decision') {
            const node = inTree(step);
            const copy = plain(node);
            answerWhys(copy);
            copy.attributes.push(
              attr('passingScore', String(scenario.frontmatter.passingScore)),
              ...(first.includes(raw.attrs.id ?? '') ? [attr('first', 'first')] : []),
            );
            ctx.replaceNode(node, copy);
          } else if (raw.kind === 'ending' && !raw.attrs.title) {
            const node = inTree(step);
            const title = scenario.steps.find((s) => s.kind === 'ending' && s.id === raw.attrs.id)?.title ?? '';
            ctx.replaceNode(node, { ...plain(node), attributes: [...plain(node.attributes), attr('title', title)] });
          }
        // Astro's pipeline sets `astro`; a compile without Astro (the tests') gets an empty one.
        const astro = (ctx.data.astro ??= {
          frontmatter: {},
          headings: [],
          localImagePaths: new Set(),
          remoteImagePaths: new Set(),
        });
        astro.frontmatter.scenario = scenario;
      },
    });
  };
}
