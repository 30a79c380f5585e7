import { ApiError } from '../../core/api.ts';

export interface ExportProblem {
  donationId: number | null;
  field: string;
  message: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/**
 * The fields to fix that a refused commission export lists: its `problems` member (each with
 * its gift and field), or else the problem's `errors`. Empty for any other failure.
 */
export function exportProblems(error: unknown): ExportProblem[] {
  if (!(error instanceof ApiError) || error.code !== 'commission_export_invalid') return [];
  const listed = error.extensions.problems;
  if (Array.isArray(listed)) {
    return listed.filter(isRecord).map((p) => ({
      donationId: typeof p.donationId === 'number' ? p.donationId : null,
      field: typeof p.field === 'string' ? p.field : '',
      message: typeof p.message === 'string' ? p.message : String(p.code ?? ''),
    }));
  }
  return error.errors.map((e) => ({ donationId: null, field: e.field, message: e.message }));
}
