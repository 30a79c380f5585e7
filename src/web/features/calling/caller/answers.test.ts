import { describe, expect, it } from 'vitest';
import {
  questionnaireDefinitionSchema,
  type QuestionnaireDefinitionInput,
} from '../../../../contracts/field-questionnaires.ts';
import {
  asksOpinionConsent,
  buildCallAnswers,
  checkCallAnswers,
  emptyCallAnswers,
  questionsToAsk,
  serverAnswerProblems,
  inDefinitionOrder,
  type CallAnswersState,
} from './answers.ts';

const definition = questionnaireDefinitionSchema.parse({
  consentText: 'Vos réponses restent à la campagne.',
  opinionConsentText: 'J’accepte que ma position soit gardée avec mon nom.',
  questions: [
    {
      id: 'concern',
      label: 'Votre préoccupation ?',
      kind: 'single',
      required: true,
      options: [
        { id: 'housing', label: 'Logement' },
        { id: 'transport', label: 'Transports' },
      ],
    },
    { id: 'support', label: 'Votre soutien ?', kind: 'support' },
    {
      id: 'help',
      label: 'Comment aider ?',
      kind: 'multiple',
      showIf: { question: 'support', anyOf: [1, 2] },
      options: [
        { id: 'calls', label: 'Appels' },
        { id: 'doors', label: 'Porte-à-porte' },
      ],
    },
    { id: 'mood', label: 'Votre moral ?', kind: 'scale', scale: { low: 'bas', high: 'haut' } },
    { id: 'comment', label: 'Commentaire', kind: 'text' },
  ],
} satisfies QuestionnaireDefinitionInput);
const questionnaire = { versionId: 12, definition };

const state = (change: Partial<CallAnswersState>): CallAnswersState => ({
  ...emptyCallAnswers(),
  ...change,
});

describe('a conversation’s answers', () => {
  it('are the visible questions’ answers, the support level apart, with no contact', () => {
    const answers = buildCallAnswers(
      questionnaire,
      state({
        answers: { concern: 'housing', help: ['calls'], mood: 4, comment: '  Rappeler  ' },
        supportLevel: 2,
        personalData: true,
        storeOpinion: true,
      }),
    );
    expect(answers).toEqual({
      versionId: 12,
      answers: { concern: 'housing', help: ['calls'], mood: 4, comment: '  Rappeler  ' },
      supportLevel: 2,
      residentConsent: { personalData: true, storeOpinion: true },
      doNotVisitAgain: false,
    });
    expect(answers).not.toHaveProperty('contact');
    expect(checkCallAnswers(definition, answers)).toEqual(new Map());
  });

  it('drop what a condition hides and what is left empty', () => {
    const answers = buildCallAnswers(
      questionnaire,
      state({ answers: { concern: 'transport', help: ['doors'], comment: ' ' }, supportLevel: 4 }),
    );
    expect(answers.answers).toEqual({ concern: 'transport' });
    expect(answers.supportLevel).toBe(4);
  });

  it('keep the opinion with the name only with both consents', () => {
    const noPersonalData = buildCallAnswers(
      questionnaire,
      state({ answers: { concern: 'housing' }, supportLevel: 1, storeOpinion: true }),
    );
    expect(noPersonalData.residentConsent).toEqual({ personalData: false, storeOpinion: false });
    const noSupportAsked = buildCallAnswers(
      { versionId: 3, definition: { ...definition, questions: definition.questions.slice(0, 1) } },
      state({ answers: { concern: 'housing' }, personalData: true, storeOpinion: true }),
    );
    expect(noSupportAsked.residentConsent).toEqual({ personalData: true, storeOpinion: false });
  });

  it('are checked by the engine the server runs, each problem on its field', () => {
    const problems = checkCallAnswers(definition, buildCallAnswers(questionnaire, state({})));
    expect(problems).toEqual(new Map([['q.concern', 'required']]));
  });

  it('show the question a condition opens, and the opinion consent with a support question', () => {
    expect(questionsToAsk(definition, state({})).map((q) => q.id)).toEqual([
      'concern',
      'support',
      'mood',
      'comment',
    ]);
    expect(questionsToAsk(definition, state({ supportLevel: 1 })).map((q) => q.id)).toContain(
      'help',
    );
    expect(asksOpinionConsent(definition, state({}))).toBe(true);
    const withoutSupport = { ...definition, questions: definition.questions.slice(0, 1) };
    expect(asksOpinionConsent(withoutSupport, state({}))).toBe(false);
  });
});

describe('the server’s refusal of the answers', () => {
  it('lands on the fields, whether its paths start at the call or at the answers', () => {
    expect(
      serverAnswerProblems(
        [
          { field: 'answers.answers.concern', code: 'unknown_option' },
          { field: 'answers.supportLevel', code: 'out_of_range' },
          { field: 'residentConsent.storeOpinion', code: 'consent_required' },
          { field: 'answers.mood', code: 'out_of_range' },
          { field: 'versionId', code: 'stale_version' },
        ],
        definition,
      ),
    ).toEqual(
      new Map([
        ['q.concern', 'unknown_option'],
        ['q.support', 'out_of_range'],
        ['storeOpinion', 'consent_required'],
        ['q.mood', 'out_of_range'],
        ['questionnaire', 'stale_version'],
      ]),
    );
  });
});

describe('inDefinitionOrder', () => {
  it('orders a multiple choice’s picks as the definition lists them', () => {
    const help = definition.questions[2];
    expect(inDefinitionOrder(help, ['doors', 'calls'])).toEqual(['calls', 'doors']);
    expect(inDefinitionOrder(help, ['doors'])).toEqual(['doors']);
  });
});
