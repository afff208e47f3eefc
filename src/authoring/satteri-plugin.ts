import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { defineMdastPlugin, type MdastPluginEntry } from 'satteri';
import { firstDecisions, validateScenario } from '../engine/index.ts';
import { extractFromTree, type MdNode } from './extract.ts';
import type { RawStep } from '../engine/index.ts';
import { formatProblem } from './format.ts';

const plain = <T>(node: T): T => JSON.parse(JSON.stringify(node)) as T;
const attr = (name: string, value: string) => ({ type: 'mdxJsxAttribute', name, value });

/**
 * Sätteri mdast plugin for scenario files (`scenarios/*.mdx`): validates the step graph (an invalid
 * file fails the build with every problem and its line), hands the validated graph to the page as
 * `remarkPluginFrontmatter.scenario`, and prepares the tree for the presentational components:
 * each `Choice` gets its plain-text `label` and `index` with only its `Feedback` as children, and
 * each `Why` gets the key's `answer`, each `Decision` gets the pass mark (and `first` where a
 * learner can meet it first), and an `Ending` written without a title gets the default the
 * validation gave it.
 */
export function scenarioPlugin(root: string): MdastPluginEntry {
  return (factory) => {
    const file = factory.fileURL ? fileURLToPath(factory.fileURL) : '';
    if (!/[\\/]scenarios[\\/][^\\/]+\.mdx$/.test(file)) return null;
    const shown = path.relative(root, file) || file;
    return defineMdastPlugin({
      name: 'mp201-scenario',
      options: { position: true },
      before(tree, ctx) {
        const found = extractFromTree(tree as unknown as MdNode, shown, readFileSync(file, 'utf8'));
        const { scenario, problems } = validateScenario(found.raw);
        const errors = problems.filter((p) => p.severity === 'error');
        if (!scenario || errors.length) {
          const first = errors[0]!;
          throw new Error(
            `${first.line}:${first.column}: ${errors.length} problem(s) in ${shown}:\n${errors.map((p) => formatProblem(shown, p)).join('\n')}`,
          );
        }
        for (const choice of found.choices)
          ctx.replaceNode(
            choice.node as never,
            {
              type: 'mdxJsxFlowElement',
              name: 'Choice',
              attributes: [
                ...plain(choice.node.attributes ?? []),
                attr('label', choice.label),
                attr('index', String(choice.index)),
              ],
              children: choice.feedback.map((f) => ({ ...plain(f), type: 'mdxJsxFlowElement' })),
            } as never,
          );
        // Each Decision states the pass mark in "How scoring works", open where a learner can meet it
        // first; each Why inside it gets the key's answer (done in the one copy of the Decision's tree).
        const first = firstDecisions(scenario);
        const withAnswers = (n: MdNode, decision: RawStep): MdNode =>
          n.type.startsWith('mdxJsx') && n.name === 'Why'
            ? {
                ...n,
                attributes: [
                  ...(n.attributes ?? []),
                  attr('answer', decision.attrs[String(n.attributes?.find((a) => a.name === 'q')?.value)] ?? ''),
                  attr('slot', 'why'),
                ],
              }
            : { ...n, ...(n.children ? { children: n.children.map((c) => withAnswers(c, decision)) } : {}) };
        for (const { node, step } of found.stepNodes)
          if (step.kind === 'decision')
            ctx.replaceNode(
              node as never,
              {
                ...withAnswers(plain(node), step),
                attributes: [
                  ...plain(node.attributes ?? []),
                  attr('passingScore', String(scenario.frontmatter.passingScore)),
                  ...(first.includes(step.attrs.id ?? '') ? [attr('first', 'first')] : []),
                ],
              } as never,
            );
          else if (step.kind === 'ending' && !step.attrs.title) {
            const title = scenario.steps.find((s) => s.kind === 'ending' && s.id === step.attrs.id)?.title ?? '';
            ctx.replaceNode(
              node as never,
              { ...plain(node), attributes: [...plain(node.attributes ?? []), attr('title', title)] } as never,
            );
          }
        const data = ctx.data as { astro?: { frontmatter?: Record<string, unknown> } };
        data.astro ??= {};
        data.astro.frontmatter ??= {};
        data.astro.frontmatter.scenario = scenario;
      },
    });
  };
}
