import { describe, expect, it } from 'vitest';
import { fieldErrorText } from './errors.ts';
import { en, fr } from '../messages.ts';
import { interpolate, type Translate } from './i18n/index.tsx';

const translator =
  (messages: Record<string, string>, locale: 'fr' | 'en'): Translate =>
  (key, vars) =>
    interpolate(messages[key], vars, locale);
const t = translator(fr, 'fr');

/** An import row problem as the server stores it (its messages are English). */
const problem = (code: string, message: string) => fieldErrorText({ field: '', code, message }, t);

describe('import row problems in the user’s language', () => {
  it('says every code the import can produce in French, with the line’s values', () => {
    const cases: Array<[string, string, string]> = [
      [
        'wrong_column_count',
        'This line has 3 values; the header has 5 columns.',
        'Cette ligne a 3 valeurs ; l’en-tête a 5 colonnes.',
      ],
      [
        'invalid_email',
        '"ann@" is not a valid email address.',
        '« ann@ » n’est pas une adresse e-mail valide.',
      ],
      [
        'invalid_phone',
        '"12" is not a valid phone number.',
        '« 12 » n’est pas un numéro de téléphone valide.',
      ],
      [
        'missing_identifier',
        'This line has neither an email address nor a phone number.',
        'Cette ligne n’a ni adresse e-mail ni numéro de téléphone.',
      ],
      ['too_long', 'At most 100 characters.', '100 caractères au plus.'],
      [
        'invalid_consent',
        '"peut-être" is not a yes/no value (oui, non, yes, no, 1, 0, true, false).',
        '« peut-être » n’est pas une valeur oui/non (oui, non, yes, no, 1, 0, true, false).',
      ],
      [
        'invalid_tags',
        'At most 20 tags of at most 60 characters.',
        '20 étiquettes au plus, de 60 caractères au plus chacune.',
      ],
      [
        'unknown_postal_code',
        '"99999" is not a French postal code.',
        '« 99999 » n’est pas un code postal français.',
      ],
      [
        'commune_mismatch',
        '"Paris" is not a commune of postal code 69001.',
        '« Paris » n’est pas une commune du code postal 69001.',
      ],
      [
        'commune_ambiguous',
        'Postal code 01400 covers 9 communes and the line names none: imported without a commune.',
        'Le code postal 01400 couvre 9 communes et la ligne n’en nomme aucune : importée sans commune.',
      ],
      [
        'unknown_commune',
        '"Lyon" is not an INSEE commune code (give a postal code with a commune name).',
        '« Lyon » n’est pas un code commune INSEE (indiquez un code postal avec un nom de commune).',
      ],
      [
        'duplicate_in_file',
        'Same person as line 12345: merged into it.',
        'Même personne qu’à la ligne 12345 : fusionnée avec elle.',
      ],
      [
        'unterminated_quote',
        'A quoted value opened on this line is never closed; the line was skipped.',
        'Une valeur entre guillemets ouverte sur cette ligne n’est jamais fermée : la ligne a été ignorée.',
      ],
      [
        'sms_consent_without_phone',
        'Consent to texts without a phone number: not recorded.',
        'Accord pour les SMS sans numéro de téléphone : non enregistré.',
      ],
      [
        'malformed_quote',
        'A quoted value on this line is followed by other characters; the line was skipped.',
        'Une valeur entre guillemets sur cette ligne est suivie d’autres caractères : la ligne a été ignorée.',
      ],
    ];
    for (const [code, message, french] of cases) expect(problem(code, message)).toBe(french);
  });

  it('keeps quoted values whole, quotes and braces included', () => {
    expect(problem('invalid_email', '""a"@{b}…" is not a valid email address.')).toBe(
      '« "a"@{b}… » n’est pas une adresse e-mail valide.',
    );
  });

  it('speaks English too', () => {
    const english = fieldErrorText(
      { field: '', code: 'duplicate_in_file', message: 'Same person as line 7: merged into it.' },
      translator(en, 'en'),
    );
    expect(english).toBe('Same person as line 7: merged into it.');
  });

  it('falls back to the plain sentence, then to the server’s message', () => {
    // A form's own message for a shared code: the form's sentence, as before.
    expect(problem('invalid_email', 'Enter a valid email address.')).toBe(
      'Cette adresse e-mail n’est pas valide.',
    );
    expect(problem('duplicate_in_file', 'Some new wording.')).toBe('Some new wording.');
    expect(problem('brand_new_code', 'Something new.')).toBe('Something new.');
  });
});
