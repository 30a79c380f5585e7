import type { Database } from '../../core/db/index.ts';

/**
 * A kind of subscription a feature owns (`committee`: a committee's messages): which of these
 * people are subscribed to these things now. The gate asks it, for mail that names a
 * subscription (`committee:12`), instead of the newsletter consent.
 */
export type SubscriptionCheck = (
  database: Pick<Database, 'query'>,
  campaignId: number,
  asked: ReadonlyArray<{ personId: number; id: number }>,
) => Promise<Set<string>>;

const checks = new Map<string, SubscriptionCheck>();

export function registerSubscriptionCheck(kind: string, check: SubscriptionCheck) {
  checks.set(kind, check);
}

/** The key a check answers with for a person and a thing. */
export const subscribedKey = (personId: number, id: number) => `${personId}:${id}`;

/** Reads `kind:id`; null for anything else. */
export function parseSubscription(value: string): { kind: string; id: number } | null {
  const match = /^([a-z_]+):(\d{1,15})$/.exec(value);
  return match ? { kind: match[1]!, id: Number(match[2]) } : null;
}

/**
 * For mails naming a subscription: which are subscribed, by mail id (one query per kind).
 * An unknown kind or a malformed value counts as not subscribed.
 */
export async function subscribedMails(
  database: Pick<Database, 'query'>,
  campaignId: number,
  mails: ReadonlyArray<{ id: number; personId: number; subscription: string }>,
): Promise<Set<number>> {
  const byKind = new Map<string, Array<{ mailId: number; personId: number; id: number }>>();
  for (const mail of mails) {
    const parsed = parseSubscription(mail.subscription);
    if (!parsed || !checks.has(parsed.kind)) continue;
    byKind.set(parsed.kind, [
      ...(byKind.get(parsed.kind) ?? []),
      { mailId: mail.id, personId: mail.personId, id: parsed.id },
    ]);
  }
  const subscribed = new Set<number>();
  for (const [kind, asked] of byKind) {
    const yes = await checks.get(kind)!(database, campaignId, asked);
    for (const a of asked) if (yes.has(subscribedKey(a.personId, a.id))) subscribed.add(a.mailId);
  }
  return subscribed;
}
