import { DUTY_IDS, QUESTIONS, type QuestionKey } from './clauses.ts';
import type { Call, YesNo } from './model.ts';
import type { AttemptRecord, ResultsFile } from './results-schema.ts';
import { expectedCall } from './score.ts';
import { mergeAttempts, strengthsOf, summarizeProgress, toCsv, type ScenarioProgress } from './results.ts';

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

/** How a learner is recognised across files: member number if given, else the name (case and spacing ignored). */
export function learnerKey(trainee: { name: string; memberId?: string }): string {
  return trainee.memberId?.trim()
    ? `id:${trainee.memberId.trim().toLowerCase()}`
    : `name:${trainee.name.trim().replace(/\s+/g, ' ').toLowerCase()}`;
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
  return [...codes].filter((c) => c.toLowerCase() !== sessionCode.toLowerCase());
}

/** Each learner's standing on every scenario. */
export function classRoster(
  learners: readonly Learner[],
  scenarioIds: readonly string[],
): { learner: Learner; progress: ScenarioProgress[] }[] {
  return learners.map((learner) => ({ learner, progress: summarizeProgress(scenarioIds, learner.attempts) }));
}

/** The dimensions the heat map shows: the seven questions and the five responsibilities. */
export const HEATMAP_DIMENSIONS: readonly string[] = [...QUESTIONS.map((q) => q.clause), ...DUTY_IDS];

/** Percent per learner and dimension (over each learner's latest attempt at each scenario); null where nothing was scored. */
export function classHeatmap(learners: readonly Learner[]): { learner: Learner; cells: (number | null)[] }[] {
  return learners.map((learner) => {
    const strengths = strengthsOf(learner.attempts);
    return { learner, cells: HEATMAP_DIMENSIONS.map((d) => strengths.find((s) => s.dimension === d)?.percent ?? null) };
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
        .flatMap((a) => a.answers)
        .filter((x) => x.kind === 'decision' && x.step === decision.id);
      const last = answers.at(-1);
      return last && last.kind === 'decision' ? [last] : [];
    });
    const calls: Record<Call, number> = { act: 0, ask: 0, decline: 0 };
    for (const a of latest) calls[a.call]++;
    return {
      decision,
      rightCall: expectedCall(decision.key),
      answered: latest.length,
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
  const names = new Set(learners.map((l) => l.name.trim().replace(/\s+/g, ' ').toLowerCase()));
  return classList.map((n) => n.trim()).filter((n) => n && !names.has(n.replace(/\s+/g, ' ').toLowerCase()));
}

/** The roster as CSV: one row per learner and scenario. */
export function rosterCsv(learners: readonly Learner[], scenarios: readonly { id: string; title: string }[]): string {
  const rows = classRoster(
    learners,
    scenarios.map((s) => s.id),
  ).flatMap(({ learner, progress }) =>
    progress.map((p) => [
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
    ]),
  );
  return toCsv([
    ['name', 'member_id', 'session', 'scenario', 'title', 'status', 'best_percent', 'passed', 'attempts', 'minutes'],
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
        const decision = decisions[attempt.scenario]?.find((d) => d.id === answer.step);
        const base = [learner.name, learner.memberId ?? '', attempt.scenario, attempt.id, answer.step];
        for (const q of QUESTIONS)
          rows.push([
            ...base,
            `${q.letter}. ${q.key}`,
            answer.answers[q.key],
            decision?.key[q.key] ?? '',
            decision ? (answer.answers[q.key] === decision.key[q.key] ? 'yes' : 'no') : '',
          ]);
        const right = decision ? expectedCall(decision.key) : '';
        rows.push([...base, 'call', answer.call, right, decision ? (answer.call === right ? 'yes' : 'no') : '']);
      }
  return toCsv([
    ['name', 'member_id', 'scenario', 'attempt', 'decision', 'question', 'answer', 'key', 'matches_key'],
    ...rows,
  ]);
}

/**
 * How deeply a JSON text nests, counted without parsing it, stopping as soon as `limit` is passed.
 * A results file nests about six levels; a file nested hundreds deep is refused before JSON.parse.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > limit) return true;
    } else if (c === 125 || c === 93) depth--;
  }
  return false;
}
