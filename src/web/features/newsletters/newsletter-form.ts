import type { z } from 'zod';
import { problemCode } from '../../../contracts/field-problems.ts';
import {
  NEWSLETTER_BODY_MAX,
  newsletterInputSchema,
  type Newsletter,
  type NewsletterInput,
  type NewsletterPreviewInput,
} from '../../../contracts/newsletters.ts';
import { ApiError } from '../../core/api.ts';
import { fieldErrorText, translateCode } from '../../core/errors.ts';
import type { FormErrors } from '../../core/form-validation.ts';
import type { Translate } from '../../core/i18n/index.tsx';
import { zonedToIso } from '../../core/zoned-time.ts';
import {
  emptySubjectTest,
  SUBJECT_TEST_FIELDS,
  subjectTestFieldText,
  subjectTestIssueText,
  subjectTestRequest,
  subjectTestValues,
  type SubjectTestValues,
} from './subject-test-form.ts';

/** The newsletter editor: the segment as its select holds it (a string; null for everyone). */
export type NewsletterValues = {
  name: string;
  subject: string;
  preheader: string;
  body: string;
  segmentId: string | null;
  /** A second subject tried on a sample (subject-test-form.ts). */
  subjectTest: SubjectTestValues;
};

export const NEWSLETTER_FIELDS = [
  'name',
  'subject',
  'preheader',
  'body',
  'segmentId',
  ...SUBJECT_TEST_FIELDS,
] as const;

/** The preview's frame widths, in CSS pixels: a mail client on a computer, a phone. */
export const PREVIEW_WIDTHS = { desktop: 600, phone: 360 } as const;
export type PreviewWidth = keyof typeof PREVIEW_WIDTHS;

/** What the preview route takes at most (the contract's bounds). */
const PREVIEW_MAX = { subject: 200, preheader: 200, body: NEWSLETTER_BODY_MAX } as const;

export function emptyNewsletter(): NewsletterValues {
  return {
    name: '',
    subject: '',
    preheader: '',
    body: '',
    segmentId: null,
    subjectTest: emptySubjectTest(),
  };
}

/** The editor's values of a saved newsletter. */
export function editValues(newsletter: Newsletter): NewsletterValues {
  return {
    name: newsletter.name,
    subject: newsletter.subject,
    preheader: newsletter.preheader,
    body: newsletter.body,
    segmentId: newsletter.segmentId === null ? null : String(newsletter.segmentId),
    subjectTest: subjectTestValues(newsletter),
  };
}

/** The request the create and update routes take (the body as typed: Markdown keeps its spaces). */
export function newsletterRequest(values: NewsletterValues): NewsletterInput {
  return {
    name: values.name.trim(),
    subject: values.subject.trim(),
    preheader: values.preheader.trim(),
    body: values.body,
    segmentId: values.segmentId ? Number(values.segmentId) : null,
    subjectTest: subjectTestRequest(values.subjectTest),
  };
}

/** An issue of the contract's schema, in the visitor's language. */
function issueText(issue: z.core.$ZodIssue, t: Translate): string {
  const code = problemCode(issue);
  const ofSubjectTest = subjectTestIssueText(issue, code, t);
  if (ofSubjectTest) return ofSubjectTest;
  if (code === 'required') return t('error.required');
  if (issue.code === 'too_small' && issue.origin === 'string')
    return t('newsletters.form.minLength', { min: Number(issue.minimum) });
  if (issue.code === 'too_big' && issue.origin === 'string')
    return t('newsletters.form.maxLength', { max: Number(issue.maximum) });
  return translateCode(code, t);
}

/** The editor's checks: the contract's schema, each field's first problem under that field. */
export function newsletterValidation(t: Translate): (values: NewsletterValues) => FormErrors {
  return (values) => {
    const errors: FormErrors = {};
    const result = newsletterInputSchema.safeParse(newsletterRequest(values));
    if (!result.success) {
      for (const issue of result.error.issues) {
        errors[issue.path.map(String).join('.')] ??= issueText(issue, t);
      }
    }
    return errors;
  };
}

export interface FormLike {
  setFieldError: (path: string, error: string) => void;
}

/**
 * The server's refusal of a newsletter: its field errors under the editor's fields; returns
 * what to show above the button (null when every error found its field).
 */
export function applyNewsletterProblem(
  form: FormLike,
  error: unknown,
  t: Translate,
  text: (error: unknown) => string,
): string | null {
  if (!(error instanceof ApiError) || error.errors.length === 0) return text(error);
  const rest = error.errors.filter(
    (problem) => !(NEWSLETTER_FIELDS as readonly string[]).includes(problem.field),
  );
  for (const problem of error.errors) {
    if (!rest.includes(problem)) {
      form.setFieldError(
        problem.field,
        subjectTestFieldText(problem, t) ?? fieldErrorText(problem, t),
      );
    }
  }
  return rest.length === 0 ? null : text(error);
}

/**
 * What the live preview asks for: the subject, preheader and body as typed; null while there
 * is nothing to show, or something too long for the route (the editor says so under its field).
 */
export function previewInput(
  values: Pick<NewsletterValues, 'subject' | 'preheader' | 'body'>,
): NewsletterPreviewInput | null {
  const input = { subject: values.subject, preheader: values.preheader, body: values.body };
  if (!input.subject.trim() && !input.body.trim()) return null;
  if (
    (Object.keys(PREVIEW_MAX) as Array<keyof typeof PREVIEW_MAX>).some(
      (field) => input[field].length > PREVIEW_MAX[field],
    )
  )
    return null;
  return input;
}

/** Whether the preview has no input because something is too long (not because it is empty). */
export const previewTooLong = (values: Pick<NewsletterValues, 'subject' | 'preheader' | 'body'>) =>
  previewInput(values) === null && (values.subject.trim() !== '' || values.body.trim() !== '');

/**
 * The schedule route's request for a moment picked on the campaign's clock ('YYYY-MM-DD
 * HH:mm:ss'), or the problem code to say under the picker: none picked, or a moment gone.
 */
export function scheduleRequest(
  local: string,
  now: Date = new Date(),
): { at: string } | { problem: 'required' | 'invalid_date' | 'in_the_past' } {
  if (!local.trim()) return { problem: 'required' };
  const at = zonedToIso(local);
  if (!at) return { problem: 'invalid_date' };
  if (Date.parse(at) <= now.getTime()) return { problem: 'in_the_past' };
  return { at };
}
