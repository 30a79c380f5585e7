import type { z } from 'zod';
import {
  moderationRuleSchema,
  moderationRulesSchema,
  type ModerationAction,
  type ModerationRules,
} from '../../../contracts/moderation.ts';
import { validateWith, type FormErrors } from '../../core/form-validation.ts';
import type { MessageKey, Translate } from '../../core/i18n/index.tsx';

/** A repeat-offender rule as the number inputs hold it ('' when emptied). */
export interface RuleValues {
  upheld: number | string;
  withinDays: number | string;
  suspendDays: number | string;
}
export interface RulesValues {
  rules: RuleValues[];
}

export const RULE_FIELDS = ['upheld', 'withinDays', 'suspendDays'] as const;
export type RuleField = (typeof RULE_FIELDS)[number];

export const newRule: RuleValues = { upheld: 3, withinDays: 30, suspendDays: 30 };
/** As many rules as the route takes (`moderationRulesSchema`). */
export const MAX_RULES = 10;

export const rulesValues = (rules: ModerationRules): RulesValues => ({
  rules: rules.rules.map((rule) => ({ ...rule })),
});

export const rulesRequest = (values: RulesValues): ModerationRules => ({
  rules: values.rules.map((rule) => ({
    upheld: Number(rule.upheld === '' ? NaN : rule.upheld),
    withinDays: Number(rule.withinDays === '' ? NaN : rule.withinDays),
    suspendDays: Number(rule.suspendDays === '' ? NaN : rule.suspendDays),
  })),
});

const boundsOf = (schema: z.ZodNumber) => ({
  min: schema.minValue ?? 0,
  max: schema.maxValue ?? 0,
});

/** Each number's bounds, from the route's schema. */
export const ruleBounds: Record<RuleField, { min: number; max: number }> = {
  upheld: boundsOf(moderationRuleSchema.shape.upheld),
  withinDays: boundsOf(moderationRuleSchema.shape.withinDays),
  suspendDays: boundsOf(moderationRuleSchema.shape.suspendDays),
};

/** The rules form's checks: a number out of its bounds (or emptied) says its bounds. */
export function rulesValidation(t: Translate): (values: RulesValues) => FormErrors {
  const bySchema = validateWith<RulesValues>(moderationRulesSchema, t, rulesRequest);
  return (values) => {
    const errors: FormErrors = {};
    for (const [field, message] of Object.entries(bySchema(values))) {
      const name = field.split('.')[2];
      const bounds = RULE_FIELDS.find((key) => key === name);
      errors[field] = bounds ? t('moderation.rules.between', ruleBounds[bounds]) : message;
    }
    return errors;
  };
}

/**
 * The acts a moderator may take on a target in this state: restoring what is public, or
 * unpublishing what is already hidden, would change nothing.
 */
export function actionsFor(status: string, hasAuthor: boolean): ModerationAction[] {
  const published = status === 'published';
  return [
    'dismiss',
    'ask_fix',
    ...(published ? (['unpublish'] as const) : []),
    ...(status === 'closed' ? [] : (['close'] as const)),
    ...(published ? [] : (['restore'] as const)),
    ...(hasAuthor ? (['ban'] as const) : []),
  ];
}

/** A decision needs its reason, but for a dismissal: the people concerned read it. */
export const messageError = (
  action: ModerationAction,
  message: string,
): Extract<MessageKey, 'moderation.error.message_required'> | null =>
  action !== 'dismiss' && message.trim() === '' ? 'moderation.error.message_required' : null;
