import { describe, expect, it } from 'vitest';
import { moderationRulesSchema } from '../../../contracts/moderation.ts';
import type { Translate } from '../../core/i18n/index.tsx';
import {
  actionsFor,
  MAX_RULES,
  messageError,
  newRule,
  rulesRequest,
  rulesValidation,
  rulesValues,
} from './forms.ts';

const t: Translate = (key, vars) => `«${key}${vars ? ` ${JSON.stringify(vars)}` : ''}»`;

describe('the repeat-offender rules form', () => {
  it('sends numbers, and reads back what the server keeps', () => {
    const values = rulesValues({ rules: [{ upheld: 3, withinDays: 30, suspendDays: 7 }] });
    expect(values.rules).toEqual([{ upheld: 3, withinDays: 30, suspendDays: 7 }]);
    expect(rulesRequest({ rules: [{ upheld: '2', withinDays: 10, suspendDays: 5 }] })).toEqual({
      rules: [{ upheld: 2, withinDays: 10, suspendDays: 5 }],
    });
    expect(rulesValidation(t)({ rules: [{ ...newRule }] })).toEqual({});
  });

  it('says each number’s bounds under it, an emptied one too', () => {
    const errors = rulesValidation(t)({
      rules: [
        { upheld: 0, withinDays: 30, suspendDays: 30 },
        { upheld: 2, withinDays: '', suspendDays: 4000 },
      ],
    });
    expect(errors).toEqual({
      'rules.0.upheld': '«moderation.rules.between {"min":1,"max":100}»',
      'rules.1.withinDays': '«moderation.rules.between {"min":1,"max":365}»',
      'rules.1.suspendDays': '«moderation.rules.between {"min":1,"max":3650}»',
    });
  });

  it('offers as many rules as the route takes', () => {
    const rules = (n: number) => ({ rules: Array.from({ length: n }, () => ({ ...newRule })) });
    expect(moderationRulesSchema.safeParse(rules(MAX_RULES)).success).toBe(true);
    expect(moderationRulesSchema.safeParse(rules(MAX_RULES + 1)).success).toBe(false);
  });
});

describe('a decision', () => {
  it('needs its reason but to dismiss', () => {
    expect(messageError('dismiss', '')).toBeNull();
    expect(messageError('unpublish', '  ')).toBe('moderation.error.message_required');
    expect(messageError('ban', 'Usurpation')).toBeNull();
  });

  it('offers what changes the target in its state', () => {
    expect(actionsFor('published', true)).toEqual([
      'dismiss',
      'ask_fix',
      'unpublish',
      'close',
      'ban',
    ]);
    expect(actionsFor('unpublished', false)).toEqual(['dismiss', 'ask_fix', 'close', 'restore']);
    expect(actionsFor('closed', true)).toEqual(['dismiss', 'ask_fix', 'restore', 'ban']);
  });
});
