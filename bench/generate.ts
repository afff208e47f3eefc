/**
 * Generated scenarios for benchmarks: valid MDX of a realistic shape (scenes with three graded
 * choices and feedback, decisions with seven keys and whys, several endings), any size.
 */
const KEYS = ['customer', 'department', 'legal', 'safe', 'level', 'accountable', 'policy'] as const;
const PATTERNS = [[], ['safe'], ['level'], ['policy', 'legal']] as const;

// Each sentence names its scenario, so the course-wide check finds no sentence repeated across files.
const prose = (index: number, n: number) =>
  `The crew arrives at 14:${String(n % 60).padStart(2, '0')} to house ${index} on a hot afternoon. A neighbor at house ${index} waves from the driveway and the patient is sitting on the step, pale and sweating. Everyone at house ${index} is waiting to see what you do next.`;

function scene(index: number, id: string, next: string, alt: string): string {
  const choice = (to: string, grade: string, label: string) =>
    `<Choice to="${to}" grade="${grade}" trains="duty.respect image.educate">\n${label}\n\n<Feedback>\nWhat happens at house ${index}, and why it matters for the customer (duty.respect, image.educate).\n</Feedback>\n</Choice>\n`;
  // Labels of comparable length, the best not the longest, as the strict lint asks.
  return `<Scene id="${id}" title="Step ${id}">\n\n${prose(index, id.length)}\n\n${choice(next, 'best', `Introduce yourself at house ${index} and say what comes next.`)}\n${choice(next, 'ok', `Start work now at house ${index} and explain it all later.`)}\n${choice(alt, 'poor', `Ask the neighbor at house ${index} to wait out by the street.`)}\n</Scene>\n`;
}

function decision(index: number, id: string, n: number, act: string, ask: string, decline: string): string {
  const noes: readonly string[] = PATTERNS[n % PATTERNS.length]!;
  const keys = KEYS.map((k) => `${k}="${noes.includes(k) ? 'no' : 'yes'}"`).join(' ');
  const whys = KEYS.map(
    (k) =>
      `<Why q="${k}">\nThe reason this answer is ${noes.includes(k) ? 'no' : 'yes'} for action ${id} at house ${index}.\n</Why>\n`,
  ).join('\n');
  return `<Decision id="${id}" title="Decision ${id}" action="Do what family ${index} asks for." ${keys} act="${act}" ask="${ask}" decline="${decline}">\n\n${prose(index, n)}\n\n${whys}\n<Discuss>\nWhat would you do?\n</Discuss>\n\n</Decision>\n`;
}

/**
 * A scenario with `rounds` rounds of (scene, decision); each round's wrong turns go to one of three
 * endings, so paths stay countable while the graph grows. Steps = rounds * 2 + 3.
 */
export function generateScenario(index: number, rounds = 4): string {
  const parts: string[] = [];
  const right = (n: number) => (['act', 'decline', 'ask', 'decline'] as const)[n % 4]!;
  for (let r = 0; r < rounds; r++) {
    const next = r === rounds - 1 ? 'end-good' : `s${r + 1}`;
    parts.push(scene(index, `s${r}`, `d${r}`, r % 2 ? 'end-poor' : `d${r}`));
    const call = right(r);
    const branch = (c: string) => (c === call ? next : c === 'ask' ? 'end-ok' : 'end-poor');
    parts.push(decision(index, `d${r}`, r, branch('act'), branch('ask'), branch('decline')));
  }
  const ending = (id: string, outcome: string) =>
    `<Ending id="${id}" title="Ending ${id}" outcome="${outcome}">\n\nWhat happened afterward at house ${index}, and the lesson.\n\n</Ending>\n`;
  parts.push(ending('end-good', 'exemplary'), ending('end-ok', 'adequate'), ending('end-poor', 'poor'));
  const front = [
    '---',
    `title: Generated scenario ${index}`,
    'summary: A generated scenario for benchmarks.',
    'audiences: [recruit, ce, drill]',
    'customers: [customer.recipient]',
    'sop: [duty.respect, image.educate, q.safe, q.level]',
    `minutes: ${Math.min(120, rounds * 2 + 1)}`,
    'start: s0',
    '---',
    '',
  ].join('\n');
  return front + parts.join('\n');
}
