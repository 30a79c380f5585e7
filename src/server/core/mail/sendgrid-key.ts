import { createPublicKey, type KeyObject } from 'node:crypto';

/**
 * SendGrid's Event Webhook verification key (Mail Settings › Signed Event Webhook), as the
 * dashboard gives it: base64 of an ECDSA P-256 public key (SubjectPublicKeyInfo, DER). A PEM
 * block is taken too. Checked when the configuration loads, so a wrong key stops the process
 * rather than every event.
 */
export function sendgridWebhookKey(text: string | undefined): KeyObject | null {
  if (text === undefined || text.trim() === '') return null;
  const base64 = text
    .replace(/\\n/g, '\n')
    .replace(/-----(BEGIN|END) PUBLIC KEY-----/g, '')
    .replace(/\s+/g, '');
  const refuse = (why: string) =>
    new Error(
      `Invalid configuration:\n  SENDGRID_WEBHOOK_PUBLIC_KEY: ${why}; copy the verification key of the signed Event Webhook (SendGrid › Settings › Mail Settings › Event Webhook).`,
    );
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) throw refuse('not base64');
  let key: KeyObject;
  try {
    key = createPublicKey({ key: Buffer.from(base64, 'base64'), format: 'der', type: 'spki' });
  } catch {
    throw refuse('not a readable public key (base64 of DER)');
  }
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw refuse(
      `a ${key.asymmetricKeyType ?? 'unknown'} key${key.asymmetricKeyDetails?.namedCurve ? ` on ${key.asymmetricKeyDetails.namedCurve}` : ''}, not an ECDSA P-256 key`,
    );
  }
  return key;
}
