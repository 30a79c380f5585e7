import { z } from 'zod';

/**
 * Door-to-door questionnaires: what a volunteer asks at the door, built at HQ, carried by the
 * canvassing app. A questionnaire is a name and a list of versions; a version's definition
 * never changes once answers may point to it, so saving a changed definition makes a new
 * version (`isSameDefinition`) and answers keep the version they were given on. The engine that
 * reads answers against a definition is in `field-answers.ts`.
 */

export const QUESTIONNAIRE_MAX_QUESTIONS = 50;
export const QUESTION_LABEL_MAX = 300;
export const QUESTION_OPTIONS_MIN = 2;
export const QUESTION_OPTIONS_MAX = 20;
/** Scale and support answers run from 1 to this. */
export const SCALE_MAX = 5;

/**
 * The meaning of each support level, as message keys' suffixes. A support level is a political
 * opinion (GDPR art. 9): see `splitOpinion` for where it may be stored.
 */
export const supportLevels = {
  1: 'strong_supporter',
  2: 'leaning_supporter',
  3: 'undecided',
  4: 'leaning_opposed',
  5: 'strongly_opposed',
} as const;
export type SupportLevel = keyof typeof supportLevels;

/** A question's or an option's id: stable across versions, as counts across versions join on it. */
export const questionIdSchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'invalid_key');
export const optionIdSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'invalid_key');

const text = (max: number) => z.string().trim().max(max, 'too_long');
const label = (max: number) => text(max).min(1, 'required');

export const questionOptionSchema = z.object({ id: optionIdSchema, label: label(150) });
export type QuestionOption = z.infer<typeof questionOptionSchema>;

/**
 * Shows a question only when an earlier one was answered with one of these: option ids for a
 * single or multiple choice (a multiple choice matches when any of its picks is listed), values
 * 1–5 for a scale or the support level. Free text cannot be a condition.
 */
export const showIfSchema = z.object({
  question: questionIdSchema,
  anyOf: z
    .array(z.union([optionIdSchema, z.number().int()], { error: 'invalid_value' }))
    .min(1, 'required')
    .max(QUESTION_OPTIONS_MAX, 'too_many'),
});
export type ShowIf = z.infer<typeof showIfSchema>;

const questionBase = {
  id: questionIdSchema,
  label: label(QUESTION_LABEL_MAX),
  /** For the volunteer: how to ask, what to listen for. */
  help: text(500).optional(),
  required: z.boolean().default(false),
  showIf: showIfSchema.optional(),
};
const options = z
  .array(questionOptionSchema)
  .min(QUESTION_OPTIONS_MIN, 'too_few')
  .max(QUESTION_OPTIONS_MAX, 'too_many');

export const questionSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ ...questionBase, kind: z.literal('single'), options }),
    z.object({ ...questionBase, kind: z.literal('multiple'), options }),
    z.object({ ...questionBase, kind: z.literal('text') }),
    /** 1 to 5, with the words at either end ("pas du tout" … "tout à fait"). */
    z.object({
      ...questionBase,
      kind: z.literal('scale'),
      scale: z.object({ low: label(80), high: label(80) }),
    }),
    /** 1 strong supporter … 5 strongly opposed (`supportLevels`); its labels are the app's. */
    z.object({ ...questionBase, kind: z.literal('support') }),
  ],
  { error: 'unknown_kind' },
);
export type Question = z.infer<typeof questionSchema>;
export type QuestionKind = Question['kind'];

export const contactCaptureSchema = z.object({
  /** Offer to take the resident's name, and the channels below, to make them a person. */
  enabled: z.boolean().default(false),
  askEmail: z.boolean().default(true),
  askPhone: z.boolean().default(true),
  /** What the resident agrees to for each channel (the phone's covers SMS and calls). */
  consentTexts: z
    .object({ email: text(1_000).default(''), phone: text(1_000).default('') })
    .prefault({}),
});
export type ContactCapture = z.infer<typeof contactCaptureSchema>;

/** The content of one version. See `refineDefinition` for the rules between its parts. */
export const questionnaireDefinitionSchema = z
  .object({
    /** For the volunteer, before the first door: what this questionnaire is for. */
    intro: text(2_000).default(''),
    /**
     * Read to or shown to the resident before any personal data is taken (CNIL): who keeps
     * what, why, for how long, their rights. Required as soon as the questionnaire can take
     * personal data: contact capture on, or a support question.
     */
    consentText: text(3_000).default(''),
    /**
     * The explicit consent (GDPR art. 9(2)(a)) to keep the support level against the
     * resident's name. Required with a support question.
     */
    opinionConsentText: text(1_000).default(''),
    questions: z
      .array(questionSchema)
      .min(1, 'required')
      .max(QUESTIONNAIRE_MAX_QUESTIONS, 'too_many'),
    contactCapture: contactCaptureSchema.prefault({}),
  })
  .superRefine(refineDefinition);
export type QuestionnaireDefinition = z.infer<typeof questionnaireDefinitionSchema>;
export type QuestionnaireDefinitionInput = z.input<typeof questionnaireDefinitionSchema>;

function refineDefinition(definition: QuestionnaireDefinition, issues: z.RefinementCtx) {
  const problem = (message: string, path: (string | number)[]) =>
    issues.addIssue({ code: 'custom', message, path });
  const positions = new Map<string, number>();
  let supportSeen = false;
  definition.questions.forEach((question, index) => {
    if (positions.has(question.id)) problem('duplicate_id', ['questions', index, 'id']);
    else positions.set(question.id, index);
    if (question.kind === 'support') {
      if (supportSeen) problem('too_many_support_questions', ['questions', index, 'kind']);
      supportSeen = true;
    }
    if (question.kind === 'single' || question.kind === 'multiple') {
      const seen = new Set<string>();
      question.options.forEach((option, at) => {
        if (seen.has(option.id)) problem('duplicate_id', ['questions', index, 'options', at, 'id']);
        seen.add(option.id);
      });
    }
    if (question.showIf) refineCondition(definition, index, positions, problem);
  });
  const capture = definition.contactCapture;
  if ((capture.enabled || supportSeen) && !definition.consentText)
    problem('required', ['consentText']);
  if (supportSeen && !definition.opinionConsentText) problem('required', ['opinionConsentText']);
  if (capture.enabled && capture.askEmail && !capture.consentTexts.email)
    problem('required', ['contactCapture', 'consentTexts', 'email']);
  if (capture.enabled && capture.askPhone && !capture.consentTexts.phone)
    problem('required', ['contactCapture', 'consentTexts', 'phone']);
}

/** A condition reads an earlier question (so the app can show questions in one pass). */
function refineCondition(
  definition: QuestionnaireDefinition,
  index: number,
  earlier: ReadonlyMap<string, number>,
  problem: (message: string, path: (string | number)[]) => void,
) {
  const showIf = definition.questions[index].showIf!;
  const path = ['questions', index, 'showIf'];
  const at = earlier.get(showIf.question);
  if (at === undefined || at === index) {
    const later = definition.questions.some((q) => q.id === showIf.question);
    problem(later ? 'condition_on_later_question' : 'condition_unknown_question', [
      ...path,
      'question',
    ]);
    return;
  }
  const source = definition.questions[at];
  if (source.kind === 'text') {
    problem('condition_on_text', [...path, 'question']);
    return;
  }
  const possible = (value: string | number) =>
    source.kind === 'single' || source.kind === 'multiple'
      ? source.options.some((option) => option.id === value)
      : typeof value === 'number' && value >= 1 && value <= SCALE_MAX;
  showIf.anyOf.forEach((value, i) => {
    if (!possible(value)) problem('condition_unknown_option', [...path, 'anyOf', i]);
  });
}

/** What the builder saves: a saved definition that differs from the latest makes a new version. */
export const questionnaireInputSchema = z.object({
  name: label(120),
  definition: questionnaireDefinitionSchema,
});
export type QuestionnaireInput = z.input<typeof questionnaireInputSchema>;

/** One version as the server returns it; answers name its `id`. */
export const questionnaireVersionSchema = z.object({
  id: z.number().int(),
  questionnaireId: z.number().int(),
  /** 1, 2, 3… within its questionnaire. */
  version: z.number().int().min(1),
  definition: questionnaireDefinitionSchema,
  createdAt: z.iso.datetime(),
});
export type QuestionnaireVersion = z.infer<typeof questionnaireVersionSchema>;

/** Object keys sorted at every depth, so equal definitions have equal texts. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner as Record<string, unknown>).sort(([a], [b]) =>
            a < b ? -1 : a > b ? 1 : 0,
          ),
        )
      : inner,
  );
}

export interface DefinitionDiff {
  /** Question ids, in the order of the definition they are found in. */
  added: string[];
  removed: string[];
  /** Same id, other content (label, options, condition…). */
  changed: string[];
  /** The questions both have come in another order. */
  reordered: boolean;
  /** The other parts that changed: `intro`, `consentText`, `contactCapture`… */
  settings: string[];
}

/**
 * What changed from one definition to the next, for the builder to say before saving. Both are
 * parsed definitions (defaults filled in, texts trimmed), so what was not touched compares equal.
 */
export function definitionDiff(
  before: QuestionnaireDefinition,
  after: QuestionnaireDefinition,
): DefinitionDiff {
  const beforeById = new Map(before.questions.map((q) => [q.id, q]));
  const afterIds = new Set(after.questions.map((q) => q.id));
  const kept = after.questions.filter((q) => beforeById.has(q.id)).map((q) => q.id);
  const keptBefore = before.questions.filter((q) => afterIds.has(q.id)).map((q) => q.id);
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  keys.delete('questions');
  return {
    added: after.questions.filter((q) => !beforeById.has(q.id)).map((q) => q.id),
    removed: before.questions.filter((q) => !afterIds.has(q.id)).map((q) => q.id),
    changed: after.questions
      .filter((q) => beforeById.has(q.id) && canonical(beforeById.get(q.id)) !== canonical(q))
      .map((q) => q.id),
    reordered: kept.some((id, i) => keptBefore[i] !== id),
    settings: [...keys].filter(
      (key) =>
        canonical((before as Record<string, unknown>)[key]) !==
        canonical((after as Record<string, unknown>)[key]),
    ),
  };
}

/**
 * Whether saving `next` keeps the latest version (true) or makes a new one: any change, even a
 * label's, makes a new version, since answers must be read with the words they were asked with.
 */
export const isSameDefinition = (
  latest: QuestionnaireDefinition,
  next: QuestionnaireDefinition,
): boolean => canonical(latest) === canonical(next);

/** The questionnaire a campaign starts from (French: its volunteers and residents are). */
export const defaultQuestionnaire = {
  name: 'Porte-à-porte',
  definition: {
    intro:
      'Présentez-vous, dites pour qui vous venez, et demandez si la personne a deux minutes. ' +
      'Ne notez rien de personnel avant qu’elle ait accepté l’écran de consentement.',
    consentText:
      'Les réponses que vous nous donnez aident l’équipe de campagne à connaître les attentes ' +
      'du quartier. Si vous nous laissez vos coordonnées, elles ne servent qu’à la campagne, ' +
      'ne sont jamais cédées, et sont effacées au plus tard un an après l’élection. Vous pouvez ' +
      'y accéder, les faire corriger ou effacer, et retirer votre accord à tout moment, en ' +
      'écrivant à l’équipe de campagne.',
    opinionConsentText:
      'J’accepte que ma position vis-à-vis de la candidature soit enregistrée avec mon nom. ' +
      'Sans cet accord, elle n’est comptée que de façon anonyme, pour le quartier.',
    questions: [
      {
        id: 'main_concern',
        label: 'Quelle est votre principale préoccupation pour notre commune ?',
        kind: 'single',
        required: false,
        options: [
          { id: 'housing', label: 'Logement' },
          { id: 'transport', label: 'Transports' },
          { id: 'safety', label: 'Sécurité' },
          { id: 'environment', label: 'Environnement' },
          { id: 'jobs', label: 'Emploi' },
          { id: 'health', label: 'Santé' },
          { id: 'schools', label: 'Écoles' },
          { id: 'other', label: 'Autre' },
        ],
      },
      {
        id: 'support',
        label: 'Comment voyez-vous notre candidature ?',
        help: 'Ne proposez pas de réponse : notez ce que la personne dit.',
        kind: 'support',
        required: false,
      },
      {
        id: 'volunteer',
        label: 'Aimeriez-vous nous aider pendant la campagne ?',
        kind: 'single',
        required: false,
        options: [
          { id: 'yes', label: 'Oui' },
          { id: 'no', label: 'Non' },
        ],
      },
      {
        id: 'volunteer_how',
        label: 'Comment aimeriez-vous aider ?',
        kind: 'multiple',
        required: false,
        showIf: { question: 'volunteer', anyOf: ['yes'] },
        options: [
          { id: 'door_to_door', label: 'Porte-à-porte' },
          { id: 'leaflets', label: 'Distribution de tracts' },
          { id: 'phone', label: 'Appels téléphoniques' },
          { id: 'events', label: 'Réunions et évènements' },
          { id: 'logistics', label: 'Logistique' },
        ],
      },
      {
        id: 'comment',
        label: 'Commentaire',
        help: 'Ce que la personne souhaite faire remonter, dans ses mots.',
        kind: 'text',
        required: false,
      },
    ],
    contactCapture: {
      enabled: true,
      askEmail: true,
      askPhone: true,
      consentTexts: {
        email: 'J’accepte de recevoir par e-mail les informations de la campagne.',
        phone: 'J’accepte d’être contacté·e par SMS et par téléphone par la campagne.',
      },
    },
  },
} satisfies QuestionnaireInput;
