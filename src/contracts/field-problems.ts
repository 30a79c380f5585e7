import type { z } from 'zod';

/** One invalid field of a request or a form: where, a stable code, and zod's own sentence. */
export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

/**
 * An issue's stable code: the contracts' own messages are codes (`required`, `too_long`,
 * `invalid_email`); zod's messages are sentences, so its issue code is used instead.
 */
export const problemCode = (issue: { code: string; message?: string }): string =>
  /^[a-z0-9_]+$/.test(issue.message ?? '') ? issue.message! : issue.code;

/** The field problems of a failed parse, as the server answers them and forms show them. */
export const fieldProblems = (issues: readonly z.core.$ZodIssue[]): FieldProblem[] =>
  issues.map((issue) => ({
    field: issue.path.map(String).join('.'),
    code: problemCode(issue),
    message: issue.message,
  }));
