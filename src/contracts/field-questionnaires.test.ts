import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { fieldProblems } from './field-problems.ts';
import {
  QUESTIONNAIRE_MAX_QUESTIONS,
  defaultQuestionnaire,
  definitionDiff,
  isSameDefinition,
  questionnaireDefinitionSchema,
  questionnaireInputSchema,
  questionnaireVersionSchema,
  type QuestionnaireDefinitionInput,
} from './field-questionnaires.ts';

const problems = (result: z.ZodSafeParseResult<unknown>) =>
  result.success ? [] : fieldProblems(result.error.issues).map((p) => [p.field, p.code]);

const yesNo = [
  { id: 'yes', label: 'Oui' },
  { id: 'no', label: 'Non' },
];
/** A definition with no personal data to take, which needs no consent texts. */
const plain = (questions: unknown[], more: Partial<QuestionnaireDefinitionInput> = {}) =>
  ({ questions, ...more }) as QuestionnaireDefinitionInput;
const check = (questions: unknown[], more: Partial<QuestionnaireDefinitionInput> = {}) =>
  problems(questionnaireDefinitionSchema.safeParse(plain(questions, more)));
const parse = (definition: QuestionnaireDefinitionInput) =>
  questionnaireDefinitionSchema.parse(definition);

describe('questionnaireDefinitionSchema', () => {
  it('reads a definition of every kind, filling in the defaults', () => {
    const definition = parse(
      plain([
        { id: 'choice', label: ' Choix ', kind: 'single', options: yesNo },
        { id: 'picks', label: 'Plusieurs', kind: 'multiple', options: yesNo, required: true },
        { id: 'words', label: 'Texte', kind: 'text', help: 'Notez tout.' },
        {
          id: 'mark',
          label: 'Note',
          kind: 'scale',
          scale: { low: 'Pas du tout', high: 'Tout à fait' },
        },
      ]),
    );
    expect(definition.intro).toBe('');
    expect(definition.contactCapture).toEqual({
      enabled: false,
      askEmail: true,
      askPhone: true,
      consentTexts: { email: '', phone: '' },
    });
    expect(definition.questions.map((q) => [q.id, q.kind, q.required])).toEqual([
      ['choice', 'single', false],
      ['picks', 'multiple', true],
      ['words', 'text', false],
      ['mark', 'scale', false],
    ]);
    expect(definition.questions[0].label).toBe('Choix');
  });

  it('says what is wrong with a question with codes and paths', () => {
    expect(
      check([
        { id: 'Bad id', label: '', kind: 'single', options: [{ id: 'only', label: 'Seule' }] },
        { id: 'long', label: 'x'.repeat(301), kind: 'text' },
        { id: 'odd', label: 'Autre', kind: 'rating' },
        { id: 'mark', label: 'Note', kind: 'scale' },
      ]),
    ).toEqual([
      ['questions.0.id', 'invalid_key'],
      ['questions.0.label', 'required'],
      ['questions.0.options', 'too_few'],
      ['questions.1.label', 'too_long'],
      ['questions.2.kind', 'unknown_kind'],
      ['questions.3.scale', 'invalid_type'],
    ]);
  });

  it('takes 2 to 20 options with unique ids', () => {
    const options = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ id: `o${i}`, label: `${i}` }));
    expect(check([{ id: 'q', label: 'Q', kind: 'multiple', options: options(20) }])).toEqual([]);
    expect(check([{ id: 'q', label: 'Q', kind: 'multiple', options: options(21) }])).toEqual([
      ['questions.0.options', 'too_many'],
    ]);
    expect(
      check([
        {
          id: 'q',
          label: 'Q',
          kind: 'single',
          options: [...yesNo, { id: 'yes', label: 'Oui encore' }],
        },
      ]),
    ).toEqual([['questions.0.options.2.id', 'duplicate_id']]);
  });

  it('takes 1 to 50 questions with unique ids', () => {
    const text = (id: string) => ({ id, label: id, kind: 'text' });
    expect(check([])).toEqual([['questions', 'required']]);
    const many = Array.from({ length: QUESTIONNAIRE_MAX_QUESTIONS + 1 }, (_, i) => text(`q${i}`));
    expect(check(many.slice(0, -1))).toEqual([]);
    expect(check(many)).toEqual([['questions', 'too_many']]);
    expect(check([text('a'), text('b'), text('a')])).toEqual([['questions.2.id', 'duplicate_id']]);
  });

  it('takes one support question at most, with the consent texts it needs', () => {
    const support = (id: string) => ({ id, label: 'Soutien', kind: 'support' });
    expect(check([support('s1')])).toEqual([
      ['consentText', 'required'],
      ['opinionConsentText', 'required'],
    ]);
    expect(
      check([support('s1'), support('s2')], { consentText: 'RGPD', opinionConsentText: 'Art. 9' }),
    ).toEqual([['questions.1.kind', 'too_many_support_questions']]);
  });

  it('asks for the consent screen and each channel’s consent text when contacts are taken', () => {
    const words = [{ id: 'w', label: 'W', kind: 'text' }];
    expect(check(words, { contactCapture: { enabled: true } })).toEqual([
      ['consentText', 'required'],
      ['contactCapture.consentTexts.email', 'required'],
      ['contactCapture.consentTexts.phone', 'required'],
    ]);
    expect(
      check(words, {
        consentText: 'RGPD',
        contactCapture: { enabled: true, askPhone: false, consentTexts: { email: 'E-mails' } },
      }),
    ).toEqual([]);
    // Off, nothing personal is taken: no text is needed.
    expect(check(words, { contactCapture: { enabled: false } })).toEqual([]);
  });

  describe('conditions', () => {
    const base = [
      { id: 'choice', label: 'Choix', kind: 'single', options: yesNo },
      { id: 'mark', label: 'Note', kind: 'scale', scale: { low: 'Bas', high: 'Haut' } },
      { id: 'words', label: 'Mots', kind: 'text' },
    ];
    const withCondition = (showIf: unknown, at = base.length) => {
      const questions: unknown[] = [...base];
      questions.splice(at, 0, { id: 'follow', label: 'Suite', kind: 'text', showIf });
      return check(questions);
    };

    it('read an earlier choice’s options or a scale’s values', () => {
      expect(withCondition({ question: 'choice', anyOf: ['yes'] })).toEqual([]);
      expect(withCondition({ question: 'mark', anyOf: [4, 5] })).toEqual([]);
    });

    it('refuse a later question, the question itself, or an unknown one', () => {
      expect(withCondition({ question: 'mark', anyOf: [1] }, 1)).toEqual([
        ['questions.1.showIf.question', 'condition_on_later_question'],
      ]);
      expect(withCondition({ question: 'follow', anyOf: ['yes'] })).toEqual([
        ['questions.3.showIf.question', 'condition_on_later_question'],
      ]);
      expect(withCondition({ question: 'nowhere', anyOf: ['yes'] })).toEqual([
        ['questions.3.showIf.question', 'condition_unknown_question'],
      ]);
    });

    it('refuse options or values the question cannot be answered with', () => {
      expect(withCondition({ question: 'choice', anyOf: ['yes', 'maybe', 1] })).toEqual([
        ['questions.3.showIf.anyOf.1', 'condition_unknown_option'],
        ['questions.3.showIf.anyOf.2', 'condition_unknown_option'],
      ]);
      expect(withCondition({ question: 'mark', anyOf: [0, 5, 6, 'yes'] })).toEqual([
        ['questions.3.showIf.anyOf.0', 'condition_unknown_option'],
        ['questions.3.showIf.anyOf.2', 'condition_unknown_option'],
        ['questions.3.showIf.anyOf.3', 'condition_unknown_option'],
      ]);
      expect(withCondition({ question: 'choice', anyOf: [] })).toEqual([
        ['questions.3.showIf.anyOf', 'required'],
      ]);
    });

    it('refuse free text as a condition', () => {
      expect(withCondition({ question: 'words', anyOf: ['oui'] })).toEqual([
        ['questions.3.showIf.question', 'condition_on_text'],
      ]);
    });

    it('may read the support level', () => {
      expect(
        check(
          [
            { id: 'support', label: 'Soutien', kind: 'support' },
            {
              id: 'why',
              label: 'Pourquoi ?',
              kind: 'text',
              showIf: { question: 'support', anyOf: [4, 5] },
            },
          ],
          { consentText: 'RGPD', opinionConsentText: 'Art. 9' },
        ),
      ).toEqual([]);
    });
  });
});

describe('questionnaireInputSchema and questionnaireVersionSchema', () => {
  it('name the questionnaire and carry a definition', () => {
    expect(
      problems(questionnaireInputSchema.safeParse({ name: ' ', definition: plain([]) })),
    ).toEqual([
      ['name', 'required'],
      ['definition.questions', 'required'],
    ]);
    const version = questionnaireVersionSchema.parse({
      id: 7,
      questionnaireId: 2,
      version: 3,
      definition: defaultQuestionnaire.definition,
      createdAt: '2026-03-01T10:00:00.000Z',
    });
    expect(version.definition.questions).toHaveLength(5);
    expect(problems(questionnaireVersionSchema.safeParse({ ...version, version: 0 }))).toEqual([
      ['version', 'too_small'],
    ]);
  });
});

describe('defaultQuestionnaire', () => {
  it('is a valid questionnaire, unchanged by reading it', () => {
    const parsed = questionnaireInputSchema.parse(defaultQuestionnaire);
    expect(parsed).toEqual(defaultQuestionnaire);
  });

  it('asks a concern, the support level, help with a follow-up, a comment, and takes contacts', () => {
    const { questions, contactCapture } = parse(defaultQuestionnaire.definition);
    expect(questions.map((q) => q.kind)).toEqual([
      'single',
      'support',
      'single',
      'multiple',
      'text',
    ]);
    expect(questions[3].showIf).toEqual({ question: 'volunteer', anyOf: ['yes'] });
    expect(contactCapture.enabled).toBe(true);
  });
});

describe('isSameDefinition and definitionDiff', () => {
  const latest = parse(defaultQuestionnaire.definition);
  const edit = (change: (d: QuestionnaireDefinitionInput) => void) => {
    const copy = structuredClone(defaultQuestionnaire.definition) as QuestionnaireDefinitionInput;
    change(copy);
    return parse(copy);
  };
  const noChange = { added: [], removed: [], changed: [], reordered: false, settings: [] };

  it('keeps the version when nothing changed, whatever the order of keys or untrimmed texts', () => {
    const same = edit((d) => {
      d.intro = ` ${d.intro} `;
      d.questions[0] = Object.fromEntries(
        Object.entries(d.questions[0]).reverse(),
      ) as (typeof d.questions)[0];
    });
    expect(isSameDefinition(latest, same)).toBe(true);
    expect(definitionDiff(latest, same)).toEqual(noChange);
    // A default left out reads as the default given.
    const defaulted = edit((d) => {
      delete d.questions[1].required;
    });
    expect(isSameDefinition(latest, defaulted)).toBe(true);
  });

  it('makes a new version for any change, and says which', () => {
    const relabelled = edit((d) => {
      d.questions[4].label = 'Remarques';
    });
    expect(isSameDefinition(latest, relabelled)).toBe(false);
    expect(definitionDiff(latest, relabelled)).toEqual({ ...noChange, changed: ['comment'] });

    const reshaped = edit((d) => {
      d.questions.splice(0, 1);
      d.questions.unshift(d.questions.pop()!);
      d.questions.push({
        id: 'age',
        label: 'Âge',
        kind: 'scale',
        scale: { low: 'Jeune', high: 'Âgé' },
      });
      d.consentText = 'Autre texte';
      d.contactCapture!.askPhone = false;
    });
    expect(isSameDefinition(latest, reshaped)).toBe(false);
    expect(definitionDiff(latest, reshaped)).toEqual({
      added: ['age'],
      removed: ['main_concern'],
      changed: [],
      reordered: true,
      settings: ['consentText', 'contactCapture'],
    });
  });

  it('tells a reorder apart from a removal', () => {
    const removed = edit((d) => {
      d.questions.splice(2, 1);
      d.questions[2].showIf = undefined;
    });
    expect(definitionDiff(latest, removed)).toEqual({
      ...noChange,
      removed: ['volunteer'],
      changed: ['volunteer_how'],
    });
  });
});
