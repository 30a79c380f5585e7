import type { SendDecision } from '../dispatch/index.ts';
import type { Database, Query } from '../db/index.ts';
import type { RenderedMail } from './templates.ts';

/** Renders a queued template mail when it is sent (keeps bulk inserts small). */
export type MailRenderer = (
  payload: Record<string, unknown>,
) => Promise<RenderedMail> | RenderedMail;

export interface MailTemplateOptions {
  /**
   * For mails anyone can make us send by typing an address: at most this many to one person
   * a day, so a public form cannot flood a mailbox from the campaign's domain.
   */
  dailyCapPerPerson?: number;
}

const templates = new Map<string, { render: MailRenderer; options: MailTemplateOptions }>();

export function registerMailTemplate(
  name: string,
  render: MailRenderer,
  options: MailTemplateOptions = {},
) {
  templates.set(name, { render, options });
}

export function mailRenderer(name: string): MailRenderer {
  const template = templates.get(name);
  if (!template) throw new Error(`No mail template named ${name}`);
  return template.render;
}

export const mailTemplateOptions = (name: string): MailTemplateOptions =>
  templates.get(name)?.options ?? {};

/** What a gate decides about a claimed mail just before it goes out. */
export type BeforeSend = SendDecision;

export interface GatedMail {
  id: number;
  personId: number | null;
  /** The address it goes to (an address that bounced gets nothing more). */
  to: string;
  /** Why the mail is sent: `transactional` or a campaign purpose. */
  purpose: string;
  /** What the person subscribed to that the mail belongs to (`committee:12`), if anything. */
  subscription: string | null;
}

/** Decides for a claimed batch at once (one query for the batch); a mail left out is sent. */
export type MailGate = (
  database: Pick<Database, 'query'>,
  campaignId: number,
  batch: readonly GatedMail[],
  at: Date,
) => Promise<Map<number, BeforeSend>>;

let gate: MailGate = async () => new Map();

/** A feature (compliance) checks every mail before it is sent. */
export function registerMailGate(check: MailGate) {
  gate = check;
}

export const mailGate = (): MailGate => gate;

/** What a bounce or complaint says of an address, once the mail it answers is known. */
export interface AddressFeedback {
  address: string;
  personId: number | null;
  kind: 'hard_bounce' | 'soft_bounce' | 'delayed' | 'complaint';
}

/** Applies feedback to the address (the compliance feature: suppression list, consent). */
export type MailFeedbackHandler = (
  query: Query,
  campaignId: number,
  feedback: AddressFeedback,
) => Promise<void>;

let feedbackHandler: MailFeedbackHandler = async () => undefined;

export function registerMailFeedbackHandler(handler: MailFeedbackHandler) {
  feedbackHandler = handler;
}

export const mailFeedbackHandler = (): MailFeedbackHandler => feedbackHandler;
