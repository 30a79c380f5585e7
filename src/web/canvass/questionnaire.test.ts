import { describe, expect, it } from 'vitest';
import { checkAnswers } from '../../contracts/field-answers.ts';
import {
  defaultQuestionnaire,
  questionnaireDefinitionSchema,
} from '../../contracts/field-questionnaires.ts';
import {
  asksConsent,
  asksContact,
  asksOpinionConsent,
  buildSubmission,
  checkSubmission,
  emptyQuestionnaire,
  questionsToShow,
  toggledChoice,
  toggledPick,
  type QuestionnaireState,
} from './questionnaire.ts';

const definition = questionnaireDefinitionSchema.parse(defaultQuestionnaire.definition);
const version = { id: 42, definition };

const filled = (change: Partial<QuestionnaireState>): QuestionnaireState => ({
  ...emptyQuestionnaire(),
  ...change,
});

describe('the questionnaire at the door', () => {
  it('asks for consent first, and the opinion and contact only once it is given', () => {
    expect(asksConsent(definition)).toBe(true);
    const refused = filled({ consent: 'refused', supportLevel: 2 });
    const accepted = filled({ consent: 'accepted', supportLevel: 2 });
    expect(asksOpinionConsent(definition, refused)).toBe(false);
    expect(asksContact(definition, refused)).toBe(false);
    expect(asksOpinionConsent(definition, accepted)).toBe(true);
    expect(asksContact(definition, accepted)).toBe(true);
  });

  it('shows a question when its condition holds, and sends no answer to a hidden one', () => {
    const ids = (state: QuestionnaireState) => questionsToShow(definition, state).map((q) => q.id);
    const helping = filled({
      consent: 'refused',
      answers: { volunteer: 'yes', volunteer_how: ['phone'] },
    });
    expect(ids(helping)).toContain('volunteer_how');
    const notHelping = filled({ ...helping, answers: { ...helping.answers, volunteer: 'no' } });
    expect(ids(notHelping)).not.toContain('volunteer_how');
    expect(buildSubmission(version, notHelping).answers).toEqual({ volunteer: 'no' });
  });

  it('keeps nothing personal when the resident refused the consent screen', () => {
    const state = filled({
      consent: 'refused',
      answers: { main_concern: 'housing', comment: '  ' },
      supportLevel: 3,
      storeOpinion: true,
      contactOpen: true,
      contact: {
        ...emptyQuestionnaire().contact,
        firstName: 'Ana',
        lastName: 'Diaz',
        email: 'ana@example.fr',
        emailConsent: true,
      },
      doNotVisitAgain: true,
    });
    const submission = buildSubmission(version, state);
    expect(submission).toEqual({
      versionId: 42,
      answers: { main_concern: 'housing' },
      supportLevel: 3,
      residentConsent: { personalData: false, storeOpinion: false },
      doNotVisitAgain: true,
    });
    expect(checkAnswers(definition, submission).ok).toBe(true);
  });

  it('sends the contact and the opinion consent given after the consent screen', () => {
    const state = filled({
      consent: 'accepted',
      supportLevel: 1,
      storeOpinion: true,
      contactOpen: true,
      contact: {
        firstName: 'Ana',
        lastName: 'Diaz',
        email: ' ana@example.fr ',
        phone: '06 12 34 56 78',
        emailConsent: true,
        phoneConsent: false,
      },
    });
    const submission = buildSubmission(version, state);
    expect(submission).toMatchObject({
      residentConsent: { personalData: true, storeOpinion: true },
      supportLevel: 1,
      contact: {
        firstName: 'Ana',
        lastName: 'Diaz',
        email: 'ana@example.fr',
        phone: '06 12 34 56 78',
        emailConsent: true,
        phoneConsent: false,
      },
    });
    expect(checkSubmission(definition, submission)).toEqual(new Map());
  });

  it('puts each problem of the engine on its field', () => {
    const strict = questionnaireDefinitionSchema.parse({
      ...defaultQuestionnaire.definition,
      questions: defaultQuestionnaire.definition.questions.map((q) =>
        q.id === 'main_concern' || q.id === 'support' ? { ...q, required: true } : q,
      ),
    });
    const state = filled({
      consent: 'accepted',
      contactOpen: true,
      contact: {
        ...emptyQuestionnaire().contact,
        firstName: 'Ana',
        lastName: '',
        email: 'pas-un-mail',
        emailConsent: true,
        phoneConsent: true,
      },
    });
    const check = (s: QuestionnaireState) =>
      Object.fromEntries(
        checkSubmission(strict, buildSubmission({ id: 1, definition: strict }, s)),
      );
    expect(check(state)).toEqual({
      'q.main_concern': 'required',
      'q.support': 'required',
      'contact.lastName': 'required',
      'contact.email': 'invalid_email',
    });
    const named = {
      ...state,
      contact: { ...state.contact, lastName: 'Diaz', email: 'ana@example.fr' },
    };
    expect(check({ ...named, answers: { main_concern: 'jobs' }, supportLevel: 4 })).toEqual({
      // A consent to calls with no number to call.
      'contact.phone': 'required',
    });
  });

  it('clears a choice tapped again, and keeps picks in the definition’s order', () => {
    expect(toggledChoice('yes', 'yes')).toBeUndefined();
    expect(toggledChoice('no', 'yes')).toBe('yes');
    expect(toggledChoice(undefined, 3)).toBe(3);
    const how = definition.questions.find((q) => q.id === 'volunteer_how')!;
    expect(toggledPick(how, ['phone'], 'door_to_door')).toEqual(['door_to_door', 'phone']);
    expect(toggledPick(how, ['door_to_door', 'phone'], 'door_to_door')).toEqual(['phone']);
  });
});
