import { z } from 'zod';
import type { Consents } from './common.ts';
import { problemCode } from './field-problems.ts';
import {
  QUESTIONNAIRE_MAX_QUESTIONS,
  QUESTION_OPTIONS_MAX,
  SCALE_MAX,
  optionIdSchema,
  questionIdSchema,
  type Question,
  type QuestionnaireDefinition,
  type SupportLevel,
} from './field-questionnaires.ts';
import { refuseBadName } from './names.ts';
import { phoneProblem, readPhone, reachableBySms } from './phone.ts';

/**
 * The answers of one visit to a questionnaire's version, and the pure engine that reads them:
 * which questions show, whether the answers hold, and what may be stored where. The app runs
 * it offline as the resident answers; the server runs it again on what it receives.
 */

export const TEXT_ANSWER_MAX = 2_000;
/** The source of the consents of a person met at the door (`consent_events.source`). */
export const DOOR_TO_DOOR_CONSENT_SOURCE = 'door_to_door';

/** A single choice's option id, a multiple choice's ids, a text, a scale's 1–5. */
export const answerValueSchema = z.union(
  [
    z.string().max(TEXT_ANSWER_MAX, 'too_long'),
    z.array(optionIdSchema).max(QUESTION_OPTIONS_MAX, 'too_many'),
    z.number().finite(),
  ],
  { error: 'wrong_kind' },
);
export type AnswerValue = z.infer<typeof answerValueSchema>;
export type Answers = Record<string, AnswerValue>;

const name = z
  .string({ error: 'required' })
  .trim()
  .min(1, 'required')
  .max(100, 'too_long')
  .superRefine(refuseBadName);

/** Given at the door, to become a person; each channel is kept only with its own consent. */
export const visitContactSchema = z.object({
  firstName: name,
  lastName: name,
  email: z
    .string()
    .trim()
    .max(254, 'too_long')
    .refine((email) => email === '' || z.regexes.email.test(email), 'invalid_email')
    .optional(),
  phone: z
    .string()
    .trim()
    .max(30, 'too_long')
    .refine((phone) => phoneProblem(phone, false) === null, 'invalid_phone')
    .optional(),
  emailConsent: z.boolean().default(false),
  /** To SMS (a mobile only) and calls from the campaign. */
  phoneConsent: z.boolean().default(false),
});

/** What the app sends for one visit's questionnaire. */
export const visitAnswersSchema = z.object({
  versionId: z.number().int().positive(),
  /** By question id; the support question's answer travels apart, as `supportLevel`. */
  answers: z
    .record(questionIdSchema, answerValueSchema)
    .refine((answers) => Object.keys(answers).length <= QUESTIONNAIRE_MAX_QUESTIONS, 'too_many')
    .default({}),
  supportLevel: z
    .number()
    .int('out_of_range')
    .min(1, 'out_of_range')
    .max(SCALE_MAX, 'out_of_range')
    .optional(),
  residentConsent: z.object({
    /** The consent screen was accepted: personal data may be taken. */
    personalData: z.boolean(),
    /** Explicit consent (GDPR art. 9) to keep the support level against their name. */
    storeOpinion: z.boolean().default(false),
  }),
  contact: visitContactSchema.optional(),
  /** The resident asks not to be visited again (kept with the address, consent or not). */
  doNotVisitAgain: z.boolean().default(false),
});
export type VisitAnswers = z.infer<typeof visitAnswersSchema>;
export type VisitAnswersInput = z.input<typeof visitAnswersSchema>;

/** A contact as it may be kept: channels without their consent are left out. */
export interface CleanContact {
  firstName: string;
  lastName: string;
  email: string | null;
  /** E.164. */
  phone: string | null;
  /** What to record, with `DOOR_TO_DOOR_CONSENT_SOURCE` (SMS only for a number that takes it). */
  consents: Consents;
}

/** Answers checked against their version: visible questions only, empty answers left out. */
export interface CleanVisitAnswers {
  versionId: number;
  /** Every answered visible question but the support question; texts trimmed. */
  answers: Answers;
  supportLevel: SupportLevel | null;
  residentConsent: { personalData: boolean; storeOpinion: boolean };
  contact: CleanContact | null;
  doNotVisitAgain: boolean;
}

export interface AnswerProblem {
  path: (string | number)[];
  code: string;
}

export type AnswersCheck =
  { ok: true; clean: CleanVisitAnswers } | { ok: false; problems: AnswerProblem[] };

/** Whether an answer of the source question's own kind is among the condition's values. */
function matches(
  source: Question,
  value: AnswerValue | undefined,
  anyOf: readonly (string | number)[],
): boolean {
  switch (source.kind) {
    case 'single':
      return typeof value === 'string' && anyOf.includes(value);
    case 'multiple':
      return Array.isArray(value) && value.some((pick) => anyOf.includes(pick));
    case 'scale':
    case 'support':
      return typeof value === 'number' && anyOf.includes(value);
    case 'text':
      return false; // refused as a condition by the definition's schema
  }
}

/**
 * The questions to ask, in order: a question with a condition shows when the question it reads
 * shows and its answer is among the condition's (a condition on a hidden question is false, so
 * hiding a question hides what depends on it, however deep).
 */
export function visibleQuestions(
  definition: QuestionnaireDefinition,
  answers: Readonly<Answers>,
  supportLevel?: number | null,
): Question[] {
  const visible = new Map<string, Question>();
  for (const question of definition.questions) {
    const showIf = question.showIf;
    if (showIf) {
      const source = visible.get(showIf.question);
      if (!source) continue;
      const value = source.kind === 'support' ? (supportLevel ?? undefined) : answers[source.id];
      if (!matches(source, value, showIf.anyOf)) continue;
    }
    visible.set(question.id, question);
  }
  return [...visible.values()];
}

/** Whether an answer counts as given ('' and [] are no answer, as a form's empty field). */
const given = (value: AnswerValue | undefined): value is AnswerValue =>
  value !== undefined &&
  !(typeof value === 'string' && value.trim() === '') &&
  !(Array.isArray(value) && value.length === 0);

/** The problem with an answer to this question, or its kept form. */
function readAnswer(
  question: Question,
  value: AnswerValue,
): { code: string } | { value: AnswerValue } {
  switch (question.kind) {
    case 'single':
      if (typeof value !== 'string') return { code: 'wrong_kind' };
      return question.options.some((o) => o.id === value) ? { value } : { code: 'unknown_option' };
    case 'multiple': {
      if (!Array.isArray(value)) return { code: 'wrong_kind' };
      if (new Set(value).size !== value.length) return { code: 'duplicate_option' };
      const ids = question.options.map((o) => o.id);
      // Kept in the definition's order, so equal picks read equal.
      return value.every((v) => ids.includes(v))
        ? { value: ids.filter((id) => value.includes(id)) }
        : { code: 'unknown_option' };
    }
    case 'text':
      return typeof value === 'string' ? { value: value.trim() } : { code: 'wrong_kind' };
    case 'scale':
      if (typeof value !== 'number') return { code: 'wrong_kind' };
      return Number.isInteger(value) && value >= 1 && value <= SCALE_MAX
        ? { value }
        : { code: 'out_of_range' };
    case 'support':
      return { code: 'wrong_kind' }; // travels as `supportLevel`
  }
}

/**
 * Checks a visit's answers against the definition of the version they name (the caller finds
 * it by `versionId`). Refused: what the schema refuses, answers to unknown questions, answers of
 * the wrong kind or outside the question's options or 1–5, required visible questions left
 * unanswered, a contact or a kept opinion without the consent screen accepted
 * (`consent_required`), a contact or channel the questionnaire does not ask for (`not_asked`), a
 * channel consent without its channel (`required`). Dropped: answers to hidden questions, empty
 * answers, and a channel given without its consent (the name alone may be kept).
 */
export function checkAnswers(
  definition: QuestionnaireDefinition,
  submission: VisitAnswersInput,
): AnswersCheck {
  const parsed = visitAnswersSchema.safeParse(submission);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({
        path: issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key)),
        code: problemCode(issue),
      })),
    };
  }
  const visit = parsed.data;
  const problems: AnswerProblem[] = [];
  const problem = (code: string, ...path: (string | number)[]) => problems.push({ path, code });

  const byId = new Map(definition.questions.map((q) => [q.id, q]));
  for (const id of Object.keys(visit.answers)) {
    const question = byId.get(id);
    if (!question) problem('unknown_question', 'answers', id);
    else if (question.kind === 'support') problem('wrong_kind', 'answers', id);
  }
  const supportQuestion = definition.questions.find((q) => q.kind === 'support');
  if (visit.supportLevel !== undefined && !supportQuestion) problem('not_asked', 'supportLevel');

  const answers: Answers = {};
  let supportLevel: SupportLevel | null = null;
  for (const question of visibleQuestions(definition, visit.answers, visit.supportLevel)) {
    if (question.kind === 'support') {
      if (visit.supportLevel !== undefined) supportLevel = visit.supportLevel as SupportLevel;
      else if (question.required) problem('required', 'supportLevel');
      continue;
    }
    const value = visit.answers[question.id];
    if (!given(value)) {
      if (question.required) problem('required', 'answers', question.id);
      continue;
    }
    const read = readAnswer(question, value);
    if ('code' in read) problem(read.code, 'answers', question.id);
    else answers[question.id] = read.value;
  }

  const { personalData, storeOpinion } = visit.residentConsent;
  if (storeOpinion && !personalData) problem('consent_required', 'residentConsent', 'storeOpinion');
  const contact = visit.contact
    ? cleanContact(definition, visit.contact, personalData, problem)
    : null;

  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    clean: {
      versionId: visit.versionId,
      answers,
      supportLevel,
      residentConsent: { personalData, storeOpinion },
      contact,
      doNotVisitAgain: visit.doNotVisitAgain,
    },
  };
}

function cleanContact(
  definition: QuestionnaireDefinition,
  contact: z.infer<typeof visitContactSchema>,
  personalData: boolean,
  problem: (code: string, ...path: (string | number)[]) => void,
): CleanContact | null {
  const capture = definition.contactCapture;
  if (!capture.enabled) {
    problem('not_asked', 'contact');
    return null;
  }
  if (!personalData) {
    problem('consent_required', 'contact');
    return null;
  }
  const email = contact.email || null;
  const phone = contact.phone || null;
  if (email && !capture.askEmail) problem('not_asked', 'contact', 'email');
  if (phone && !capture.askPhone) problem('not_asked', 'contact', 'phone');
  if (contact.emailConsent && !email) problem('required', 'contact', 'email');
  if (contact.phoneConsent && !phone) problem('required', 'contact', 'phone');

  const keptEmail = contact.emailConsent ? email : null;
  const reading = contact.phoneConsent && phone ? readPhone(phone) : null;
  const keptPhone = reading && reading.status !== 'invalid' ? reading : null;
  const smsReachable =
    keptPhone?.status === 'french' ? reachableBySms(keptPhone.kind) : !!keptPhone;
  return {
    firstName: contact.firstName,
    lastName: contact.lastName,
    email: keptEmail,
    phone: keptPhone?.e164 ?? null,
    consents: { email: !!keptEmail, sms: smsReachable, phone: !!keptPhone },
  };
}

export interface OpinionSplit {
  /**
   * What may be stored against the resident's person record: null when there is no such
   * person or they did not accept the consent screen (then nothing names them). Every answer
   * but the support level.
   */
  personAnswers: Answers | null;
  /** The support level stored against the person: only with their explicit consent. */
  personSupport: SupportLevel | null;
  /**
   * Choice and scale answers kept only with the visit's address and turf, when there is no
   * person to keep them against. Free text is left out: it may name or describe the resident.
   */
  aggregateAnswers: Answers;
  /** The support level counted only per address and turf, when not stored against the person. */
  aggregateSupport: SupportLevel | null;
}

/**
 * Where each clean answer may be stored. A support level is a political opinion, a special
 * category of data (GDPR art. 9(1)): it may be kept against a named person only with that
 * person's explicit consent (art. 9(2)(a)), given at the door as `storeOpinion` after the
 * consent screen. Without it, it is kept only as a count per address and turf, never with the
 * person, even one already known. Each answer lands in exactly one place, so counts per address
 * or turf add both without counting anyone twice.
 *
 * `hasPerson`: whether the visit is recorded against a person (one made from the contact given,
 * or one already known who answered).
 */
export function splitOpinion(
  definition: QuestionnaireDefinition,
  clean: CleanVisitAnswers,
  hasPerson: boolean = clean.contact !== null,
): OpinionSplit {
  if (!hasPerson || !clean.residentConsent.personalData) {
    const texts = new Set(definition.questions.filter((q) => q.kind === 'text').map((q) => q.id));
    return {
      personAnswers: null,
      personSupport: null,
      aggregateAnswers: Object.fromEntries(
        Object.entries(clean.answers).filter(([id]) => !texts.has(id)),
      ),
      aggregateSupport: clean.supportLevel,
    };
  }
  const keepOpinion = clean.residentConsent.storeOpinion;
  return {
    personAnswers: clean.answers,
    personSupport: keepOpinion ? clean.supportLevel : null,
    aggregateAnswers: {},
    aggregateSupport: keepOpinion ? null : clean.supportLevel,
  };
}
