import dagre from '@dagrejs/dagre';
import { choiceLetter, expectedCall, stepTitle, type Scenario, type Step } from '../engine/index.ts';

/** A laid-out scenario map: standalone SVG markup plus the text alternative's rows. */
export interface ScenarioMap {
  svg: string;
  width: number;
  height: number;
  /** One line per step: what it is and where each option leads. */
  text: { id: string; kind: Step['kind']; title: string; exits: string[] }[];
}

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Break a title into lines of at most `width` characters. */
function wrap(text: string, width = 22): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && (line + ' ' + word).length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.slice(0, 4);
}

const KIND_LABEL = { scene: 'Scene', decision: 'Decision', ending: 'Ending' } as const;
const CALL_LABEL = { act: 'act', ask: 'ask', decline: 'decline' } as const;

/** Edges leaving a step, labelled as the map shows them. */
function exitsOf(step: Step): { to: string; label: string; good: boolean }[] {
  if (step.kind === 'scene')
    return step.choices.map((c, i) => ({
      to: c.to,
      label: `${choiceLetter(i)} · ${c.grade}`,
      good: c.grade === 'best',
    }));
  if (step.kind === 'decision') {
    const right = expectedCall(step.key);
    return (['act', 'ask', 'decline'] as const).map((call) => ({
      to: step.branches[call],
      label: call === right ? `${CALL_LABEL[call]} ✓` : CALL_LABEL[call],
      good: call === right,
    }));
  }
  return [];
}

/**
 * Lay out a scenario's step graph with dagre and draw it as SVG. Nodes carry `data-step` and edges
 * `data-from`/`data-to`, so a page can highlight a path (the learner's, or the best one) with CSS.
 */
export function renderScenarioMap(scenario: Scenario, options: { best?: readonly string[] } = {}): ScenarioMap {
  const best = options.best ?? [];
  const onBest = (from: string, to: string) => best.some((id, i) => id === from && best[i + 1] === to);
  const graph = new dagre.graphlib.Graph({ multigraph: true });
  // Aligned up and left, the start sits in the top-left corner: a phone shows it before any panning.
  graph.setGraph({ rankdir: 'TB', align: 'UL', nodesep: 28, ranksep: 56, edgesep: 12, marginx: 12, marginy: 12 });
  graph.setDefaultEdgeLabel(() => ({}));
  const lines = new Map<string, string[]>();
  for (const step of scenario.steps) {
    const titleLines = wrap(step.title);
    lines.set(step.id, titleLines);
    graph.setNode(step.id, { width: 184, height: 30 + titleLines.length * 17 });
  }
  scenario.steps.forEach((step) =>
    exitsOf(step).forEach((exit, i) => {
      if (graph.hasNode(exit.to))
        graph.setEdge(
          step.id,
          exit.to,
          { label: exit.label, width: exit.label.length * 7 + 8, height: 16, labelpos: 'c' },
          `${step.id}:${i}`,
        );
    }),
  );
  dagre.layout(graph);
  const { width = 0, height = 0 } = graph.graph() as { width?: number; height?: number };

  const parts: string[] = [];
  for (const e of graph.edges()) {
    const edge = graph.edge(e) as { points: { x: number; y: number }[]; label: string; x: number; y: number };
    const d = edge.points.map((p, i) => `${i ? 'L' : 'M'}${p.x.toFixed(1)} ${p.y.toFixed(1)}`).join(' ');
    const good = edge.label.includes('best') || edge.label.endsWith('✓');
    parts.push(
      `<g class="edge${good ? ' good' : ''}${onBest(e.v, e.w) ? ' best' : ''}" data-from="${escape(e.v)}" data-to="${escape(e.w)}"><path d="${d}" marker-end="url(#arrow)"/>` +
        `<text x="${edge.x.toFixed(1)}" y="${(edge.y + 4).toFixed(1)}" text-anchor="middle">${escape(edge.label)}</text></g>`,
    );
  }
  for (const step of scenario.steps) {
    const node = graph.node(step.id) as { x: number; y: number; width: number; height: number };
    const x = node.x - node.width / 2;
    const y = node.y - node.height / 2;
    const outcome = step.kind === 'ending' ? ` ${step.outcome}` : '';
    const shape =
      step.kind === 'decision'
        ? `<path d="M${x + 12} ${y} H${x + node.width - 12} L${x + node.width} ${node.y} L${x + node.width - 12} ${y + node.height} H${x + 12} L${x} ${node.y} Z"/>`
        : `<rect x="${x}" y="${y}" width="${node.width}" height="${node.height}" rx="${step.kind === 'ending' ? 16 : 4}"/>`;
    const title = lines
      .get(step.id)!
      .map((line, i) => `<tspan x="${node.x}" dy="${i === 0 ? 0 : 17}">${escape(line)}</tspan>`)
      .join('');
    const start = step.id === scenario.frontmatter.start;
    parts.push(
      `<g class="node ${step.kind}${outcome}${best.includes(step.id) ? ' best' : ''}" data-step="${escape(step.id)}"${start ? ' data-start' : ''}>${shape}` +
        `<text x="${node.x}" y="${y + 16}" text-anchor="middle" class="kind">${KIND_LABEL[step.kind]}${step.kind === 'ending' ? ` · ${step.outcome}` : ''}${start ? ' · start' : ''}</text>` +
        `<text x="${node.x}" y="${y + 34}" text-anchor="middle" class="title">${title}</text></g>`,
    );
  }
  const titleOf = (id: string) => stepTitle(scenario, id);
  const w = Math.ceil(width);
  const h = Math.ceil(height);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" class="scenario-map" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-labelledby="map-title-${escape(scenario.id)}">` +
    `<title id="map-title-${escape(scenario.id)}">Map of "${escape(scenario.frontmatter.title)}": ${scenario.steps.length} steps from “${escape(titleOf(scenario.frontmatter.start))}”; the text version follows the map.</title>` +
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z"/></marker></defs>` +
    parts.join('') +
    `</svg>`;
  const text = scenario.steps.map((step) => ({
    id: step.id,
    kind: step.kind,
    title: step.title,
    exits: exitsOf(step).map((exit) => `${exit.label} → ${titleOf(exit.to)}`),
  }));
  return { svg, width: w, height: h, text };
}
