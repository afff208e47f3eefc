import { SCORING_VERSION } from './call-credit.ts';
import type { Scenario } from './model.ts';
import type { AttemptRecord } from './results-schema.ts';
import type { Answer, Score } from './score.ts';

/** Build the record of a finished attempt from the machine's path and answers and the engine's score. */
export function buildAttemptRecord(
  scenario: Scenario,
  played: {
    id: string;
    path: string[];
    answers: Answer[];
    startedAt: string;
    finishedAt: string;
    seconds: number;
    contentHash: string;
    sessionCode?: string;
  },
  score: Score,
): AttemptRecord {
  const endingId = played.path.at(-1) ?? '';
  const ending = scenario.steps.find((s) => s.id === endingId);
  return {
    id: played.id,
    scenario: scenario.id,
    title: scenario.frontmatter.title,
    contentHash: played.contentHash,
    startedAt: played.startedAt,
    finishedAt: played.finishedAt,
    seconds: Math.round(played.seconds),
    minutes: scenario.frontmatter.minutes,
    path: played.path,
    answers: played.answers,
    ending: endingId,
    outcome: ending?.kind === 'ending' ? ending.outcome : 'poor',
    percent: score.percent,
    earned: score.earned,
    possible: score.possible,
    passingScore: scenario.frontmatter.passingScore,
    passed: score.passed,
    byDimension: score.byDimension.map(({ dimension, earned, possible }) => ({ dimension, earned, possible })),
    scoringVersion: SCORING_VERSION,
    ...(played.sessionCode ? { sessionCode: played.sessionCode } : {}),
  };
}
