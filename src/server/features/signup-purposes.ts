import { eventAnswerPurpose } from './events/signup-purpose.ts';
import type { SignupPurposeKind } from './recruitment/purpose.ts';

/**
 * What a sign-up may be made for besides joining, each from the feature that owns it. A
 * function, read when used: those features call the sign-up while recruitment reads this list.
 */
export const signupPurposes = (): ReadonlyMap<string, SignupPurposeKind> =>
  new Map([[eventAnswerPurpose.kind, eventAnswerPurpose]]);
