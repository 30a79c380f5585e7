import type { SubjectVariant } from '../../../../contracts/newsletters.ts';
import type { Query } from '../../../core/db/index.ts';
import { subjectTestRow } from './settings.ts';

/** The variant a newsletter mail's payload names: B only when it says so. */
export const payloadVariant = (payload: { variant?: unknown }): SubjectVariant =>
  payload.variant === 'b' ? 'b' : 'a';

/**
 * The text a mail of this variant is drawn from: the newsletter's own for A, with subject B in
 * place of its subject for B (read only then).
 */
export async function variantText<T extends { subject: string }>(
  query: Query,
  campaignId: number,
  newsletterId: number,
  text: T,
  variant: SubjectVariant,
): Promise<T> {
  if (variant === 'a') return text;
  const test = await subjectTestRow(query, campaignId, newsletterId);
  return test ? { ...text, subject: test.subject_b } : text;
}
