import { electionInputSchema, type ElectionInput } from '../../../contracts/compliance.ts';
import { validateWith, type FormErrors } from '../../core/form-validation.ts';
import type { Translate } from '../../core/i18n/index.tsx';

/** The new election form: each round's day is empty until chosen. */
export type ElectionFormValues = ElectionInput & {
  rounds: Array<{ date: string; pollsClose: string }>;
};

export const emptyRound = { date: '', pollsClose: '20:00' };

/**
 * The contract's checks (name, order of the rounds, closing times), and a round's missing
 * day said as such (the day's format check alone would call it invalid).
 */
export function electionValidation(t: Translate) {
  const check = validateWith<ElectionFormValues>(electionInputSchema, t);
  return (values: ElectionFormValues): FormErrors => {
    const errors = check(values);
    values.rounds.forEach((round, index) => {
      if (!round.date) errors[`rounds.${index}.date`] = t('error.required');
    });
    return errors;
  };
}
