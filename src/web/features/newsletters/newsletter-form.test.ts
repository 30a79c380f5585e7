import { describe, expect, it } from 'vitest';
import {
  NEWSLETTER_BODY_MAX,
  newsletterInputSchema,
  newsletterPreviewInputSchema,
  newsletterScheduleSchema,
  type Newsletter,
} from '../../../contracts/newsletters.ts';
import { ApiError } from '../../core/api.ts';
import type { Translate } from '../../core/i18n/index.tsx';
import { isCancelable, isEditable, isLive, sendDate } from './labels.ts';
import {
  applyNewsletterProblem,
  editValues,
  emptyNewsletter,
  newsletterRequest,
  newsletterValidation,
  previewInput,
  previewTooLong,
  scheduleRequest,
  type NewsletterValues,
} from './newsletter-form.ts';

const t: Translate = (key, vars) => (vars ? `«${key} ${JSON.stringify(vars)}»` : `«${key}»`);

const filled = (changes: Partial<NewsletterValues> = {}): NewsletterValues => ({
  ...emptyNewsletter(),
  name: 'Lettre de décembre',
  subject: 'Bonjour {prénom}',
  body: 'Rendez-vous **samedi** à {commune}.',
  ...changes,
});

const saved: Newsletter = {
  id: 9,
  name: 'Meeting de Nantes',
  subject: '{prénom}, on compte sur vous',
  preheader: 'Samedi 14 h, place Royale',
  body: '# Samedi\n\nVenez nombreux.',
  segmentId: 4,
  status: 'scheduled',
  scheduledAt: '2026-12-12T09:00:00.000Z',
  startedAt: null,
  finishedAt: null,
  counts: {
    recipients: 0,
    pending: 0,
    sent: 0,
    bounced: 0,
    complaints: 0,
    suppressed: 0,
    failed: 0,
    unsubscribed: 0,
    tracked: 0,
    opened: 0,
    clicked: 0,
  },
  subjectTest: null,
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
};

describe('the newsletter editor’s values', () => {
  it('start empty, sent to everyone who agreed to email', () => {
    expect(emptyNewsletter()).toEqual({
      name: '',
      subject: '',
      preheader: '',
      body: '',
      segmentId: null,
      subjectTest: { on: false, subjectB: '', samplePercent: 20, waitHours: 4, metric: 'opens' },
    });
    expect(newsletterRequest(filled()).segmentId).toBeNull();
    expect(newsletterInputSchema.safeParse(newsletterRequest(filled())).success).toBe(true);
  });

  it('give back a saved newsletter as its request, the segment as a number', () => {
    const values = editValues(saved);
    expect(values.segmentId).toBe('4');
    expect(newsletterRequest(values)).toEqual({
      name: saved.name,
      subject: saved.subject,
      preheader: saved.preheader,
      body: saved.body,
      segmentId: 4,
      subjectTest: null,
    });
  });

  it('trim the one-line fields and keep the Markdown body as typed', () => {
    const request = newsletterRequest(
      filled({ name: '  Lettre  ', subject: ' Objet ', preheader: '  ', body: '- un\n- deux\n' }),
    );
    expect(request).toMatchObject({
      name: 'Lettre',
      subject: 'Objet',
      preheader: '',
      body: '- un\n- deux\n',
    });
  });
});

describe('the newsletter editor’s checks', () => {
  const validate = newsletterValidation(t);

  it('accept a complete draft, with or without a segment or a preheader', () => {
    expect(validate(filled())).toEqual({});
    expect(validate(filled({ segmentId: '12', preheader: 'Une ligne de plus' }))).toEqual({});
  });

  it('say under each field what the contract refuses, bounds in words', () => {
    expect(
      validate(filled({ name: 'ab', subject: '   ', body: '', preheader: 'x'.repeat(201) })),
    ).toEqual({
      name: '«newsletters.form.minLength {"min":3}»',
      subject: '«error.required»',
      preheader: '«newsletters.form.maxLength {"max":200}»',
      body: '«error.required»',
    });
    expect(validate(filled({ body: 'x'.repeat(NEWSLETTER_BODY_MAX + 1) }))).toEqual({
      body: `«newsletters.form.maxLength {"max":${NEWSLETTER_BODY_MAX}}»`,
    });
  });
});

describe('the server’s refusals', () => {
  it('go under the editor’s fields, the rest above the button', () => {
    const set: Record<string, string> = {};
    const form = { setFieldError: (field: string, error: string) => (set[field] = error) };
    const refused = new ApiError(400, 'validation_failed', undefined, [
      { field: 'subject', code: 'too_long', message: 'too_long' },
    ]);
    expect(applyNewsletterProblem(form, refused, t, () => 'general')).toBeNull();
    expect(set).toEqual({ subject: '«error.too_long»' });
    const conflict = new ApiError(409, 'newsletter_not_editable');
    expect(applyNewsletterProblem(form, conflict, t, () => 'general')).toBe('general');
    const elsewhere = new ApiError(400, 'validation_failed', undefined, [
      { field: 'extra', code: 'unrecognized_keys', message: 'unrecognized_keys' },
    ]);
    expect(applyNewsletterProblem(form, elsewhere, t, () => 'general')).toBe('general');
  });
});

describe('the live preview’s request', () => {
  it('is what is typed, as the preview route takes it', () => {
    const input = previewInput(filled({ preheader: 'Avant-goût' }));
    expect(input).toEqual({
      subject: 'Bonjour {prénom}',
      preheader: 'Avant-goût',
      body: 'Rendez-vous **samedi** à {commune}.',
    });
    expect(newsletterPreviewInputSchema.safeParse(input).success).toBe(true);
  });

  it('is not asked while nothing is written, nor with a field too long for the route', () => {
    expect(previewInput(filled({ subject: ' ', body: '\n' }))).toBeNull();
    expect(previewTooLong(filled({ subject: ' ', body: '\n' }))).toBe(false);
    expect(previewInput(filled({ subject: '', body: 'Juste un texte' }))).not.toBeNull();
    const long = filled({ subject: 'x'.repeat(201) });
    expect(previewInput(long)).toBeNull();
    expect(previewTooLong(long)).toBe(true);
    expect(previewInput(filled({ body: 'x'.repeat(NEWSLETTER_BODY_MAX + 1) }))).toBeNull();
  });
});

describe('the schedule’s request', () => {
  const now = new Date('2026-12-08T09:00:00.000Z'); // 10:00 in Paris

  it('is a moment to come on the Paris clock, with its offset', () => {
    const request = scheduleRequest('2026-12-12 10:00:00', now);
    expect(request).toEqual({ at: '2026-12-12T10:00:00+01:00' });
    expect(newsletterScheduleSchema.safeParse(request).success).toBe(true);
    expect(scheduleRequest('2027-07-01 08:30:00', now)).toEqual({
      at: '2027-07-01T08:30:00+02:00',
    });
  });

  it('refuses no moment, and a moment gone or now', () => {
    expect(scheduleRequest('', now)).toEqual({ problem: 'required' });
    expect(scheduleRequest('2026-12-08 09:59:00', now)).toEqual({ problem: 'in_the_past' });
    expect(scheduleRequest('2026-12-08 10:00:00', now)).toEqual({ problem: 'in_the_past' });
    expect(scheduleRequest('2026-02-30 10:00:00', now)).toEqual({ problem: 'invalid_date' });
  });
});

describe('a newsletter’s state', () => {
  it('says what may still be done with it', () => {
    expect(
      ['draft', 'scheduled', 'sending', 'sent', 'canceled'].map((status) => [
        status,
        isEditable(status as Newsletter['status']),
        isCancelable(status as Newsletter['status']),
        isLive(status as Newsletter['status']),
      ]),
    ).toEqual([
      ['draft', true, false, false],
      ['scheduled', true, true, true],
      ['sending', false, true, true],
      ['sent', false, false, false],
      ['canceled', false, false, false],
    ]);
  });

  it('gives the list its date: when it goes or went, none for a draft', () => {
    expect(sendDate(saved)).toBe(saved.scheduledAt);
    expect(sendDate({ ...saved, status: 'draft' })).toBeNull();
    const sentNow = {
      status: 'sent',
      scheduledAt: null,
      startedAt: '2026-12-08T09:00:00Z',
    } as const;
    expect(sendDate(sentNow)).toBe('2026-12-08T09:00:00Z');
  });
});
