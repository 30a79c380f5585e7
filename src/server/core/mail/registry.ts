import type { RenderedMail } from './templates.ts';

/** Renders a queued template mail when it is sent (keeps bulk inserts small). */
export type MailRenderer = (
  payload: Record<string, unknown>,
) => Promise<RenderedMail> | RenderedMail;

const renderers = new Map<string, MailRenderer>();

export function registerMailTemplate(name: string, render: MailRenderer) {
  renderers.set(name, render);
}

export function mailRenderer(name: string): MailRenderer {
  const render = renderers.get(name);
  if (!render) throw new Error(`No mail template named ${name}`);
  return render;
}
