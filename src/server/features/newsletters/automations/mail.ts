import type { Locale } from '../../../../contracts/common.ts';
import type { AppContext } from '../../../core/context.ts';
import { registerMailTemplate } from '../../../core/mail/registry.ts';
import { campaignName } from '../../settings/service.ts';
import { placeholderValues, stepUnsubscribeUrl } from '../delivery.ts';
import { drawNewsletter, newsletterMail, type DrawnNewsletter } from '../mail.ts';
import { STEP_MAIL } from './enrolments.ts';
import { stepRow } from './service.ts';
import { registerAutomationTriggers } from './triggers.ts';

/** A step's drawn text is kept this long per process (a step may be edited: not longer). */
const DRAWN_FOR_MS = 30_000;

/**
 * An automation step's mail, rendered when it is sent exactly as a newsletter's is (the same
 * placeholders, Markdown, layout, footer and one-click unsubscribe), with the step's own
 * unsubscribe link.
 */
export function registerAutomationMail(ctx: AppContext) {
  // Workers apply payments too (reconciliation): they enrol as the servers do.
  registerAutomationTriggers();
  const drawn = new Map<number, { at: number; value: DrawnNewsletter }>();
  const drawnStep = async (id: number) => {
    const kept = drawn.get(id);
    if (kept && kept.at > Date.now() - DRAWN_FOR_MS) return kept.value;
    const value = drawNewsletter(await stepRow(ctx.database.query, ctx.campaignId, id));
    drawn.set(id, { at: Date.now(), value });
    return value;
  };
  registerMailTemplate(STEP_MAIL, async (payload) => {
    // `test`: a staff member's test of the step (step-test.ts), its subject marked.
    const p = payload as { stepId: number; personId: number; locale: Locale; test?: boolean };
    const [text, values, campaign] = await Promise.all([
      drawnStep(p.stepId),
      placeholderValues(ctx, p.personId),
      campaignName(ctx.database, ctx.campaignId),
    ]);
    return newsletterMail(p.locale === 'en' ? 'en' : 'fr', text, {
      values,
      campaign,
      unsubscribeUrl: stepUnsubscribeUrl(ctx, p.stepId, p.personId),
      test: p.test === true,
    });
  });
}
