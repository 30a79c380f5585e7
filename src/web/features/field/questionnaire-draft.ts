import {
  QUESTION_OPTIONS_MIN,
  SCALE_MAX,
  type Question,
  type QuestionKind,
  type QuestionnaireDefinition,
  type QuestionnaireInput,
} from '../../../contracts/field-questionnaires.ts';

/**
 * The questionnaire builder's editable copy of a definition. Questions and options carry a
 * `uid` of their own, so a condition keeps pointing at its question (and at its options)
 * while ids are renamed, questions moved or options reordered; ids are written out only when
 * the draft becomes a request (`toInput`).
 */

export interface OptionDraft {
  uid: string;
  id: string;
  label: string;
  /** In the saved version: its id is fixed (counts across versions join on it). */
  saved: boolean;
  /** The id follows the label until it is typed by hand. */
  autoId: boolean;
}

export interface ConditionDraft {
  /** The uid of the earlier question read. */
  questionUid: string;
  /** Option uids for a choice, '1'…'5' for a scale or the support level. */
  anyOf: string[];
}

export interface QuestionDraft {
  uid: string;
  id: string;
  saved: boolean;
  autoId: boolean;
  kind: QuestionKind;
  label: string;
  help: string;
  required: boolean;
  /** Kept when the kind changes, so going back to a choice finds its options again. */
  options: OptionDraft[];
  scale: { low: string; high: string };
  showIf: ConditionDraft | null;
}

export interface QuestionnaireDraft {
  name: string;
  definition: {
    intro: string;
    consentText: string;
    opinionConsentText: string;
    questions: QuestionDraft[];
    contactCapture: {
      enabled: boolean;
      askEmail: boolean;
      askPhone: boolean;
      consentTexts: { email: string; phone: string };
    };
  };
}

let lastUid = 0;
/** A key for the life of the page: never sent, never shown. */
export const newUid = (): string => `u${++lastUid}`;

export const hasOptions = (kind: QuestionKind) => kind === 'single' || kind === 'multiple';
export const scaleValues = Array.from({ length: SCALE_MAX }, (_, i) => String(i + 1));

/** The draft of a saved questionnaire (or of the default one, then nothing is `saved`). */
export function toDraft(input: QuestionnaireInput, saved: boolean): QuestionnaireDraft {
  const definition = input.definition;
  const questions = definition.questions.map((question) => ({
    question,
    uid: newUid(),
    options: ('options' in question ? question.options : []).map((option) => ({
      uid: newUid(),
      id: option.id,
      label: option.label,
      saved,
      autoId: false,
    })),
  }));
  const uidOf = new Map(questions.map((q) => [q.question.id, q]));
  const capture = definition.contactCapture ?? {};
  return {
    name: input.name,
    definition: {
      intro: definition.intro ?? '',
      consentText: definition.consentText ?? '',
      opinionConsentText: definition.opinionConsentText ?? '',
      contactCapture: {
        enabled: capture.enabled ?? false,
        askEmail: capture.askEmail ?? true,
        askPhone: capture.askPhone ?? true,
        consentTexts: {
          email: capture.consentTexts?.email ?? '',
          phone: capture.consentTexts?.phone ?? '',
        },
      },
      questions: questions.map(({ question, uid, options }) => {
        const source = question.showIf ? uidOf.get(question.showIf.question) : undefined;
        return {
          uid,
          id: question.id,
          saved,
          autoId: false,
          kind: question.kind,
          label: question.label,
          help: question.help ?? '',
          required: question.required ?? false,
          options,
          scale: question.kind === 'scale' ? { ...question.scale } : { low: '', high: '' },
          showIf:
            question.showIf && source
              ? {
                  questionUid: source.uid,
                  anyOf: question.showIf.anyOf.map(
                    (value) => source.options.find((o) => o.id === value)?.uid ?? String(value),
                  ),
                }
              : null,
        };
      }),
    },
  };
}

/** The request the builder sends: ids in place of uids, each kind with its own parts only. */
export function toInput(draft: QuestionnaireDraft): QuestionnaireInput & {
  definition: QuestionnaireDefinition;
} {
  const { definition } = draft;
  const byUid = new Map(definition.questions.map((q) => [q.uid, q]));
  const question = (q: QuestionDraft): Question => {
    const base = {
      id: q.id,
      label: q.label,
      required: q.required,
      ...(q.help.trim() ? { help: q.help } : {}),
      ...(q.showIf ? { showIf: condition(q.showIf) } : {}),
    };
    const options = q.options.map((o) => ({ id: o.id, label: o.label }));
    switch (q.kind) {
      case 'single':
        return { ...base, kind: 'single', options };
      case 'multiple':
        return { ...base, kind: 'multiple', options };
      case 'scale':
        return { ...base, kind: 'scale', scale: { ...q.scale } };
      case 'text':
        return { ...base, kind: 'text' };
      case 'support':
        return { ...base, kind: 'support' };
    }
  };
  const condition = (showIf: ConditionDraft) => {
    const source = byUid.get(showIf.questionUid);
    const choice = source && hasOptions(source.kind);
    return {
      // A question removed since: the schema says so at this condition.
      question: source?.id ?? '',
      anyOf: showIf.anyOf.map((value) =>
        choice ? (source.options.find((o) => o.uid === value)?.id ?? value) : Number(value),
      ),
    };
  };
  return {
    name: draft.name,
    definition: {
      intro: definition.intro,
      consentText: definition.consentText,
      opinionConsentText: definition.opinionConsentText,
      questions: definition.questions.map(question),
      contactCapture: {
        ...definition.contactCapture,
        consentTexts: { ...definition.contactCapture.consentTexts },
      },
    },
  };
}

/**
 * An id made from a label: lower case, no accents, words joined by `_`, unique among `taken`
 * (`_2`, `_3`… after it). A question's id starts with a letter.
 */
export function idFromLabel(
  label: string,
  taken: ReadonlySet<string>,
  kind: 'question' | 'option',
): string {
  let base = label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 36)
    .replace(/_+$/, '');
  if (kind === 'question' && base && !/^[a-z]/.test(base)) base = `q_${base}`.slice(0, 36);
  if (!base) base = kind;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
  return id;
}

const otherIds = <T extends { uid: string; id: string }>(items: readonly T[], uid: string) =>
  new Set(items.filter((item) => item.uid !== uid).map((item) => item.id));

/** A new question at the end: a single choice with two empty options. */
export function newQuestion(questions: readonly QuestionDraft[]): QuestionDraft {
  const uid = newUid();
  return {
    uid,
    id: idFromLabel('', otherIds(questions, uid), 'question'),
    saved: false,
    autoId: true,
    kind: 'single',
    label: '',
    help: '',
    required: false,
    options: Array.from({ length: QUESTION_OPTIONS_MIN }, (_, i) => newOption([], i + 1)),
    scale: { low: '', high: '' },
    showIf: null,
  };
}

export function newOption(options: readonly OptionDraft[], position = options.length + 1) {
  const uid = newUid();
  const taken = otherIds(options, uid);
  let id = `option_${position}`;
  for (let n = position + 1; taken.has(id); n++) id = `option_${n}`;
  return { uid, id, label: '', saved: false, autoId: true };
}

/** A question's label changed: its id follows while it is new and not typed by hand. */
export function withLabel(
  questions: readonly QuestionDraft[],
  index: number,
  label: string,
): QuestionDraft {
  const question = questions[index];
  if (!question.autoId) return { ...question, label };
  const taken = otherIds(questions, question.uid);
  return { ...question, label, id: idFromLabel(label, taken, 'question') };
}

export function withOptionLabel(question: QuestionDraft, at: number, label: string): QuestionDraft {
  const options = question.options.map((option, i) => {
    if (i !== at) return option;
    if (!option.autoId) return { ...option, label };
    const taken = otherIds(question.options, option.uid);
    return { ...option, label, id: idFromLabel(label, taken, 'option') };
  });
  return { ...question, options };
}

/** The questions a condition of question `index` may read: earlier ones, text excepted. */
export const conditionSources = (questions: readonly QuestionDraft[], index: number) =>
  questions.slice(0, index).filter((q) => q.kind !== 'text');

/**
 * Removes a question; the conditions that read it go too (their questions then always show).
 * Returns the questions left and the labels of those that lost their condition.
 */
export function withoutQuestion(
  questions: readonly QuestionDraft[],
  index: number,
): { questions: QuestionDraft[]; unconditioned: string[] } {
  const removed = questions[index];
  const unconditioned: string[] = [];
  const left = questions
    .filter((_, i) => i !== index)
    .map((q) => {
      if (q.showIf?.questionUid !== removed.uid) return q;
      unconditioned.push(q.label || q.id);
      return { ...q, showIf: null };
    });
  return { questions: left, unconditioned };
}

/** Removes an option; conditions on its question stop naming it. */
export function withoutOption(
  questions: readonly QuestionDraft[],
  index: number,
  at: number,
): QuestionDraft[] {
  const question = questions[index];
  const gone = question.options[at].uid;
  return questions.map((q, i) => {
    if (i === index) return { ...q, options: q.options.filter((_, j) => j !== at) };
    if (q.showIf?.questionUid !== question.uid) return q;
    return { ...q, showIf: { ...q.showIf, anyOf: q.showIf.anyOf.filter((v) => v !== gone) } };
  });
}

/**
 * Changes a question's kind: the values conditions on it chose no longer apply (option uids
 * against a scale…), so they are cleared for the builder to choose again.
 */
export function withKind(
  questions: readonly QuestionDraft[],
  index: number,
  kind: QuestionKind,
): QuestionDraft[] {
  const question = questions[index];
  if (question.kind === kind) return [...questions];
  return questions.map((q, i) => {
    if (i === index) {
      let options = q.options;
      while (hasOptions(kind) && options.length < QUESTION_OPTIONS_MIN)
        options = [...options, newOption(options)];
      return { ...q, kind, options };
    }
    if (q.showIf?.questionUid !== question.uid) return q;
    return { ...q, showIf: { ...q.showIf, anyOf: [] } };
  });
}

/** Swaps a question with its neighbour (`by` −1: up, +1: down). */
export function moved(questions: readonly QuestionDraft[], index: number, by: -1 | 1) {
  const to = index + by;
  if (to < 0 || to >= questions.length) return [...questions];
  const next = [...questions];
  [next[index], next[to]] = [next[to], next[index]];
  return next;
}
