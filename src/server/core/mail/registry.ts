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
