import { describe, expect, it } from 'vitest';
import { newsletterInputSchema, type Newsletter } from '../../../contracts/newsletters.ts';
import { ApiError } from '../../core/api.ts';
import type { Translate } from '../../core/i18n/index.tsx';
import { isCancelable, isEditable, isLive, isUnderWay } from './labels.ts';
import {
  applyNewsletterProblem,
  editValues,
  emptyNewsletter,
  newsletterRequest,
  newsletterValidation,
  type NewsletterValues,
} from './newsletter-form.ts';
import { rate } from './subject-test-form.ts';

const t: Translate = (key, vars) => (vars ? `«${key} ${JSON.stringify(vars)}»` : `«${key}»`);

const withTest = (changes: Partial<NewsletterValues['subjectTest']> = {}): NewsletterValues => {
  const empty = emptyNewsletter();
  return {
    ...empty,
    name: 'Lettre testée',
    subject: 'Objet A',
    body: 'Texte',
    subjectTest: { ...empty.subjectTest, on: true, subjectB: 'Objet B', ...changes },
  };
};

describe('the editor’s subject test', () => {
  it('is sent only when switched on, its numbers as numbers', () => {
    expect(
      newsletterRequest({ ...withTest(), subjectTest: { ...withTest().subjectTest, on: false } })
        .subjectTest,
    ).toBeNull();
    const request = newsletterRequest(withTest({ subjectB: '  Objet B  ', samplePercent: '30' }));
    expect(request.subjectTest).toEqual({
      subjectB: 'Objet B',
      samplePercent: 30,
      waitHours: 4,
      metric: 'opens',
    });
    expect(newsletterInputSchema.safeParse(request).success).toBe(true);
  });

  it('comes back from a saved newsletter, and stays off (with the defaults) without one', () => {
    const saved = {
      subjectTest: { subjectB: 'B', samplePercent: 10, waitHours: 24, metric: 'clicks' },
    } as Newsletter;
    expect(
      editValues({ ...emptyNewsletter(), ...saved } as unknown as Newsletter).subjectTest,
    ).toEqual({
      on: true,
      subjectB: 'B',
      samplePercent: 10,
      waitHours: 24,
      metric: 'clicks',
    });
    expect(
      editValues({
        ...emptyNewsletter(),
        segmentId: null,
        subjectTest: null,
      } as unknown as Newsletter).subjectTest,
    ).toEqual({ on: false, subjectB: '', samplePercent: 20, waitHours: 4, metric: 'opens' });
  });

  it('says under each field what the contract refuses', () => {
    const validate = newsletterValidation(t);
    expect(validate(withTest())).toEqual({});
    expect(validate(withTest({ subjectB: 'Objet A' }))).toEqual({
      'subjectTest.subjectB': '«newsletters.subjectTest.sameAsSubject»',
    });
    expect(validate(withTest({ samplePercent: 60, waitHours: '' }))).toEqual({
      'subjectTest.samplePercent': '«newsletters.subjectTest.range {"min":10,"max":50}»',
      'subjectTest.waitHours': '«newsletters.subjectTest.range {"min":1,"max":72}»',
    });
    expect(validate(withTest({ waitHours: 2.5 }))).toEqual({
      'subjectTest.waitHours': '«newsletters.subjectTest.wholeNumber»',
    });
    // Off, its fields are not checked.
    expect(
      validate({
        ...withTest({ subjectB: '' }),
        subjectTest: { ...withTest().subjectTest, on: false, subjectB: '' },
      }),
    ).toEqual({});
  });

  it('puts the server’s refusals of its fields under them', () => {
    const set: Record<string, string> = {};
    const form = { setFieldError: (field: string, error: string) => (set[field] = error) };
    const refused = new ApiError(400, 'validation_failed', undefined, [
      { field: 'subjectTest.subjectB', code: 'same_as_subject', message: 'same_as_subject' },
      { field: 'subjectTest.samplePercent', code: 'out_of_range', message: 'out_of_range' },
    ]);
    expect(applyNewsletterProblem(form, refused, t, () => 'general')).toBeNull();
    expect(set).toEqual({
      'subjectTest.subjectB': '«newsletters.subjectTest.sameAsSubject»',
      'subjectTest.samplePercent': '«newsletters.subjectTest.range {"min":10,"max":50}»',
    });
  });
});

describe('a newsletter testing its subjects', () => {
  it('is under way: live, can be stopped, no longer edited', () => {
    expect([isUnderWay, isLive, isCancelable, isEditable].map((is) => is('testing'))).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(isUnderWay('scheduled')).toBe(false);
  });

  it('shows a rate among the tracked, none when nobody was', () => {
    expect(rate(1, 3, 'fr')).toMatch(/^33,3\s?%$/);
    expect(rate(1, 4, 'en')).toBe('25%');
    expect(rate(0, 0, 'fr')).toBeNull();
  });
});
