import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../../src/authoring/compile.ts';
import { lintFiles, scenarioFiles } from '../../../src/authoring/lint.ts';
import { RULES } from '../../../src/engine/index.ts';

const dir = 'tests/fixtures/scenarios/rules';

/** One fixture per rule: the line the problem is reported on and the exact message. */
const EXPECTED: Record<string, [number, string]> = {
  'all-no': [29, 'decision "check" has seven "no" answers: nothing to weigh'],
  'bad-attribute': [11, '<Scene> has a {...spread} attribute'],
  'bad-field': [7, 'front matter "minutes": expected a number of minutes but found string "ten"'],
  'bad-grade': [21, '<Choice> "Walk straight in.": expected grade="best|ok|poor" but found "bad"'],
  'bad-id': [29, 'step id "Check It" has characters other than a-z, 0-9 and -'],
  'bad-key': [29, 'decision "check": legal must be "yes" or "no" but is "maybe"'],
  'bad-outcome': [45, 'ending "done": expected outcome="exemplary|adequate|poor" but found "great"'],
  'best-is-longest': [15, 'scene "door": the best choice is the longest label (56 characters; the shortest has 17)'],
  'ending-title-default': [45, '<Ending id="done"> has no title, so it is shown as "Done"'],
  'bad-why': [
    39,
    '<Why> in decision "check": expected q= one of customer, department, legal, safe, level, accountable, policy but found "rules"',
  ],
  'bad-yaml': [
    8,
    'front matter is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
  ],
  'dead-end': [51, 'scene "hall" has no <Choice>, so the trainee is stuck there'],
  'duplicate-id': [45, 'step id "door" is used twice (first at line 11)'],
  'duplicate-why': [40, 'decision "check" explains "policy" twice'],
  'empty-inform': [29, 'decision "check": inform is empty'],
  'exemplary-not-earned': [45, 'exemplary ending "done" cannot be reached by playing well'],
  'expression-attribute': [15, '<Choice> grade={"best"} is an expression'],
  'inform-without-act': [
    29,
    'decision "check" says acting keeps command informed, but its key calls for decline, not act',
  ],
  'minutes-off': [7, 'minutes: 45, but a trainee passes through about 3 steps (expected 1–6 minutes)'],
  misplaced: [33, '<Feedback> is inside <Decision>'],
  'missing-action': [29, 'decision "check" has no action'],
  'missing-branch': [29, 'decision "check" does not say where "ask" leads'],
  'missing-field': [1, 'front matter has no "summary"'],
  'missing-frontmatter': [1, 'the file has no front matter'],
  'missing-id': [45, '<Ending> has no id'],
  'missing-key': [29, 'decision "check" has no key for question f (accountable)'],
  'missing-label': [15, '<Choice> has no label'],
  'missing-target': [15, '<Choice> "Introduce yourself." has no to='],
  'missing-title': [11, '<Scene id="door"> has no title'],
  'missing-why': [29, 'decision "check" has no <Why q="policy">'],
  'no-ending': [51, 'from step "loop-a" no path ever reaches an <Ending> (the story loops forever)'],
  'no-feedback': [21, '<Choice> "Walk straight in." has no <Feedback>'],
  'no-good-faith-ending': [11, 'no ending can be reached by playing well (best or ok choices and the right calls)'],
  'no-steps': [1, 'the scenario has no steps'],
  'sop-not-trained': [6, 'front matter "sop" lists duty.urgency, but no step trains it'],
  syntax: [
    26,
    'MDX syntax: Unexpected closing tag `</Scene>`, expected corresponding closing tag for `<Choice>` (15:1)',
  ],
  'test-never-discriminates': [29, 'every decision has seven "yes" answers, so the trainee never has to find a "no"'],
  'unknown-clause': [15, '<Choice> "Introduce yourself." trains "duty.kindness", which is not a clause id'],
  'unknown-component': [15, '<Callout> is not a scenario component'],
  'unknown-field': [8, 'front matter "author": unknown field "author"'],
  'unknown-start': [8, 'front matter "start": "porch" is not a step id'],
  'unknown-target': [21, '<Choice> "Walk straight in." leads to "dnoe", but no step has that id'],
  unreachable: [51, 'step "lost" cannot be reached from the start ("door")'],
  'untrainable-clause': [
    15,
    '<Choice> "Introduce yourself." trains "q.safe", but choices are scored only on duty.*, image.* and officer.* clauses',
  ],
};

/**
 * Rules that need the dictionary or other files (run through lintFiles, as the CLI does): the
 * fixture, the line and column, the message and the fix. A folder fixture holds two scenarios that
 * clash with each other; its first file is the one asserted.
 */
const COURSE_EXPECTED: Record<string, [string, number, number, string, string]> = {
  spelling: [
    'spelling.mdx',
    13,
    9,
    '"recieves" is not in the US English dictionary',
    'correct the spelling (perhaps "receives"), or add the word to project-words.txt if it is a name or a term',
  ],
  'british-spelling': ['british-spelling.mdx', 13, 5, '"neighbour" is British spelling', 'write "neighbor"'],
  'stock-phrase': [
    'stock-phrase.mdx',
    47,
    1,
    'stock phrase "Every answer was yes"',
    'say the reason in this scene’s own terms: what makes this answer yes or no here',
  ],
  'repeated-name': [
    'repeated-name/a-first-story.mdx',
    15,
    1,
    '"Rosalind Tsosie" is also a character in b-second-story.mdx',
    'give this person a name used in no other scenario (grep the scenarios folder first)',
  ],
  'repeated-sentence': [
    'repeated-sentence/a-first-story.mdx',
    47,
    1,
    '"The daughter arrives within ten minutes and thanks the cr…" is also in b-second-story.mdx',
    'write this sentence for this scenario in its own words',
  ],
};

describe('authoring rules', () => {
  it.each(Object.entries(EXPECTED))('%s: reported at its line with its message', (code, [line, message]) => {
    const { problems } = compileScenario(`${dir}/${code}.mdx`);
    expect(problems.filter((p) => p.code === code)[0]).toMatchObject({
      line,
      message,
      severity: RULES.find((r) => r.code === code)?.severity,
    });
  });

  it.each(Object.entries(COURSE_EXPECTED))(
    '%s: reported at its line and column with its message and fix',
    async (code, [fixture, line, column, message, fix]) => {
      const [result] = await lintFiles([`${dir}/${fixture}`]);
      expect(result!.problems.filter((p) => p.code === code)[0]).toEqual({
        severity: RULES.find((r) => r.code === code)?.severity,
        code,
        line,
        column,
        message,
        fix,
      });
    },
    30_000,
  );

  it('a folder fixture reports the clash in both of its files, and nothing clashes in the single-file fixtures', async () => {
    const pair = await lintFiles(scenarioFiles(`${dir}/repeated-name`));
    expect(pair.map((r) => r.problems.filter((p) => p.code === 'repeated-name').length)).toEqual([1, 1]);
    const [alone] = await lintFiles(['tests/fixtures/scenarios/valid/minimal.mdx']);
    expect(alone!.problems).toEqual([]);
  }, 30_000);

  it('documents every rule, and every documented rule has a fixture (or, for an unreadable file, a test)', () => {
    const fixtures = readdirSync(dir)
      .map((f) => f.replace(/\.mdx$/, ''))
      .sort();
    expect(fixtures).toEqual([...Object.keys(EXPECTED), ...Object.keys(COURSE_EXPECTED)].sort());
    expect(
      RULES.map((r) => r.code)
        .filter((c) => c !== 'unreadable' && c !== 'too-many-paths')
        .sort(),
    ).toEqual(fixtures);
  });

  it('reports an unreadable file', () => {
    expect(compileScenario(`${dir}/does-not-exist.mdx`).problems[0]).toMatchObject({ code: 'unreadable', line: 1 });
  });

  it('the valid fixture has neither errors nor warnings', () => {
    expect(compileScenario('tests/fixtures/scenarios/valid/minimal.mdx').problems).toEqual([]);
  });
});
