import { describe, expect, it } from 'vitest';
import {
  defaultQuestionnaire,
  isSameDefinition,
  questionnaireDefinitionSchema,
} from '../../../contracts/field-questionnaires.ts';
import type { Translate } from '../../core/i18n/index.tsx';
import {
  idFromLabel,
  moved,
  newQuestion,
  toDraft,
  toInput,
  withKind,
  withLabel,
  withOptionLabel,
  withoutOption,
  withoutQuestion,
  type QuestionnaireDraft,
} from './questionnaire-draft.ts';
import { errorAt, validateDraft } from './questionnaire-problems.ts';

const t = ((key: string) => key) as Translate;
const parse = (draft: QuestionnaireDraft) =>
  questionnaireDefinitionSchema.parse(toInput(draft).definition);
const ids = (draft: QuestionnaireDraft) => draft.definition.questions.map((q) => q.id);
const withQuestions = (
  draft: QuestionnaireDraft,
  questions: QuestionnaireDraft['definition']['questions'],
) => ({ ...draft, definition: { ...draft.definition, questions } });

describe('toDraft and toInput', () => {
  it('give back the definition they were made from, untouched', () => {
    const draft = toDraft(defaultQuestionnaire, true);
    const original = questionnaireDefinitionSchema.parse(defaultQuestionnaire.definition);
    expect(isSameDefinition(original, parse(draft))).toBe(true);
    expect(toInput(draft).name).toBe('Porte-à-porte');
  });

  it('keep a condition on its question and option when their ids change', () => {
    const draft = toDraft(defaultQuestionnaire, false);
    const questions = draft.definition.questions.map((q) =>
      q.id === 'volunteer'
        ? {
            ...q,
            id: 'helps',
            options: q.options.map((o) => (o.id === 'yes' ? { ...o, id: 'oui' } : o)),
          }
        : q,
    );
    const definition = parse(withQuestions(draft, questions));
    expect(definition.questions.find((q) => q.id === 'volunteer_how')?.showIf).toEqual({
      question: 'helps',
      anyOf: ['oui'],
    });
  });

  it('sends only the parts of a question its kind has, and scale conditions as numbers', () => {
    const draft = toDraft(defaultQuestionnaire, false);
    const at = draft.definition.questions.findIndex((q) => q.id === 'main_concern');
    let questions = withKind(draft.definition.questions, at, 'scale');
    questions[at] = { ...questions[at], scale: { low: 'Pas du tout', high: 'Tout à fait' } };
    const added = newQuestion(questions);
    questions = [
      ...questions,
      {
        ...added,
        label: 'Pourquoi ?',
        kind: 'text',
        showIf: { questionUid: questions[at].uid, anyOf: ['4', '5'] },
      },
    ];
    const input = toInput(withQuestions(draft, questions)).definition;
    expect(input.questions[at]).not.toHaveProperty('options');
    expect(input.questions.at(-1)).not.toHaveProperty('options');
    expect(input.questions.at(-1)?.showIf).toEqual({ question: 'main_concern', anyOf: [4, 5] });
  });
});

describe('ids', () => {
  it('are made from labels: lower case, no accents, unique, a question starting with a letter', () => {
    expect(idFromLabel('Êtes-vous inscrit·e ?', new Set(), 'question')).toBe('etes_vous_inscrit_e');
    expect(idFromLabel('2 enfants', new Set(), 'question')).toBe('q_2_enfants');
    expect(idFromLabel('2 enfants', new Set(), 'option')).toBe('2_enfants');
    expect(idFromLabel('Oui', new Set(['oui', 'oui_2']), 'option')).toBe('oui_3');
    expect(idFromLabel('  ', new Set(['question']), 'question')).toBe('question_2');
  });

  it('follow the label of a new question or option until typed by hand, never a saved one', () => {
    const draft = toDraft(defaultQuestionnaire, true);
    const questions = [...draft.definition.questions, newQuestion(draft.definition.questions)];
    const last = questions.length - 1;
    expect(withLabel(questions, last, 'Avez-vous voté ?').id).toBe('avez_vous_vote');
    expect(withLabel(questions, 0, 'Autre chose ?').id).toBe('main_concern');
    const typed = { ...questions[last], id: 'vote', autoId: false };
    expect(withLabel([...questions.slice(0, last), typed], last, 'Voté ?').id).toBe('vote');
    const option = withOptionLabel(questions[last], 0, 'Oui, au premier tour');
    expect(option.options[0].id).toBe('oui_au_premier_tour');
  });
});

describe('editing questions', () => {
  it('removing a question drops the conditions that read it', () => {
    const draft = toDraft(defaultQuestionnaire, false);
    const at = ids(draft).indexOf('volunteer');
    const { questions, unconditioned } = withoutQuestion(draft.definition.questions, at);
    expect(unconditioned).toEqual(['Comment aimeriez-vous aider ?']);
    expect(questions.find((q) => q.id === 'volunteer_how')?.showIf).toBeNull();
  });

  it('removing an option takes it out of the conditions on its question', () => {
    const draft = toDraft(defaultQuestionnaire, false);
    const at = ids(draft).indexOf('volunteer');
    const questions = withoutOption(draft.definition.questions, at, 0);
    expect(questions[at].options.map((o) => o.id)).toEqual(['no']);
    expect(questions.find((q) => q.id === 'volunteer_how')?.showIf?.anyOf).toEqual([]);
  });

  it('changing a kind clears the answers conditions chose and gives a choice two options', () => {
    const draft = toDraft(defaultQuestionnaire, false);
    const at = ids(draft).indexOf('volunteer');
    const questions = withKind(draft.definition.questions, at, 'scale');
    expect(questions.find((q) => q.id === 'volunteer_how')?.showIf?.anyOf).toEqual([]);
    const comment = ids(draft).indexOf('comment');
    const choice = withKind(questions, comment, 'multiple')[comment];
    expect(choice.options.map((o) => o.id)).toEqual(['option_1', 'option_2']);
  });

  it('moves a question up or down, and not past either end', () => {
    const draft = toDraft(defaultQuestionnaire, false);
    const questions = draft.definition.questions;
    expect(
      moved(questions, 1, -1)
        .map((q) => q.id)
        .slice(0, 2),
    ).toEqual(['support', 'main_concern']);
    expect(moved(questions, 0, -1)).toEqual(questions);
  });
});

describe('validateDraft', () => {
  const validate = validateDraft(t);

  it('accepts the default questionnaire', () => {
    expect(validate(toDraft(defaultQuestionnaire, false))).toEqual({});
  });

  it('puts each problem at its field, in the builder’s words', () => {
    const draft = toDraft(defaultQuestionnaire, false);
    const how = ids(draft).indexOf('volunteer_how');
    let questions = moved(draft.definition.questions, how, -1);
    questions = questions.map((q) => (q.id === 'comment' ? { ...q, id: 'support' } : q));
    const errors = validate({
      ...withQuestions(draft, questions),
      definition: { ...withQuestions(draft, questions).definition, opinionConsentText: ' ' },
    });
    expect(errors).toEqual({
      [`definition.questions.${how - 1}.showIf.question`]:
        'field.questionnaire.error.condition_on_later_question',
      'definition.questions.4.id': 'field.questionnaire.error.duplicate_id',
      'definition.opinionConsentText': 'field.questionnaire.error.opinion_consent_required',
    });
    expect(errorAt(errors, `definition.questions.${how - 1}.showIf`)).toBe(
      'field.questionnaire.error.condition_on_later_question',
    );
  });

  it('asks for a condition’s answers and two options to a choice', () => {
    const draft = toDraft(defaultQuestionnaire, false);
    const how = ids(draft).indexOf('volunteer_how');
    const questions = draft.definition.questions.map((q, i) =>
      i === how ? { ...q, showIf: { ...q.showIf!, anyOf: [] }, options: q.options.slice(0, 1) } : q,
    );
    expect(validate(withQuestions(draft, questions))).toEqual({
      [`definition.questions.${how}.showIf.anyOf`]:
        'field.questionnaire.error.condition_values_required',
      [`definition.questions.${how}.options`]: 'field.questionnaire.error.too_few',
    });
  });
});
