import { z } from 'zod';

/**
 * Who gave, as the gift's record keeps it: the receipt and the commission's files need the
 * donor's identity and tax address on the day of the gift, whatever the person record
 * becomes later (the record is kept after an erasure, Code électoral L52-12).
 */
export const donorIdentitySchema = z.object({
  civility: z.enum(['M', 'Mme']).nullable(),
  firstName: z.string().trim().min(1).max(100),
  lastName: z.string().trim().min(1).max(100),
  addressLine1: z.string().trim().min(1).max(200),
  addressLine2: z.string().trim().max(200).default(''),
  postalCode: z.string().trim().min(1).max(20),
  commune: z.string().trim().min(1).max(100),
  /** ISO 3166-1 alpha-2 country of the tax address. */
  country: z
    .string()
    .trim()
    .regex(/^[A-Z]{2}$/),
  email: z.email().max(254),
  phone: z.string().trim().max(30).default(''),
  /** An elected office the donor holds, if any (the commission's file asks for it). */
  electedOffice: z.string().trim().max(100).default(''),
});
export type DonorIdentity = z.infer<typeof donorIdentitySchema>;

/** A gift as receipts and the commission's files need it. */
export interface GiftForReceipt {
  donationId: number;
  /** Membership dues in party mode follow the same path as gifts. */
  kind: 'gift' | 'dues';
  /** YYYY-MM-DD, the day the money was given (the cheque's date of receipt, the card payment's). */
  givenOn: string;
  amountCents: number;
  means: 'card' | 'direct_debit' | 'transfer' | 'cheque' | 'cash';
  donor: DonorIdentity;
  /** The bank statement line that shows the money (transfer reference, payout reference). */
  bankReference: string | null;
  /** The remittance slip the cheque or cash went to the bank with. */
  remittanceSlip: string | null;
  /** The person's id in Levier: the donor's stable identifier in the commission's files. */
  personId: number;
}
