import type { z } from 'zod';
import {
  SUBJECT_TEST_LIMITS,
  type Newsletter,
  type SubjectTestInput,
  type SubjectTestMetric,
  type SubjectVariantFigures,
} from '../../../contracts/newsletters.ts';
import type { FieldProblem } from '../../core/api.ts';
import type { Translate } from '../../core/i18n/index.tsx';

/**
 * The editor's subject test: switched on or off (its fields are kept meanwhile, sent only when
 * on); the numbers as their inputs hold them (a number, or what is being typed).
 */
export type SubjectTestValues = {
  on: boolean;
  subjectB: string;
  samplePercent: number | string;
  waitHours: number | string;
  metric: SubjectTestMetric;
};

/** The subject test's fields, as the server names them in its refusals. */
export const SUBJECT_TEST_FIELDS = [
  'subjectTest.subjectB',
  'subjectTest.samplePercent',
  'subjectTest.waitHours',
  'subjectTest.metric',
] as const;

export function emptySubjectTest(): SubjectTestValues {
  return {
    on: false,
    subjectB: '',
    samplePercent: SUBJECT_TEST_LIMITS.samplePercent.default,
    waitHours: SUBJECT_TEST_LIMITS.waitHours.default,
    metric: 'opens',
  };
}

/** A saved newsletter's subject test in the editor (off, with the defaults, when it has none). */
export function subjectTestValues(newsletter: Newsletter): SubjectTestValues {
  const test = newsletter.subjectTest;
  if (!test) return emptySubjectTest();
  return {
    on: true,
    subjectB: test.subjectB,
    samplePercent: test.samplePercent,
    waitHours: test.waitHours,
    metric: test.metric,
  };
}

/** A number typed (an empty input is not zero: the contract then says what is missing). */
const typed = (value: number | string): number =>
  typeof value === 'number' ? value : value.trim() === '' ? Number.NaN : Number(value);

/** What the create and update routes take: null while the test is off. */
export function subjectTestRequest(values: SubjectTestValues): SubjectTestInput | null {
  if (!values.on) return null;
  return {
    subjectB: values.subjectB.trim(),
    samplePercent: typed(values.samplePercent),
    waitHours: typed(values.waitHours),
    metric: values.metric,
  };
}

/** The bounds of a subject test's number field, by its last path segment. */
const bounds = (field: string) =>
  field.endsWith('samplePercent')
    ? SUBJECT_TEST_LIMITS.samplePercent
    : field.endsWith('waitHours')
      ? SUBJECT_TEST_LIMITS.waitHours
      : null;

/** A subject test field's problem (by its stable code) in the visitor's language; null if not one. */
export function subjectTestProblemText(field: string, code: string, t: Translate): string | null {
  if (!field.startsWith('subjectTest.')) return null;
  if (code === 'same_as_subject') return t('newsletters.subjectTest.sameAsSubject');
  if (code === 'whole_number') return t('newsletters.subjectTest.wholeNumber');
  const range = bounds(field);
  if (range && ['out_of_range', 'too_small', 'too_big', 'invalid_type'].includes(code)) {
    return t('newsletters.subjectTest.range', { min: range.min, max: range.max });
  }
  return null;
}

/** The same for an issue of the contract's schema (the editor's own checks). */
export const subjectTestIssueText = (issue: z.core.$ZodIssue, code: string, t: Translate) =>
  subjectTestProblemText(issue.path.map(String).join('.'), code, t);

/** The same for a problem of the server's answer. */
export const subjectTestFieldText = (problem: FieldProblem, t: Translate) =>
  subjectTestProblemText(problem.field, problem.code, t);

/** A share as a percentage with one decimal, or null when nobody was measured. */
export function rate(hits: number, tracked: number, locale: string): string | null {
  if (tracked === 0) return null;
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'fr-FR', {
    style: 'percent',
    maximumFractionDigits: 1,
  }).format(hits / tracked);
}

/** What a variant's measure counts: its openers or its clickers. */
export const hitsOf = (figures: SubjectVariantFigures, metric: SubjectTestMetric) =>
  metric === 'opens' ? figures.opened : figures.clicked;
