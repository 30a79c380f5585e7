import {
  checkAnswers,
  visibleQuestions,
  type AnswerProblem,
  type AnswerValue,
  type Answers,
  type VisitAnswersInput,
} from '../../../../contracts/field-answers.ts';
import type {
  Question,
  QuestionnaireDefinition,
} from '../../../../contracts/field-questionnaires.ts';

/**
 * A phone conversation's answers to the bank's questionnaire, with the door-to-door engine: on
 * the phone nobody is met at an address, so no contact is taken and "do not visit again" does
 * not apply; the two consents are the callee's, said aloud and ticked by the volunteer.
 */

/** The bank's questionnaire as the caller's page receives it. */
export interface CallQuestionnaire {
  versionId: number;
  definition: QuestionnaireDefinition;
}

/** What the volunteer has filled in during the call. */
export interface CallAnswersState {
  answers: Answers;
  supportLevel: number | null;
  /** The callee agreed that their answers are kept with their name. */
  personalData: boolean;
  /** The callee's explicit consent to keep their support level with their name (GDPR art. 9). */
  storeOpinion: boolean;
}

export const emptyCallAnswers = (): CallAnswersState => ({
  answers: {},
  supportLevel: null,
  personalData: false,
  storeOpinion: false,
});

/** The questions to ask now: a condition hides what depends on an answer not given. */
export const questionsToAsk = (definition: QuestionnaireDefinition, state: CallAnswersState) =>
  visibleQuestions(definition, state.answers, state.supportLevel);

/** Whether the opinion consent is asked: a support question is among those asked. */
export const asksOpinionConsent = (definition: QuestionnaireDefinition, state: CallAnswersState) =>
  questionsToAsk(definition, state).some((question) => question.kind === 'support');

const given = (value: AnswerValue | undefined): value is AnswerValue =>
  value !== undefined &&
  !(typeof value === 'string' && value.trim() === '') &&
  !(Array.isArray(value) && value.length === 0);

/**
 * The answers a conversation sends: visible questions only (what a condition hid is dropped),
 * the support level apart, the opinion kept with the name only with both consents.
 */
export function buildCallAnswers(
  questionnaire: CallQuestionnaire,
  state: CallAnswersState,
): VisitAnswersInput {
  const answers: Answers = {};
  let supportLevel: number | undefined;
  for (const question of questionsToAsk(questionnaire.definition, state)) {
    if (question.kind === 'support') {
      if (state.supportLevel !== null) supportLevel = state.supportLevel;
      continue;
    }
    const value = state.answers[question.id];
    if (given(value)) answers[question.id] = value;
  }
  const storeOpinion =
    state.personalData && state.storeOpinion && asksOpinionConsent(questionnaire.definition, state);
  return {
    versionId: questionnaire.versionId,
    answers,
    ...(supportLevel === undefined ? {} : { supportLevel }),
    residentConsent: { personalData: state.personalData, storeOpinion },
    doNotVisitAgain: false,
  };
}

/** Where a problem shows on the form: a question (`q.<id>`), a consent, or the whole form. */
export function problemField(
  path: readonly (string | number)[],
  definition: QuestionnaireDefinition,
): string {
  const [head, next] = path;
  if (head === 'answers' && typeof next === 'string') return `q.${next}`;
  if (head === 'supportLevel') {
    const support = definition.questions.find((question) => question.kind === 'support');
    return support ? `q.${support.id}` : 'questionnaire';
  }
  if (head === 'residentConsent') return next === 'storeOpinion' ? 'storeOpinion' : 'personalData';
  return 'questionnaire';
}

/** A problem code for each field, the first found of each. */
export type ProblemsByField = Map<string, string>;

function byField(problems: readonly AnswerProblem[], definition: QuestionnaireDefinition) {
  const fields: ProblemsByField = new Map();
  for (const problem of problems) {
    const field = problemField(problem.path, definition);
    if (!fields.has(field)) fields.set(field, problem.code);
  }
  return fields;
}

/** Checks the answers with the engine the server runs: an empty map when they may be sent. */
export function checkCallAnswers(
  definition: QuestionnaireDefinition,
  submission: VisitAnswersInput,
): ProblemsByField {
  const check = checkAnswers(definition, submission);
  return check.ok ? new Map() : byField(check.problems, definition);
}

const answerKeys = new Set(['answers', 'supportLevel', 'residentConsent', 'versionId']);

/**
 * The server's `invalid_answers` errors on the form. Their field is a dotted path, from the
 * call record (`answers.answers.concern`) or from the answers (`answers.concern`).
 */
export function serverAnswerProblems(
  errors: readonly { field: string; code: string }[],
  definition: QuestionnaireDefinition,
): ProblemsByField {
  return byField(
    errors.map(({ field, code }) => {
      const path = field.split('.').filter(Boolean);
      const inAnswers = path[0] === 'answers' && answerKeys.has(path[1] ?? '');
      return { path: inAnswers ? path.slice(1) : path, code };
    }),
    definition,
  );
}

/** A multiple choice's picks in the definition's order, so equal picks read equal. */
export const inDefinitionOrder = (question: Question, picks: readonly string[]): string[] =>
  'options' in question
    ? question.options.map((option) => option.id).filter((id) => picks.includes(id))
    : [...picks];
