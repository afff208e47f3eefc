/**
 * `npm run bench:gradebook`: importing a class into the gradebook. 60 learners' hand-in files, each
 * with 24 scenarios × 3 attempts (4,320 attempts), are read, validated and merged exactly as the page
 * does (readResultsFile + addToClass), then the page's view (gradebookView: checks, roster, heat map,
 * debrief and print blocks) is computed. Target: under 2 s. Median of 5 runs.
 */
import { compileScenario } from '../src/authoring/compile.ts';
import { scenarioFiles } from '../src/authoring/lint.ts';
import {
  addToClass,
  DEFAULT_FILTER,
  gradebookCatalogueOf,
  gradebookView,
  QUESTIONS,
  scoreAttempt,
  type Answer,
  type Learner,
  type Scenario,
} from '../src/engine/index.ts';
import { buildAttemptRecord } from '../src/engine/attempt-record.ts';
import { readResultsFile } from '../src/lib/results-file.ts';

const scenarios = scenarioFiles('scenarios')
  .map((f) => compileScenario(f).scenario)
  .filter((s): s is Scenario => !!s)
  .slice(0, 24);
let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

/** Play a scenario at random (a plausible mix of right and wrong answers), as a learner would hand it in. */
function play(s: Scenario, id: string, day: number) {
  const answers: Answer[] = [];
  const path: string[] = [];
  let step = s.steps.find((x) => x.id === s.frontmatter.start)!;
  while (step.kind !== 'ending' && path.length < 40) {
    const here = step;
    path.push(here.id);
    if (here.kind === 'scene') {
      const index = Math.floor(random() * here.choices.length);
      answers.push({ kind: 'choice', step: here.id, choice: index });
      step = s.steps.find((x) => x.id === here.choices[index]!.to)!;
    } else {
      const given = Object.fromEntries(
        QUESTIONS.map((q) => [q.key, random() < 0.8 ? here.key[q.key] : here.key[q.key] === 'yes' ? 'no' : 'yes']),
      ) as Record<(typeof QUESTIONS)[number]['key'], 'yes' | 'no'>;
      const call = (['act', 'ask', 'decline'] as const)[Math.floor(random() * 3)]!;
      answers.push({ kind: 'decision', step: here.id, answers: given, call });
      step = s.steps.find((x) => x.id === here.branches[call])!;
    }
  }
  path.push(step.id);
  const finished = new Date(Date.UTC(2026, 10, 1 + day, 10)).toISOString();
  return buildAttemptRecord(
    s,
    {
      id,
      path,
      answers,
      startedAt: finished,
      finishedAt: finished,
      seconds: 500,
      contentHash: 'h',
      sessionCode: 'ACAD-26-3',
    },
    scoreAttempt(s, answers),
  );
}

const files = Array.from({ length: 60 }, (_, learner) =>
  JSON.stringify({
    format: 'mp201-results',
    version: 1,
    exportedAt: '2026-11-26T00:00:00.000Z',
    trainee: { name: `Recruit ${learner + 1}`, memberId: `R-${1000 + learner}`, sessionCode: 'ACAD-26-3' },
    attempts: scenarios.flatMap((s) => [0, 1, 2].map((n) => play(s, `${learner}-${s.id}-${n}`, n))),
  }),
);
const bytes = files.reduce((t, f) => t + f.length, 0);

const catalogue = gradebookCatalogueOf(scenarios.map((scenario) => ({ scenario, hash: 'h' })));
const times: number[] = [];
let learners: Learner[] = [];
for (let run = 0; run < 5; run++) {
  const start = performance.now();
  learners = [];
  for (const [i, text] of files.entries()) {
    const read = readResultsFile(text);
    if (read.status === 'refused') throw new Error(read.reason);
    learners = addToClass(learners, read.file, `file-${i}.json`).learners;
  }
  // Everything the page shows (checks, roster, heat map, debrief, print blocks), as the page computes it.
  gradebookView(
    { sessionCode: 'ACAD-26-3', classList: [], learners, files: [] },
    catalogue,
    DEFAULT_FILTER,
    Date.now(),
  );
  times.push(performance.now() - start);
}
const median = [...times].sort((a, b) => a - b)[2]!;
const attempts = learners.reduce((t, l) => t + l.attempts.length, 0);
console.log(
  `${files.length} files (${(bytes / 1024 / 1024).toFixed(1)} MB), ${attempts} attempts: read + validate + merge + every view, median of 5: ${median.toFixed(0)} ms  [target < 2000 ms]`,
);
