import { describe, expect, it } from 'vitest';
import { ApiError } from '../../core/api.ts';
import { exportProblems } from './exportProblems.ts';

describe('exportProblems', () => {
  it('lists the problems member of a refused commission export', () => {
    const error = new ApiError(422, 'commission_export_invalid', 'Fix these.', [], {
      problems: [
        { donationId: 12, field: 'postalCode', code: 'invalid', message: 'Code postal invalide' },
        { donationId: null, field: 'commissionId', code: 'required' },
        'noise',
      ],
    });
    expect(exportProblems(error)).toEqual([
      { donationId: 12, field: 'postalCode', message: 'Code postal invalide' },
      { donationId: null, field: 'commissionId', message: 'required' },
    ]);
  });

  it('falls back on the problem’s field errors', () => {
    const error = new ApiError(422, 'commission_export_invalid', undefined, [
      { field: 'agent.commissionId', code: 'required', message: 'Identifiant manquant' },
    ]);
    expect(exportProblems(error)).toEqual([
      { donationId: null, field: 'agent.commissionId', message: 'Identifiant manquant' },
    ]);
  });

  it('is empty for other failures', () => {
    expect(exportProblems(new ApiError(403, 'forbidden'))).toEqual([]);
    expect(exportProblems(new Error('boom'))).toEqual([]);
  });
});
