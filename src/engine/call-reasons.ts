import { CALL_CREDIT, CALL_POINTS, creditOf, type Credit } from './call-credit.ts';
import type { QuestionKey } from './clauses.ts';
import { CALLS, type Call, type YesNo } from './model.ts';
import { expectedCall } from './score.ts';
import { CALL_LABELS } from './vocabulary.ts';

/**
 * Why each cell of the call-credit table earns what it does, in a trainee's words. Used at build
 * time (the decision's review paragraphs, the authoring guide), so the player never carries this prose.
 */
export const CALL_REASONS: Readonly<Record<Call, Readonly<Record<Call, { summary: string; reason: string }>>>> = {
  act: {
    act: {
      summary: 'the right call',
      reason: 'Every answer was yes, so the action was yours to take without asking permission.',
    },
    ask: {
      summary: 'safe, but not empowered',
      reason:
        'That was safe, but every answer was yes: the call was yours to make, and waiting for permission cost the customer time.',
    },
    decline: {
      summary: 'a customer went unserved',
      reason:
        'Every answer was yes, so nothing stood in the way: declining left a customer without help you were empowered to give.',
    },
  },
  ask: {
    act: {
      summary: 'acted without the right',
      reason:
        'The only "no" was the organizational level: the action belonged to the officer who holds that level, so acting alone went beyond your authority.',
    },
    ask: {
      summary: 'the right call',
      reason: 'The only "no" was the organizational level, so you take it to the officer who holds that level.',
    },
    decline: {
      summary: 'nobody harmed, customer not served',
      reason:
        'Nobody was harmed, but the only "no" was the organizational level: the officer who holds that level might have said yes, and the customer was not served.',
    },
  },
  decline: {
    act: {
      summary: 'acted without the right',
      reason:
        'A "no" beyond the organizational level means nobody at your level can approve it: acting went beyond your authority.',
    },
    ask: {
      summary: 'checking is never wrong; it cost time',
      reason:
        'Checking with your officer is never wrong, but the answer was going to be no: the right call was to decline kindly and offer what you can do instead.',
    },
    decline: {
      summary: 'the right call',
      reason: 'A "no" beyond the organizational level means you decline kindly and offer what you can do instead.',
    },
  },
};

/** How a call's result reads in the review table: a mark (the words stay for screen readers) and words. */
export const CREDIT_RESULT: Readonly<Record<Credit, { mark: string; words: string }>> = {
  full: { mark: '✓', words: 'Best call' },
  partial: { mark: '◐', words: 'Acceptable call' },
  none: { mark: '✗', words: 'Poor call' },
};

/** What the trainee did, in the words the explanation starts with. */
const YOU_DID: Record<Call, string> = {
  act: 'You acted.',
  ask: 'You asked your officer.',
  decline: 'You declined.',
};

/** How the right call reads where acting includes keeping someone informed: "Act, and keep command informed". */
export function actAndInform(inform: string): { label: string; note: string } {
  return { label: `Act, and keep ${inform} informed`, note: 'telling is not asking permission' };
}

/**
 * Explain the points a call earned, in plain words built from the call-credit table and the key:
 * "You asked your officer. That was safe, but every answer was yes: … (1 of 3 points for the call.)"
 * Where acting includes keeping someone informed (`inform`, only where the key calls for act), the
 * explanation says that telling is not asking permission.
 */
export function explainCall(expected: Call, made: Call, inform?: string): string {
  const points = CALL_CREDIT[expected][made];
  const informs = expected === 'act' && inform ? inform : undefined;
  const reason =
    informs && made === 'ask'
      ? `That was safe, and keeping ${informs} informed is expected here, but telling is not asking permission: every answer was yes, so the call was yours to make.`
      : CALL_REASONS[expected][made].reason;
  const note =
    informs && made !== 'ask'
      ? ` Acting here includes keeping ${informs} informed: ${actAndInform(informs).note}.`
      : '';
  return `${YOU_DID[made]} ${reason}${note} (${points} of ${CALL_POINTS} points for the call.)`;
}

/** The table as rows (the key's call, then each call made), for the authoring guide. */
export function callCreditRows(): {
  expected: Call;
  cells: { made: Call; points: number; credit: Credit; summary: string }[];
}[] {
  return CALLS.map((expected) => ({
    expected,
    cells: CALLS.map((made) => ({
      made,
      points: CALL_CREDIT[expected][made],
      credit: creditOf(CALL_CREDIT[expected][made]),
      summary: CALL_REASONS[expected][made].summary,
    })),
  }));
}

/** What each call means, as the decision form offers it beside the call's name. */
export const CALL_HINTS: Readonly<Record<Call, string>> = {
  act: 'do it now, without asking permission',
  ask: 'take it to the person who holds that level',
  decline: 'say no kindly and offer what you can do instead',
};

/** One call as a decision's review shows it: its points against the key, the result and the explanation. */
export interface CallReview {
  call: Call;
  points: number;
  /** The review row's class: right, partial or wrong. */
  className: 'right' | 'partial' | 'wrong';
  mark: string;
  words: string;
  /** Why the call earns what it does here (explainCall). */
  text: string;
}

const CREDIT_CLASS: Readonly<Record<Credit, CallReview['className']>> = {
  full: 'right',
  partial: 'partial',
  none: 'wrong',
};

/**
 * A decision's key as its page shows it, written at build time: the right call (with who acting keeps
 * informed, where the key calls for act and `inform` names someone: telling is not asking permission),
 * and for each call a trainee can make, what it earns and why; the player shows the one made.
 */
export function describeDecisionKey(
  key: Readonly<Record<QuestionKey, YesNo>>,
  inform?: string,
): { right: { label: string; note: string }; calls: CallReview[] } {
  const expected = expectedCall(key);
  const who = inform?.trim() || undefined;
  return {
    right: expected === 'act' && who ? actAndInform(who) : { label: CALL_LABELS[expected], note: CALL_HINTS[expected] },
    calls: CALLS.map((call) => {
      const points = CALL_CREDIT[expected][call];
      const credit = creditOf(points);
      return {
        call,
        points,
        className: CREDIT_CLASS[credit],
        ...CREDIT_RESULT[credit],
        text: explainCall(expected, call, who),
      };
    }),
  };
}
