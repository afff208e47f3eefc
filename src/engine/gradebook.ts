import { CALL_POINTS, callPoints, isScoringVersion } from './call-credit.ts';
import { QUESTIONS, type QuestionKey } from './clauses.ts';
import { CALLS, type Call, type YesNo } from './model.ts';
import type { AttemptRecord, ResultsFile } from './results-schema.ts';
import { expectedCall } from './score.ts';
import { toCsv } from './csv.ts';
import { STRENGTH_DIMENSIONS, strengthsOf, summarizeProgress, type ScenarioProgress } from './progress.ts';
import { mergeAttempts } from './results-format.ts';
import { checkAttempt, sameSessionCode, type AttemptCheck, type Flag, type ScoringKey } from './verify.ts';

/**
 * The academy gradebook: a class's hand-in files become one roster, a heat map, and a per-decision
 * breakdown for the debrief. Everything here is pure; the page only reads files and draws tables.
 */

/** One learner in the class, with every attempt they handed in (the same attempt is kept once). */
export interface Learner {
  key: string;
  name: string;
  memberId?: string;
  sessionCodes: string[];
  attempts: AttemptRecord[];
  /** The files this learner's results came from. */
  files: string[];
}

const normalName = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();
const normalId = (memberId: string | undefined) => memberId?.trim().toLowerCase() ?? '';

/**
 * How a learner is recognised across files: name (case and spacing ignored) and member number
 * together. A member number alone would merge two people who typed the same number; such
 * collisions are flagged instead (see identityFlags).
 */
export function learnerKey(trainee: { name: string; memberId?: string }): string {
  const id = normalId(trainee.memberId);
  return `${id ? `id:${id}|` : ''}name:${normalName(trainee.name)}`;
}

/** Add a results file to the class: its attempts merge into the learner's (duplicates counted once). */
export function addToClass(
  learners: readonly Learner[],
  file: ResultsFile,
  fileName: string,
): { learners: Learner[]; added: number } {
  const key = learnerKey(file.trainee);
  const existing = learners.find((l) => l.key === key);
  const merged = mergeAttempts(existing?.attempts ?? [], file.attempts);
  const codes = new Set([
    ...(existing?.sessionCodes ?? []),
    ...file.attempts.flatMap((a) => (a.sessionCode ? [a.sessionCode] : [])),
    ...(file.trainee.sessionCode ? [file.trainee.sessionCode] : []),
  ]);
  const learner: Learner = {
    key,
    name: existing?.name ?? file.trainee.name,
    ...((existing?.memberId ?? file.trainee.memberId) ? { memberId: existing?.memberId ?? file.trainee.memberId } : {}),
    sessionCodes: [...codes].sort(),
    attempts: merged.attempts,
    files: [...new Set([...(existing?.files ?? []), fileName])],
  };
  const next = existing ? learners.map((l) => (l.key === key ? learner : l)) : [...learners, learner];
  return { learners: next.sort((a, b) => a.name.localeCompare(b.name)), added: merged.added + merged.updated };
}

/** True when a file's attempts carry a session code other than the class's (or none at all). */
export function otherSessionCodes(file: ResultsFile, sessionCode: string): string[] {
  if (!sessionCode) return [];
  const codes = new Set(
    [file.trainee.sessionCode, ...file.attempts.map((a) => a.sessionCode)].filter((c): c is string => !!c),
  );
  return [...codes].filter((c) => !sameSessionCode(c, sessionCode));
}

/** What checking the class found: per learner (by key), their own flags and each attempt's check (by attempt id). */
export type ClassCheck = Map<string, { flags: Flag[]; attempts: Map<string, AttemptCheck> }>;

/** Learners who share a member number under different names: each gets a flag naming the others. */
export function identityFlags(learners: readonly Learner[]): Map<string, Flag[]> {
  const byId = new Map<string, Learner[]>();
  for (const l of learners) {
    const id = normalId(l.memberId);
    if (id) byId.set(id, [...(byId.get(id) ?? []), l]);
  }
  const flags = new Map<string, Flag[]>();
  for (const same of byId.values())
    if (same.length > 1)
      for (const l of same)
        flags.set(l.key, [
          {
            code: 'identity',
            message: `member number ${l.memberId} is also used by ${same
              .filter((o) => o !== l)
              .map((o) => o.name)
              .join(', ')}`,
          },
        ]);
  return flags;
}

/**
 * Check every attempt of every learner against the current scoring keys (see checkAttempt) and flag
 * shared member numbers. `keys` maps scenario ids to their keys.
 */
export function checkClass(
  learners: readonly Learner[],
  keys: ReadonlyMap<string, ScoringKey>,
  options: { sessionCode: string; now: number },
): ClassCheck {
  const identity = identityFlags(learners);
  return new Map(
    learners.map((l) => [
      l.key,
      {
        flags: identity.get(l.key) ?? [],
        attempts: new Map(
          l.attempts.map((a) => [
            a.id,
            checkAttempt(a, keys.get(a.scenario), { ...options, traineeCodes: l.sessionCodes }),
          ]),
        ),
      },
    ]),
  );
}

/**
 * Each learner's standing on every scenario. With a class check, an attempt counts as passed only
 * when the check says so (re-scored where the path could be followed), not because the file says it.
 */
export function classRoster(
  learners: readonly Learner[],
  scenarioIds: readonly string[],
  check?: ClassCheck,
): { learner: Learner; progress: ScenarioProgress[] }[] {
  return learners.map((learner) => {
    const checks = check?.get(learner.key)?.attempts;
    const attempts = checks
      ? learner.attempts.map((a) => ({ ...a, passed: checks.get(a.id)?.passed ?? a.passed }))
      : learner.attempts;
    return { learner, progress: summarizeProgress(scenarioIds, attempts) };
  });
}

/** Percent per learner and dimension (over each learner's latest attempt at each scenario); null where nothing was scored. */
export function classHeatmap(learners: readonly Learner[]): { learner: Learner; cells: (number | null)[] }[] {
  return learners.map((learner) => {
    const strengths = strengthsOf(learner.attempts);
    return {
      learner,
      cells: STRENGTH_DIMENSIONS.map((d) => strengths.find((s) => s.dimension === d)?.percent ?? null),
    };
  });
}

/** A decision as the gradebook needs it. */
export interface DecisionFacts {
  id: string;
  title: string;
  key: Record<QuestionKey, YesNo>;
}

/** How the class answered one decision: per question the yes/no counts with the key, and the calls made. */
export interface DecisionBreakdown {
  decision: DecisionFacts;
  rightCall: Call;
  /** Learners who answered it (each learner's latest answer at that decision). */
  answered: number;
  questions: { key: QuestionKey; letter: string; expected: YesNo; yes: number; no: number }[];
  calls: Record<Call, number>;
  /** Points each call earns at this decision under the current call-credit table (of CALL_POINTS). */
  credit: Record<Call, number>;
  /** Call points the class earned here (each answer under the scoring version its attempt was scored with) and could have. */
  callEarned: number;
  callPossible: number;
}

/** How the class called each decision of a scenario, counting each learner's latest answer once. */
export function decisionBreakdown(
  scenarioId: string,
  decisions: readonly DecisionFacts[],
  learners: readonly Learner[],
): DecisionBreakdown[] {
  return decisions.map((decision) => {
    const latest = learners.flatMap((l) => {
      const answers = l.attempts
        .filter((a) => a.scenario === scenarioId)
        .sort((a, b) => a.finishedAt.localeCompare(b.finishedAt))
        .flatMap((a) => a.answers.map((answer) => ({ answer, version: a.scoringVersion ?? 1 })))
        .filter((x) => x.answer.kind === 'decision' && x.answer.step === decision.id);
      const last = answers.at(-1);
      return last && last.answer.kind === 'decision' ? [{ ...last.answer, version: last.version }] : [];
    });
    const right = expectedCall(decision.key);
    const calls: Record<Call, number> = { act: 0, ask: 0, decline: 0 };
    let callEarned = 0;
    for (const a of latest) {
      calls[a.call]++;
      callEarned += callPoints(right, a.call, isScoringVersion(a.version) ? a.version : undefined);
    }
    return {
      decision,
      rightCall: right,
      answered: latest.length,
      credit: Object.fromEntries(CALLS.map((c) => [c, callPoints(right, c)])) as Record<Call, number>,
      callEarned,
      callPossible: latest.length * CALL_POINTS,
      questions: QUESTIONS.map((q) => ({
        key: q.key,
        letter: q.letter,
        expected: decision.key[q.key],
        yes: latest.filter((a) => a.answers[q.key] === 'yes').length,
        no: latest.filter((a) => a.answers[q.key] === 'no').length,
      })),
      calls,
    };
  });
}

/** Names on the class list with no results handed in (matched like learners: case and spacing ignored). */
export function notHandedIn(classList: readonly string[], learners: readonly Learner[]): string[] {
  const names = new Set(learners.map((l) => normalName(l.name)));
  return classList.map((n) => n.trim()).filter((n) => n && !names.has(normalName(n)));
}

/**
 * The roster as CSV: one row per learner and scenario, with what checking found about the best
 * attempt (scores are self-reported; "verified" means re-scored and consistent, not proof of who played).
 */
export function rosterCsv(
  learners: readonly Learner[],
  scenarios: readonly { id: string; title: string }[],
  check?: ClassCheck,
): string {
  const rows = classRoster(
    learners,
    scenarios.map((s) => s.id),
    check,
  ).flatMap(({ learner, progress }) =>
    progress.map((p) => {
      const c = p.best ? check?.get(learner.key)?.attempts.get(p.best.id) : undefined;
      const flags = [...(check?.get(learner.key)?.flags ?? []), ...(c?.flags ?? [])];
      return [
        learner.name,
        learner.memberId ?? '',
        learner.sessionCodes.join(' '),
        p.scenario,
        scenarios.find((s) => s.id === p.scenario)?.title ?? '',
        p.status,
        p.best?.percent ?? '',
        p.best?.passed ? 'yes' : 'no',
        p.attempts,
        Math.round(p.seconds / 60),
        p.best?.scoringVersion ?? (p.best ? 1 : ''),
        !p.best || !check ? '' : c?.verified && flags.length === 0 ? 'yes' : 'no',
        flags.map((f) => f.message).join('; '),
      ];
    }),
  );
  return toCsv([
    [
      'name',
      'member_id',
      'session',
      'scenario',
      'title',
      'status',
      'best_percent_self_reported',
      'passed',
      'attempts',
      'minutes',
      'scoring_version',
      'verified',
      'flags',
    ],
    ...rows,
  ]);
}

/** Every answer as CSV: one row per learner, attempt, decision and question (and one for the call). */
export function answersCsv(
  learners: readonly Learner[],
  decisions: Readonly<Record<string, readonly DecisionFacts[]>>,
): string {
  const rows: unknown[][] = [];
  for (const learner of learners)
    for (const attempt of learner.attempts)
      for (const answer of attempt.answers) {
        if (answer.kind !== 'decision') continue;
        // A scenario id comes from a file: only the record's own entries count ("constructor" is not a scenario).
        const known = Object.hasOwn(decisions, attempt.scenario) ? decisions[attempt.scenario] : undefined;
        const decision = known?.find((d) => d.id === answer.step);
        const version = attempt.scoringVersion ?? 1;
        const base = [learner.name, learner.memberId ?? '', attempt.scenario, attempt.id, answer.step];
        for (const q of QUESTIONS) {
          const matches = decision ? answer.answers[q.key] === decision.key[q.key] : undefined;
          rows.push([
            ...base,
            `${q.letter}. ${q.key}`,
            answer.answers[q.key],
            decision?.key[q.key] ?? '',
            matches === undefined ? '' : matches ? 'yes' : 'no',
            matches === undefined ? '' : `${matches ? 1 : 0}/1`,
            version,
          ]);
        }
        const right = decision ? expectedCall(decision.key) : undefined;
        rows.push([
          ...base,
          'call',
          answer.call,
          right ?? '',
          right ? (answer.call === right ? 'yes' : 'no') : '',
          right && isScoringVersion(version) ? `${callPoints(right, answer.call, version)}/${CALL_POINTS}` : '',
          version,
        ]);
      }
  return toCsv([
    [
      'name',
      'member_id',
      'scenario',
      'attempt',
      'decision',
      'question',
      'answer',
      'key',
      'matches_key',
      'points',
      'scoring_version',
    ],
    ...rows,
  ]);
}

/** Moved to results-format.ts (reading files); re-exported here for the gradebook's callers. */
export { jsonDepthExceeds } from './results-format.ts';
