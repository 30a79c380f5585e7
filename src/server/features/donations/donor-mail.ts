import { sql } from 'drizzle-orm';
import { QUEUE_TEMPLATE_MAILS } from '../../core/mail/outbox.ts';
import { runSql, type Queryable } from '../../core/db/statement.ts';

/**
 * Queues a mail to a donor at the address their gift or plan was made with (rendered when
 * sent, see mails.ts): the acknowledgement of a gift, or the news that a plan stopped.
 */
export async function queueDonorMail(
  on: Queryable,
  campaignId: number,
  mail:
    | { template: 'donation_acknowledgement'; donationId: number }
    | { template: 'donation_plan_stopped'; planId: number },
): Promise<void> {
  const [table, id] =
    mail.template === 'donation_acknowledgement'
      ? [sql`donations`, mail.donationId]
      : [sql`donation_plans`, mail.planId];
  await runSql(
    on,
    sql`${sql.raw(QUEUE_TEMPLATE_MAILS)}
        SELECT campaign_id, ${mail.template}, person_id, donor->>'email', ${mail.template},
               jsonb_build_object('campaignId', campaign_id, 'id', id)
          FROM ${table}
         WHERE campaign_id = ${campaignId} AND id = ${id} AND donor->>'email' IS NOT NULL`,
  );
}
