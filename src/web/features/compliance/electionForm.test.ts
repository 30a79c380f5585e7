import { describe, expect, it } from 'vitest';
import type { Translate } from '../../core/i18n/index.tsx';
import { electionValidation, emptyRound } from './electionForm.ts';

const t: Translate = (key) => `«${key}»`;
const validate = electionValidation(t);

describe('the new election form', () => {
  it('says a missing name and a missing day are required', () => {
    expect(validate({ name: '  ', kind: 'national', rounds: [emptyRound] })).toEqual({
      name: '«error.required»',
      'rounds.0.date': '«error.required»',
    });
  });

  it('checks the rounds as the server does: their order and closing times', () => {
    expect(
      validate({
        name: 'Municipales',
        kind: 'local',
        rounds: [
          { date: '2026-03-22', pollsClose: '20:00' },
          { date: '2026-03-15', pollsClose: '25:00' },
        ],
      }),
    ).toEqual({
      'rounds.1.date': '«error.rounds_out_of_order»',
      'rounds.1.pollsClose': '«error.invalid_time»',
    });
  });

  it('accepts a complete election', () => {
    expect(
      validate({
        name: 'Municipales',
        kind: 'local',
        rounds: [
          { date: '2026-03-15', pollsClose: '20:00' },
          { date: '2026-03-22', pollsClose: '18:00' },
        ],
      }),
    ).toEqual({});
  });
});
