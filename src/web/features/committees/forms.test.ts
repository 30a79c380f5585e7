import { describe, expect, it } from 'vitest';
import type { CommitteeForEdit } from '../../../contracts/committees.ts';
import type { Translate } from '../../core/i18n/index.tsx';
import {
  byRequestFields,
  checklistText,
  committeeRequest,
  criteriaRequest,
  criteriaValidation,
  emptyMessage,
  hqFilterFromSearch,
  hqSearchWith,
  isMessageAudience,
  messageRequest,
  messageValidation,
  committeeUpdateRequest,
  createValidation,
  editValidation,
  editValues,
  emptyCommittee,
  rulesRequest,
  rulesValidation,
  rulesValues,
  type CommitteeValues,
} from './forms.ts';

const t: Translate = (key, vars) => `«${key}${vars ? ` ${JSON.stringify(vars)}` : ''}»`;

const values: CommitteeValues = {
  ...emptyCommittee,
  name: '  Comité Nantes Centre ',
  description: ' **Réunions** le jeudi. ',
  postalCode: ' 44000 ',
  street: '  ',
  contactEmail: ' comite@example.org ',
};

describe('the committee form', () => {
  it('sends trimmed values, the place nested, empty optional fields left out', () => {
    expect(committeeRequest(values)).toEqual({
      name: 'Comité Nantes Centre',
      description: '**Réunions** le jeudi.',
      place: { postalCode: '44000', communeCode: undefined, street: undefined },
      contactEmail: 'comite@example.org',
      contactPhone: undefined,
    });
    expect(
      committeeRequest({ ...values, communeCode: '44109', street: '2 rue X', contactPhone: '02' }),
    ).toMatchObject({
      place: { postalCode: '44000', communeCode: '44109', street: '2 rue X' },
      contactPhone: '02',
    });
    expect(committeeUpdateRequest({ ...values, openToMembers: false })).toMatchObject({
      name: 'Comité Nantes Centre',
      openToMembers: false,
    });
  });

  it('says the schema’s problems under the flat fields, the place’s included', () => {
    const validate = createValidation(t);
    expect(validate(values)).toEqual({});
    expect(
      validate({
        ...values,
        name: 'ab',
        postalCode: ' ',
        contactEmail: 'nope',
        street: 'x'.repeat(201),
      }),
    ).toEqual({
      name: '«error.too_short»',
      postalCode: '«error.required»',
      street: '«error.too_long»',
      contactEmail: '«error.invalid_email»',
    });
  });

  it('adds the form’s own rules where the schema found nothing', () => {
    const validate = editValidation(t, {
      postalCode: () => 'unknown',
      communeCode: (code) => (code ? null : 'choose'),
    });
    const edit = { ...values, openToMembers: true };
    expect(validate(edit)).toEqual({ postalCode: 'unknown', communeCode: 'choose' });
    expect(validate({ ...edit, postalCode: '' })).toEqual({
      postalCode: '«error.required»',
      communeCode: 'choose',
    });
  });

  it('puts the server’s place problems under the flat fields', () => {
    const set: Array<[string, string]> = [];
    const form = byRequestFields({ setFieldError: (path, error) => set.push([path, error]) });
    form.setFieldError('place.postalCode', 'unknown');
    form.setFieldError('name', 'short');
    expect(set).toEqual([
      ['postalCode', 'unknown'],
      ['name', 'short'],
    ]);
  });

  it('edits the place as typed, the commune as found', () => {
    const committee = {
      id: 1,
      name: 'Comité',
      description: 'Texte',
      descriptionHtml: '<p>Texte</p>',
      place: {
        lat: 47.2,
        lng: -1.55,
        precision: 'commune',
        label: '44000 Nantes',
        communeCode: '44109',
      },
      postalCode: '44000',
      street: null,
      contactEmail: null,
      contactPhone: '0240000000',
      openToMembers: false,
    } as CommitteeForEdit;
    expect(editValues(committee)).toEqual({
      name: 'Comité',
      description: 'Texte',
      postalCode: '44000',
      communeCode: '44109',
      street: '',
      contactEmail: '',
      contactPhone: '0240000000',
      openToMembers: false,
    });
  });
});

describe('the committee rules form', () => {
  const rules = {
    requireConfirmedEmail: true,
    maxLedPerPerson: 2,
    createdPerDay: 3,
    forbiddenWords: ['arnaque', 'faux comité'],
  };

  it('shows the words a line and sends them trimmed, blank lines dropped', () => {
    const shown = rulesValues(rules);
    expect(shown.forbiddenWords).toBe('arnaque\nfaux comité');
    expect(rulesRequest({ ...shown, forbiddenWords: ' arnaque \n\n  faux comité\n' })).toEqual(
      rules,
    );
  });

  it('says a number’s bounds when it is out of them or emptied', () => {
    const validate = rulesValidation(t);
    expect(validate(rulesValues(rules))).toEqual({});
    expect(validate({ ...rulesValues(rules), maxLedPerPerson: '', createdPerDay: 101 })).toEqual({
      maxLedPerPerson: '«committees.rules.between {"min":1,"max":50}»',
      createdPerDay: '«committees.rules.between {"min":1,"max":100}»',
    });
    expect(validate({ ...rulesValues(rules), forbiddenWords: `ok\n${'x'.repeat(101)}` })).toEqual({
      forbiddenWords: '«error.too_long»',
    });
  });
});

describe('the committee message form', () => {
  it('sends the text trimmed, to everyone subscribed unless narrowed', () => {
    expect(
      messageRequest({ ...emptyMessage, subject: ' Tractage ', body: ' **Samedi** \n' }),
    ).toEqual({ subject: 'Tractage', body: '**Samedi**', lowestRank: 'follower' });
    expect(messageRequest({ subject: 'a', body: 'b', lowestRank: 'manager' }).lowestRank).toBe(
      'manager',
    );
  });

  it('says an empty or too long subject or text under its field', () => {
    const validate = messageValidation(t);
    expect(validate({ ...emptyMessage, subject: 'Tractage', body: 'Samedi' })).toEqual({});
    expect(validate({ ...emptyMessage, subject: '  ', body: 'x'.repeat(20_001) })).toEqual({
      subject: '«error.required»',
      body: '«error.too_long»',
    });
  });

  it('offers three audiences and takes no other rank from the select', () => {
    expect(['follower', 'member', 'manager'].every(isMessageAudience)).toBe(true);
    expect(isMessageAudience('organiser')).toBe(false);
    expect(isMessageAudience('')).toBe(false);
  });
});

describe('the certification criteria form', () => {
  const criteria = {
    minAgeDays: 31,
    minMembers: 3,
    minRecentPublicEvents: 3,
    recentDays: 62,
    minOrganisers: 2,
  };

  it('sends the numbers the inputs hold', () => {
    expect(criteriaRequest({ ...criteria, minMembers: '5' })).toEqual({
      ...criteria,
      minMembers: 5,
    });
  });

  it('says the bounds of an emptied, negative, fractional or too big number', () => {
    const validate = criteriaValidation(t);
    expect(validate(criteria)).toEqual({});
    expect(validate({ ...criteria, minAgeDays: 0, minOrganisers: 0 })).toEqual({});
    expect(
      validate({ ...criteria, minAgeDays: '', minMembers: -1, recentDays: 0, minOrganisers: 1.5 }),
    ).toEqual({
      minAgeDays: '«committees.rules.between {"min":0,"max":3650}»',
      minMembers: '«committees.rules.between {"min":0,"max":100000}»',
      recentDays: '«committees.rules.between {"min":1,"max":3650}»',
      minOrganisers: '«committees.rules.between {"min":0,"max":100}»',
    });
  });

  it('reads each criterion with its required number, recent events with their window', () => {
    const item = (criterion: 'ageDays' | 'recentPublicEvents', required: number) => ({
      criterion,
      required,
      actual: 0,
      met: false,
    });
    expect(checklistText(item('ageDays', 31), 62, t)).toBe(
      '«committees.certification.ageDays {"count":31,"days":62}»',
    );
    expect(checklistText(item('recentPublicEvents', 3), 90, t)).toBe(
      '«committees.certification.recentPublicEvents {"count":3,"days":90}»',
    );
  });
});

describe('the HQ committee filters', () => {
  it('reads the filters from the address, leaving out what the route would refuse', () => {
    const search = new URLSearchParams(
      'q=%20Lyon%20&departement=69&status=held&certified=maybe&reported=yes&inactive=no&page=3',
    );
    expect(hqFilterFromSearch(search)).toEqual({
      q: 'Lyon',
      departement: '69',
      status: 'held',
      reported: 'yes',
    });
    expect(hqFilterFromSearch(new URLSearchParams('departement=1234&q='))).toEqual({});
  });

  it('sets and clears filters, back to the first page', () => {
    const next = hqSearchWith(new URLSearchParams('status=held&page=4&q=Lyon'), {
      status: null,
      certified: 'yes',
      q: '',
    });
    expect(next.toString()).toBe('certified=yes');
  });
});
