import { describe, expect, it } from 'vitest';
import {
  checkAnswers,
  splitOpinion,
  visibleQuestions,
  type AnswersCheck,
  type CleanVisitAnswers,
  type VisitAnswersInput,
} from './field-answers.ts';
import {
  defaultQuestionnaire,
  questionnaireDefinitionSchema,
  type QuestionnaireDefinitionInput,
} from './field-questionnaires.ts';

const definition = questionnaireDefinitionSchema.parse(defaultQuestionnaire.definition);
const ids = (questions: { id: string }[]) => questions.map((q) => q.id);

/** A questionnaire with a chain of conditions and every kind, for the engine's corners. */
const chained = questionnaireDefinitionSchema.parse({
  consentText: 'RGPD',
  opinionConsentText: 'Art. 9',
  questions: [
    {
      id: 'pet',
      label: 'Animal ?',
      kind: 'multiple',
      required: true,
      options: [
        { id: 'cat', label: 'Chat' },
        { id: 'dog', label: 'Chien' },
        { id: 'fish', label: 'Poisson' },
      ],
    },
    {
      id: 'dog_size',
      label: 'Taille du chien',
      kind: 'scale',
      required: true,
      scale: { low: 'Petit', high: 'Grand' },
      showIf: { question: 'pet', anyOf: ['dog'] },
    },
    {
      id: 'big_dog_name',
      label: 'Son nom',
      kind: 'text',
      required: true,
      showIf: { question: 'dog_size', anyOf: [4, 5] },
    },
    { id: 'support', label: 'Soutien', kind: 'support', required: true },
    {
      id: 'why_not',
      label: 'Pourquoi ?',
      kind: 'text',
      showIf: { question: 'support', anyOf: [4, 5] },
    },
  ],
} satisfies QuestionnaireDefinitionInput);

const visit = (more: Partial<VisitAnswersInput> = {}): VisitAnswersInput => ({
  versionId: 3,
  answers: {},
  residentConsent: { personalData: true, storeOpinion: false },
  ...more,
});
const problemsOf = (result: AnswersCheck) =>
  result.ok ? [] : result.problems.map((p) => [p.path.join('.'), p.code]);
const cleanOf = (result: AnswersCheck): CleanVisitAnswers => {
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.clean;
};

describe('visibleQuestions', () => {
  it('shows questions without a condition, and those whose condition holds', () => {
    expect(ids(visibleQuestions(definition, {}))).toEqual([
      'main_concern',
      'support',
      'volunteer',
      'comment',
    ]);
    expect(ids(visibleQuestions(definition, { volunteer: 'yes' }))).toContain('volunteer_how');
    expect(ids(visibleQuestions(definition, { volunteer: 'no' }))).not.toContain('volunteer_how');
  });

  it('matches a multiple choice on any of its picks, a scale on its value', () => {
    expect(ids(visibleQuestions(chained, { pet: ['cat', 'dog'] }))).toContain('dog_size');
    expect(ids(visibleQuestions(chained, { pet: ['cat'] }))).not.toContain('dog_size');
    expect(ids(visibleQuestions(chained, { pet: ['dog'], dog_size: 5 }))).toContain('big_dog_name');
    expect(ids(visibleQuestions(chained, { pet: ['dog'], dog_size: 2 }))).not.toContain(
      'big_dog_name',
    );
  });

  it('hides what depends on a hidden question, whatever its own source answered', () => {
    expect(ids(visibleQuestions(chained, { pet: ['fish'], dog_size: 5 }))).toEqual([
      'pet',
      'support',
    ]);
  });

  it('reads the support level for conditions on the support question', () => {
    expect(ids(visibleQuestions(chained, {}, 5))).toContain('why_not');
    expect(ids(visibleQuestions(chained, {}, 1))).not.toContain('why_not');
    expect(ids(visibleQuestions(chained, {}))).not.toContain('why_not');
  });

  it('matches no answer of the wrong kind', () => {
    expect(ids(visibleQuestions(chained, { pet: 'dog' }))).not.toContain('dog_size');
    expect(ids(visibleQuestions(chained, { pet: ['dog'], dog_size: '5' }))).not.toContain(
      'big_dog_name',
    );
  });
});

describe('checkAnswers', () => {
  it('keeps the answers of visible questions, trimmed, choices in the definition’s order', () => {
    const clean = cleanOf(
      checkAnswers(
        chained,
        visit({
          answers: { pet: ['dog', 'cat'], dog_size: 4, big_dog_name: '  Rex ' },
          supportLevel: 2,
        }),
      ),
    );
    expect(clean).toEqual({
      versionId: 3,
      answers: { pet: ['cat', 'dog'], dog_size: 4, big_dog_name: 'Rex' },
      supportLevel: 2,
      residentConsent: { personalData: true, storeOpinion: false },
      contact: null,
      doNotVisitAgain: false,
    });
  });

  it('drops the answers of hidden questions, and empty answers', () => {
    const clean = cleanOf(
      checkAnswers(
        definition,
        visit({
          answers: {
            volunteer: 'no',
            volunteer_how: ['leaflets'],
            comment: '   ',
            main_concern: '',
          },
        }),
      ),
    );
    expect(clean.answers).toEqual({ volunteer: 'no' });
  });

  it('refuses unknown questions, wrong kinds, unknown options and values outside 1–5', () => {
    const result = checkAnswers(
      definition,
      visit({
        answers: {
          age: 40,
          support: 2,
          main_concern: 'taxes',
          volunteer: ['yes'],
          comment: 3,
        },
      }),
    );
    expect(problemsOf(result)).toEqual([
      ['answers.age', 'unknown_question'],
      ['answers.support', 'wrong_kind'],
      ['answers.main_concern', 'unknown_option'],
      ['answers.volunteer', 'wrong_kind'],
      ['answers.comment', 'wrong_kind'],
    ]);
    expect(
      problemsOf(
        checkAnswers(
          chained,
          visit({ answers: { pet: ['dog', 'dog'], dog_size: 6 }, supportLevel: 1 }),
        ),
      ),
    ).toEqual([
      ['answers.pet', 'duplicate_option'],
      ['answers.dog_size', 'out_of_range'],
    ]);
    expect(
      problemsOf(
        checkAnswers(chained, visit({ answers: { pet: ['dog'], dog_size: 2.5 }, supportLevel: 1 })),
      ),
    ).toEqual([['answers.dog_size', 'out_of_range']]);
    expect(
      problemsOf(
        checkAnswers(
          chained,
          visit({ answers: { pet: ['dog'], dog_size: 'big' }, supportLevel: 1 }),
        ),
      ),
    ).toEqual([['answers.dog_size', 'wrong_kind']]);
  });

  it('asks for required visible questions only', () => {
    expect(problemsOf(checkAnswers(chained, visit()))).toEqual([
      ['answers.pet', 'required'],
      ['supportLevel', 'required'],
    ]);
    expect(
      problemsOf(
        checkAnswers(chained, visit({ answers: { pet: ['dog'], dog_size: 5 }, supportLevel: 3 })),
      ),
    ).toEqual([['answers.big_dog_name', 'required']]);
    expect(checkAnswers(chained, visit({ answers: { pet: ['cat'] }, supportLevel: 3 })).ok).toBe(
      true,
    );
  });

  it('refuses what the schema refuses, with its codes and paths', () => {
    expect(
      problemsOf(
        checkAnswers(definition, {
          versionId: 0,
          answers: { 'Bad key': 'x', comment: 'x'.repeat(2_001), volunteer: true as never },
          supportLevel: 6,
          residentConsent: { personalData: true },
          contact: { firstName: '', lastName: 'bit.ly', email: 'nope', phone: '12' },
        }),
      ),
    ).toEqual([
      ['versionId', 'too_small'],
      ['answers.Bad key', 'invalid_key'],
      ['answers.comment', 'too_long'],
      ['answers.volunteer', 'wrong_kind'],
      ['supportLevel', 'out_of_range'],
      ['contact.firstName', 'required'],
      ['contact.lastName', 'no_links'],
      ['contact.email', 'invalid_email'],
      ['contact.phone', 'invalid_phone'],
    ]);
  });

  describe('the support level', () => {
    it('is kept when its question shows', () => {
      expect(cleanOf(checkAnswers(definition, visit({ supportLevel: 1 }))).supportLevel).toBe(1);
    });

    it('is refused without a support question', () => {
      const noSupport = questionnaireDefinitionSchema.parse({
        questions: [{ id: 'q', label: 'Q', kind: 'text' }],
      });
      expect(problemsOf(checkAnswers(noSupport, visit({ supportLevel: 1 })))).toEqual([
        ['supportLevel', 'not_asked'],
      ]);
    });

    it('cannot be kept against the person without the consent screen accepted', () => {
      expect(
        problemsOf(
          checkAnswers(
            definition,
            visit({
              supportLevel: 1,
              residentConsent: { personalData: false, storeOpinion: true },
            }),
          ),
        ),
      ).toEqual([['residentConsent.storeOpinion', 'consent_required']]);
    });
  });

  describe('the contact', () => {
    const contact = {
      firstName: ' Awa ',
      lastName: 'N’Diaye',
      email: 'awa@example.org',
      phone: '06 12 34 56 78',
      emailConsent: true,
      phoneConsent: true,
    };

    it('becomes a person with the consents given, the phone in E.164', () => {
      expect(cleanOf(checkAnswers(definition, visit({ contact }))).contact).toEqual({
        firstName: 'Awa',
        lastName: 'N’Diaye',
        email: 'awa@example.org',
        phone: '+33612345678',
        consents: { email: true, sms: true, phone: true },
      });
    });

    it('needs the consent screen accepted', () => {
      expect(
        problemsOf(
          checkAnswers(
            definition,
            visit({ contact, residentConsent: { personalData: false, storeOpinion: false } }),
          ),
        ),
      ).toEqual([['contact', 'consent_required']]);
    });

    it('keeps a channel only with its consent, and the name alone', () => {
      const clean = cleanOf(
        checkAnswers(
          definition,
          visit({ contact: { ...contact, emailConsent: false, phoneConsent: false } }),
        ),
      );
      expect(clean.contact).toEqual({
        firstName: 'Awa',
        lastName: 'N’Diaye',
        email: null,
        phone: null,
        consents: { email: false, sms: false, phone: false },
      });
      expect(
        cleanOf(
          checkAnswers(definition, visit({ contact: { firstName: 'Awa', lastName: 'Diop' } })),
        ).contact?.consents,
      ).toEqual({ email: false, sms: false, phone: false });
    });

    it('grants calls but not SMS for a landline', () => {
      const clean = cleanOf(
        checkAnswers(definition, visit({ contact: { ...contact, phone: '01 42 00 00 00' } })),
      );
      expect(clean.contact?.phone).toBe('+33142000000');
      expect(clean.contact?.consents).toEqual({ email: true, sms: false, phone: true });
    });

    it('refuses a consent without its channel, and what the questionnaire does not ask', () => {
      expect(
        problemsOf(
          checkAnswers(definition, visit({ contact: { ...contact, email: '', phone: undefined } })),
        ),
      ).toEqual([
        ['contact.email', 'required'],
        ['contact.phone', 'required'],
      ]);
      const emailOnly = questionnaireDefinitionSchema.parse({
        ...defaultQuestionnaire.definition,
        contactCapture: { ...defaultQuestionnaire.definition.contactCapture, askPhone: false },
      });
      expect(problemsOf(checkAnswers(emailOnly, visit({ contact })))).toEqual([
        ['contact.phone', 'not_asked'],
      ]);
      expect(
        problemsOf(
          checkAnswers(chained, visit({ answers: { pet: ['cat'] }, supportLevel: 1, contact })),
        ),
      ).toEqual([['contact', 'not_asked']]);
    });
  });

  it('keeps “do not visit again”, with or without consent', () => {
    const clean = cleanOf(
      checkAnswers(
        definition,
        visit({
          doNotVisitAgain: true,
          residentConsent: { personalData: false, storeOpinion: false },
        }),
      ),
    );
    expect(clean.doNotVisitAgain).toBe(true);
  });
});

describe('splitOpinion', () => {
  const answers = {
    main_concern: 'housing',
    volunteer: 'yes',
    volunteer_how: ['phone'],
    comment: 'Rappeler',
  };
  const clean = (
    consent: { personalData: boolean; storeOpinion: boolean },
    withContact = true,
  ): CleanVisitAnswers =>
    cleanOf(
      checkAnswers(
        definition,
        visit({
          answers,
          supportLevel: 2,
          residentConsent: consent,
          contact: withContact ? { firstName: 'Awa', lastName: 'Diop' } : undefined,
        }),
      ),
    );

  it('keeps the support level against the person only with their explicit consent', () => {
    expect(splitOpinion(definition, clean({ personalData: true, storeOpinion: true }))).toEqual({
      personAnswers: answers,
      personSupport: 2,
      aggregateAnswers: {},
      aggregateSupport: null,
    });
    expect(splitOpinion(definition, clean({ personalData: true, storeOpinion: false }))).toEqual({
      personAnswers: answers,
      personSupport: null,
      aggregateAnswers: {},
      aggregateSupport: 2,
    });
  });

  it('keeps nothing against a person without the consent screen, and no free text', () => {
    expect(
      splitOpinion(definition, clean({ personalData: false, storeOpinion: false }, false)),
    ).toEqual({
      personAnswers: null,
      personSupport: null,
      aggregateAnswers: { main_concern: 'housing', volunteer: 'yes', volunteer_how: ['phone'] },
      aggregateSupport: 2,
    });
  });

  it('counts everything per address when there is no person, even with consent', () => {
    const noPerson = clean({ personalData: true, storeOpinion: true }, false);
    expect(splitOpinion(definition, noPerson)).toMatchObject({
      personAnswers: null,
      personSupport: null,
      aggregateSupport: 2,
    });
    // A person already known who answered: stored against them.
    expect(splitOpinion(definition, noPerson, true)).toMatchObject({
      personAnswers: answers,
      personSupport: 2,
      aggregateSupport: null,
    });
  });

  it('puts each support level in exactly one place', () => {
    for (const personalData of [true, false])
      for (const storeOpinion of [true, false])
        for (const hasPerson of [true, false]) {
          if (storeOpinion && !personalData) continue; // refused by checkAnswers
          const split = splitOpinion(
            definition,
            clean({ personalData, storeOpinion }, personalData),
            hasPerson,
          );
          expect([split.personSupport, split.aggregateSupport].filter((l) => l !== null)).toEqual([
            2,
          ]);
        }
  });
});
