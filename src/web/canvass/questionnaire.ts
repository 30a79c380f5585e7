import {
  checkAnswers,
  visibleQuestions,
  type AnswerProblem,
  type AnswerValue,
  type Answers,
  type VisitAnswersInput,
} from '../../contracts/field-answers.ts';
import type {
  Question,
  QuestionnaireDefinition,
  QuestionnaireVersion,
} from '../../contracts/field-questionnaires.ts';

/** What the volunteer has filled in at the door, before it becomes a visit's answers. */
export interface QuestionnaireState {
  /** The consent screen: not shown yet (null), accepted or refused by the resident. */
  consent: 'accepted' | 'refused' | null;
  answers: Answers;
  supportLevel: number | null;
  /** The explicit consent to keep the support level with their name (GDPR art. 9). */
  storeOpinion: boolean;
  /** The resident leaves their name and contacts. */
  contactOpen: boolean;
  contact: {
    firstName: string;
    lastName: string;
    email: string;
    phone: string;
    emailConsent: boolean;
    phoneConsent: boolean;
  };
  doNotVisitAgain: boolean;
}

export const emptyQuestionnaire = (): QuestionnaireState => ({
  consent: null,
  answers: {},
  supportLevel: null,
  storeOpinion: false,
  contactOpen: false,
  contact: {
    firstName: '',
    lastName: '',
    email: '',
    phone: '',
    emailConsent: false,
    phoneConsent: false,
  },
  doNotVisitAgain: false,
});

/**
 * Whether the resident must see the consent screen first: a questionnaire that can take
 * personal data has a consent text (the definition's schema requires one then).
 */
export const asksConsent = (definition: QuestionnaireDefinition) =>
  definition.consentText.trim() !== '';

/** The questions to show now, the support level read from its own field. */
export const questionsToShow = (definition: QuestionnaireDefinition, state: QuestionnaireState) =>
  visibleQuestions(definition, state.answers, state.supportLevel);

/** Whether the opinion consent applies: a support question is shown and the screen accepted. */
export function asksOpinionConsent(
  definition: QuestionnaireDefinition,
  state: QuestionnaireState,
): boolean {
  return (
    state.consent === 'accepted' &&
    definition.opinionConsentText.trim() !== '' &&
    questionsToShow(definition, state).some((q) => q.kind === 'support')
  );
}

/** Whether contacts may be taken: the questionnaire asks for them and the screen was accepted. */
export const asksContact = (definition: QuestionnaireDefinition, state: QuestionnaireState) =>
  definition.contactCapture.enabled && state.consent === 'accepted';

const given = (value: AnswerValue | undefined) =>
  value !== undefined &&
  !(typeof value === 'string' && value.trim() === '') &&
  !(Array.isArray(value) && value.length === 0);

/**
 * The questionnaire's part of the visit, from what is on screen: answers to visible questions
 * only (what a condition hid is dropped), personal data only after the consent screen was
 * accepted, each channel only with what the questionnaire asks.
 */
export function buildSubmission(
  version: Pick<QuestionnaireVersion, 'id' | 'definition'>,
  state: QuestionnaireState,
): VisitAnswersInput {
  const { definition } = version;
  const visible = questionsToShow(definition, state);
  const answers: Answers = {};
  let supportLevel: number | undefined;
  for (const question of visible) {
    if (question.kind === 'support') {
      if (state.supportLevel !== null) supportLevel = state.supportLevel;
      continue;
    }
    const value = state.answers[question.id];
    if (given(value)) answers[question.id] = value;
  }
  const personalData = state.consent === 'accepted';
  const submission: VisitAnswersInput = {
    versionId: version.id,
    answers,
    residentConsent: {
      personalData,
      storeOpinion: asksOpinionConsent(definition, state) && state.storeOpinion,
    },
    doNotVisitAgain: state.doNotVisitAgain,
  };
  if (supportLevel !== undefined) submission.supportLevel = supportLevel;
  if (asksContact(definition, state) && state.contactOpen) {
    const { contact } = state;
    const capture = definition.contactCapture;
    const email = capture.askEmail ? contact.email.trim() : '';
    const phone = capture.askPhone ? contact.phone.trim() : '';
    submission.contact = {
      firstName: contact.firstName,
      lastName: contact.lastName,
      ...(email ? { email } : {}),
      ...(phone ? { phone } : {}),
      emailConsent: capture.askEmail && contact.emailConsent,
      phoneConsent: capture.askPhone && contact.phoneConsent,
    };
  }
  return submission;
}

/** Where a problem shows on the form: a question (`q.<id>`), a contact field, or the consents. */
export function problemField(problem: AnswerProblem, definition: QuestionnaireDefinition): string {
  const [head, next] = problem.path;
  if (head === 'answers' && typeof next === 'string') return `q.${next}`;
  if (head === 'supportLevel') {
    const support = definition.questions.find((q) => q.kind === 'support');
    return support ? `q.${support.id}` : 'questionnaire';
  }
  if (head === 'contact') return typeof next === 'string' ? `contact.${next}` : 'contact';
  if (head === 'residentConsent') return next === 'storeOpinion' ? 'storeOpinion' : 'consent';
  return 'questionnaire';
}

export type ProblemsByField = Map<string, string>;

/**
 * Checks the submission with the same engine the server runs, and gives each field its first
 * problem's code; an empty map when it may be saved.
 */
export function checkSubmission(
  definition: QuestionnaireDefinition,
  submission: VisitAnswersInput,
): ProblemsByField {
  const problems: ProblemsByField = new Map();
  const add = (found: readonly AnswerProblem[]) => {
    for (const problem of found) {
      const field = problemField(problem, definition);
      if (!problems.has(field)) problems.set(field, problem.code);
    }
  };
  const check = checkAnswers(definition, submission);
  if (check.ok) return problems;
  add(check.problems);
  // A contact the schema refuses (a name, an email) ends the engine's check before the
  // questions: they are checked without it too, so every problem shows at once.
  if (submission.contact) {
    const questions = checkAnswers(definition, { ...submission, contact: undefined });
    if (!questions.ok) add(questions.problems);
  }
  return problems;
}

/** The answer a toggle button gives: the same value again clears a question that may be left. */
export function toggledChoice<T extends string | number>(
  current: unknown,
  picked: T,
): T | undefined {
  return current === picked ? undefined : picked;
}

/** A multiple choice's picks after (un)ticking one, in the definition's order. */
export function toggledPick(question: Question, current: AnswerValue | undefined, pick: string) {
  const picks = Array.isArray(current) ? current : [];
  const next = picks.includes(pick) ? picks.filter((p) => p !== pick) : [...picks, pick];
  const order = 'options' in question ? question.options.map((o) => o.id) : next;
  return order.filter((id) => next.includes(id));
}
