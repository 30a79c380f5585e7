import { describe, expect, it } from 'vitest';
import {
  eventReportInputSchema,
  walkInInputSchema,
  type EventForEdit,
} from '../../../contracts/events.ts';
import { validateWith } from '../../core/form-validation.ts';
import type { Translate } from '../../core/i18n/index.tsx';
import {
  editValues,
  emptyEvent,
  eventRequest,
  eventValidation,
  reportRequest,
  reportValues,
  type EventValues,
} from './forms.ts';

const t: Translate = (key, vars) => `«${key}${vars ? ` ${JSON.stringify(vars)}` : ''}»`;

const values: EventValues = {
  ...emptyEvent,
  title: '  Porte-à-porte aux Pentes ',
  description: ' On se retrouve **place Sathonay**. ',
  startsAt: '2026-12-12 10:00:00',
  endsAt: '2026-12-12 12:30:00',
  postalCode: ' 69001 ',
  street: '  ',
  onlineUrl: 'https://visio.example/ignored',
  capacity: '',
};

describe('the event form', () => {
  it('sends times with the campaign’s offset, the place or the link as chosen, trimmed', () => {
    expect(eventRequest(values)).toEqual({
      type: 'public_meeting',
      title: 'Porte-à-porte aux Pentes',
      description: 'On se retrouve **place Sathonay**.',
      startsAt: '2026-12-12T10:00:00+01:00',
      endsAt: '2026-12-12T12:30:00+01:00',
      place: { postalCode: '69001', communeCode: undefined, street: undefined },
      onlineUrl: undefined,
      capacity: null,
      visibility: 'public',
    });
    expect(
      eventRequest({ ...values, where: 'online', capacity: 40, visibility: 'private' }),
    ).toMatchObject({
      place: undefined,
      onlineUrl: 'https://visio.example/ignored',
      capacity: 40,
      visibility: 'private',
    });
    expect(eventRequest({ ...values, where: 'both', communeCode: '69123' })).toMatchObject({
      place: { postalCode: '69001', communeCode: '69123' },
      onlineUrl: 'https://visio.example/ignored',
    });
  });

  it('says what is missing or wrong under each field, as the server would', () => {
    const validate = eventValidation(t);
    expect(validate(values)).toEqual({});
    expect(validate({ ...values, title: 'Po', startsAt: '', endsAt: '', postalCode: '' })).toEqual({
      title: '«error.too_short»',
      startsAt: '«error.required»',
      endsAt: '«error.required»',
      postalCode: '«error.required»',
    });
    expect(validate({ ...values, endsAt: '2026-12-12 09:00:00' })).toEqual({
      endsAt: '«events.error.ends_before_start»',
    });
    // Online: no place is asked, the link is.
    expect(validate({ ...values, where: 'online', postalCode: '', onlineUrl: '' })).toEqual({
      onlineUrl: '«error.required»',
    });
    expect(validate({ ...values, where: 'online', onlineUrl: 'javascript:alert(1)' })).toEqual({
      onlineUrl: '«events.error.invalid_url»',
    });
    // The postal code's lookup speaks only where a place is asked.
    const unknown = eventValidation(t, { postalCode: () => 'unknown' });
    expect(unknown(values)).toEqual({ postalCode: 'unknown' });
    expect(unknown({ ...values, where: 'online', onlineUrl: 'https://v.example' })).toEqual({});
  });

  it('fills the edit form from what the managers’ route answers', () => {
    const event = {
      id: 7,
      type: 'door_to_door',
      title: 'Porte-à-porte',
      description: 'Source **Markdown**',
      descriptionHtml: '<p>Source <strong>Markdown</strong></p>',
      startsAt: '2026-07-14T08:00:00.000Z',
      endsAt: '2026-07-14T10:00:00.000Z',
      place: {
        lat: 45.7,
        lng: 4.8,
        precision: 'commune',
        label: '69001 Lyon',
        communeCode: '69123',
      },
      postalCode: '69001',
      street: null,
      online: true,
      onlineUrl: 'https://visio.example/b',
      capacity: null,
      visibility: 'members',
    } as unknown as EventForEdit;
    expect(editValues(event)).toEqual({
      type: 'door_to_door',
      title: 'Porte-à-porte',
      description: 'Source **Markdown**',
      startsAt: '2026-07-14 10:00:00',
      endsAt: '2026-07-14 12:00:00',
      where: 'both',
      postalCode: '69001',
      communeCode: '69123',
      street: '',
      onlineUrl: 'https://visio.example/b',
      capacity: '',
      visibility: 'members',
    });
  });
});

describe('the report form', () => {
  const validate = validateWith(eventReportInputSchema, t, reportRequest);

  it('starts from the people checked in, then from the report as saved', () => {
    const start = reportValues({ started: true, checkedIn: 7, report: null });
    expect(start).toMatchObject({ attendance: 7, doorsKnocked: '', notes: '' });
    expect(reportRequest(start)).toEqual({
      attendance: 7,
      doorsKnocked: undefined,
      conversations: undefined,
      leaflets: undefined,
      calls: undefined,
      notes: '',
    });
    expect(validate(start)).toEqual({});
    const saved = reportValues({
      started: true,
      checkedIn: 7,
      report: {
        attendance: 9,
        doorsKnocked: 120,
        conversations: 30,
        leaflets: 0,
        calls: 0,
        notes: 'Bien',
        reportedBy: 'Odile Martin',
        reportedAt: '2026-12-12T12:00:00.000Z',
      },
    });
    expect(saved).toEqual({
      attendance: 9,
      doorsKnocked: 120,
      conversations: 30,
      leaflets: 0,
      calls: 0,
      notes: 'Bien',
    });
  });

  it('asks for the attendance and whole numbers, as the server would', () => {
    const start = reportValues({ started: true, checkedIn: 0, report: null });
    expect(validate({ ...start, attendance: '' })).toEqual({
      attendance: '«events.error.invalid_number»',
    });
    expect(validate({ ...start, doorsKnocked: 2_000_000, calls: -1 })).toEqual({
      doorsKnocked: '«events.error.too_large»',
      calls: '«events.error.invalid_number»',
    });
    expect(validate({ ...start, notes: 'x'.repeat(5_001) })).toEqual({
      notes: '«error.too_long»',
    });
  });
});

describe('the walk-in form', () => {
  const validate = validateWith(walkInInputSchema, t);
  const empty = { firstName: '', lastName: '', email: '', phone: '' };

  it('needs a name; an email and a phone are optional but checked', () => {
    expect(validate(empty)).toEqual({
      firstName: '«error.required»',
      lastName: '«error.required»',
    });
    expect(validate({ ...empty, firstName: 'Éloïse', lastName: 'Garnier' })).toEqual({});
    expect(
      validate({
        firstName: 'Éloïse',
        lastName: 'Garnier',
        email: 'eloise@',
        phone: '12',
      }),
    ).toEqual({ email: '«error.invalid_email»', phone: '«error.invalid_phone»' });
  });
});
