import { simpleParser, type Attachment } from 'mailparser';
import type { FeedbackKind } from './feedback.ts';

/** One recipient's fate in a delivery status notification, or a complaint. */
export interface DeliveryReport {
  kind: FeedbackKind;
  /** The address the report names (Final-Recipient; for a complaint, none). */
  recipient: string | null;
  /** The enhanced status code (RFC 3463), e.g. 5.1.1. */
  status: string | null;
  /** What the receiving server said (Diagnostic-Code). */
  detail: string | null;
}

export interface ParsedFeedback {
  reports: DeliveryReport[];
  /** The `X-Levier-Mail` header of the original message, when the report quotes it. */
  quotedRef: string | null;
}

/** Header-like fields (RFC 822 style, folded lines joined), in blocks separated by blank lines. */
export function fieldBlocks(text: string): Array<Map<string, string>> {
  const blocks: Array<Map<string, string>> = [];
  let current = new Map<string, string>();
  let last: string | null = null;
  for (const line of text.replace(/\r\n/g, '\n').split('\n')) {
    if (line.trim() === '') {
      if (current.size > 0) blocks.push(current);
      current = new Map();
      last = null;
    } else if (/^[ \t]/.test(line) && last) {
      current.set(last, `${current.get(last)} ${line.trim()}`);
    } else {
      const colon = line.indexOf(':');
      if (colon <= 0) continue;
      last = line.slice(0, colon).trim().toLowerCase();
      current.set(last, line.slice(colon + 1).trim());
    }
  }
  if (current.size > 0) blocks.push(current);
  return blocks;
}

/** `rfc822; user@example.org` → `user@example.org`. */
const typedValue = (value: string | undefined) =>
  value ? value.replace(/^[^;]*;\s*/, '').trim() || null : null;

/**
 * A failure that says the address itself is wrong (no such mailbox or domain, mailbox
 * disabled, no route): a hard bounce. Other permanent failures (a policy or content refusal,
 * 5.7.x) say nothing final about the address: they count as soft, like temporary ones.
 */
export const isAddressFailure = (status: string) => /^5\.(1\.\d{1,3}|2\.1|4\.4)$/.test(status);

/** The recipients' reports of a `message/delivery-status` part (RFC 3464). */
export function deliveryReports(text: string): DeliveryReport[] {
  const [, ...recipients] = fieldBlocks(text);
  return recipients.flatMap((fields): DeliveryReport[] => {
    const action = fields.get('action')?.toLowerCase();
    const status = /\d\.\d{1,3}\.\d{1,3}/.exec(fields.get('status') ?? '')?.[0] ?? null;
    const recipient = typedValue(fields.get('final-recipient') ?? fields.get('original-recipient'));
    const detail = typedValue(fields.get('diagnostic-code')) ?? null;
    if (action === 'delayed') return [{ kind: 'delayed', recipient, status, detail }];
    if (action !== 'failed') return [];
    const kind = status && isAddressFailure(status) ? 'hard_bounce' : 'soft_bounce';
    return [{ kind, recipient, status, detail }];
  });
}

const partText = (part: Attachment) => part.content.toString('utf8');

/** The X-Levier-Mail header in a quoted original message or its headers. */
function quotedRef(parts: Attachment[], header: string): string | null {
  const name = header.toLowerCase();
  for (const part of parts) {
    if (!/^(message\/rfc822|text\/rfc822-headers|message\/global-headers)$/i.test(part.contentType))
      continue;
    const [headers] = fieldBlocks(partText(part));
    const value = headers?.get(name);
    if (value) return value;
  }
  return null;
}

/**
 * What a bounce mail says: the recipients' reports of its delivery status part (RFC 3464,
 * or RFC 6533's global form), or a complaint for an abuse report (RFC 5965). A mail that is
 * neither (an out-of-office reply, a human's answer) gives no report.
 */
export async function parseFeedbackMail(raw: Buffer, refHeader: string): Promise<ParsedFeedback> {
  const parsed = await simpleParser(raw, {
    keepDeliveryStatus: true,
    skipHtmlToText: true,
    skipTextLinks: true,
  });
  const parts = parsed.attachments;
  const reports: DeliveryReport[] = [];
  for (const part of parts) {
    const type = part.contentType.toLowerCase();
    if (type === 'message/delivery-status' || type === 'message/global-delivery-status') {
      reports.push(...deliveryReports(partText(part)));
    } else if (type === 'message/feedback-report') {
      const [fields] = fieldBlocks(partText(part));
      const feedbackType = fields?.get('feedback-type')?.toLowerCase();
      if (feedbackType === 'abuse' || feedbackType === 'fraud') {
        reports.push({ kind: 'complaint', recipient: null, status: null, detail: feedbackType });
      }
    }
  }
  return { reports, quotedRef: quotedRef(parts, refHeader) };
}
