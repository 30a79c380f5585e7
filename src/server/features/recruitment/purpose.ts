import type { Locale } from '../../../contracts/common.ts';
import type { AppContext } from '../../core/context.ts';

/**
 * What a sign-up was made for besides joining (a visitor's answer to an event), stored with
 * the sign-up as `{ kind, id }`. Recruitment knows only the kind's name: the feature that owns
 * it says it in the confirmation mail and acts once the address is proved.
 */
export interface SignupPurpose {
  kind: string;
  id: number;
}

export interface SignupPurposeKind {
  kind: string;
  /**
   * A sentence for the confirmation mail naming what the sign-up is for (campaign content,
   * never what the visitor typed); null when that is gone.
   */
  mailLine(ctx: AppContext, id: number, locale: Locale): Promise<string | null>;
  /**
   * The email owner confirmed: what waited on it happens now. Answers a sentence for the
   * confirmation page, or null.
   */
  confirmed(ctx: AppContext, personId: number, id: number, locale: Locale): Promise<string | null>;
}

export const isSignupPurpose = (value: unknown): value is SignupPurpose =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as SignupPurpose).kind === 'string' &&
  Number.isInteger((value as SignupPurpose).id);
