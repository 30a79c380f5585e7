import { describe, expect, it } from 'vitest';
import { defaultCommentRules } from '../../../contracts/comments.ts';
import { ApiError } from '../../core/api.ts';
import type { Translate } from '../../core/i18n/index.tsx';
import { rulesProblems, rulesRequest, rulesValidation, rulesValues } from './forms.ts';

const t: Translate = (key, vars) => `«${key}${vars ? ` ${JSON.stringify(vars)}` : ''}»`;

describe('the comment rules form', () => {
  it('sends numbers and one word a line, and reads back what the server keeps', () => {
    const values = rulesValues({ ...defaultCommentRules, forbiddenWords: ['crétin', 'bouffon'] });
    expect(values.forbiddenWords).toBe('crétin\nbouffon');
    expect(
      rulesRequest({ who: 'confirmed', openDays: '3', perHour: 5, forbiddenWords: ' a \n\n b ' }),
    ).toEqual({ who: 'confirmed', openDays: 3, perHour: 5, forbiddenWords: ['a', 'b'] });
    expect(rulesValidation(t)(values)).toEqual({});
  });

  it('says the bounds under a number, an emptied one too', () => {
    const values = rulesValues(defaultCommentRules);
    expect(rulesValidation(t)({ ...values, openDays: 0, perHour: '' })).toEqual({
      openDays: '«comments.rules.between {"min":1,"max":3650}»',
      perHour: '«comments.rules.between {"min":1,"max":1000}»',
    });
  });

  it('names the word at fault under the words', () => {
    const values = { ...rulesValues(defaultCommentRules), forbiddenWords: 'crétin\n\n!!!' };
    expect(rulesValidation(t)(values)).toEqual({
      forbiddenWords:
        '«comments.rules.wordProblem {"word":"!!!","problem":"«comments.rules.noLetters»"}»',
    });
  });

  it("puts the server's field problems under their inputs, the rest above the form", () => {
    const values = { ...rulesValues(defaultCommentRules), forbiddenWords: 'ok\n???' };
    const refused = new ApiError(400, 'validation_failed', 'Invalid.', [
      { field: 'forbiddenWords.1', code: 'no_letters', message: 'no_letters' },
      { field: 'openDays', code: 'too_big', message: 'Too big' },
    ]);
    expect(rulesProblems(values, refused, t)).toEqual({
      errors: {
        forbiddenWords:
          '«comments.rules.wordProblem {"word":"???","problem":"«comments.rules.noLetters»"}»',
        openDays: '«comments.rules.between {"min":1,"max":3650}»',
      },
      formError: null,
    });
    const other = rulesProblems(values, new ApiError(403, 'forbidden', 'No.'), t);
    expect(other.errors).toEqual({});
    expect(other.formError).toBe('«error.forbidden»');
  });
});
