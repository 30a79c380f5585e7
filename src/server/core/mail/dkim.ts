import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** What nodemailer signs each mail with (its `dkim` transport option). */
export interface DkimKey {
  domainName: string;
  keySelector: string;
  privateKey: string;
  /** The TXT record to publish at `<selector>._domainkey.<domain>`, derived from the key. */
  dnsRecord: string;
}

export interface DkimSettings {
  MAIL_DKIM_DOMAIN?: string;
  MAIL_DKIM_SELECTOR?: string;
  MAIL_DKIM_PRIVATE_KEY?: string;
  MAIL_DKIM_PRIVATE_KEY_FILE?: string;
  MAIL_FROM: string;
}

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
const isDomain = (name: string) => name.split('.').every((label) => LABEL.test(label));
const MIN_RSA_BITS = 1024;

/** The domain of a From header value (`Name <user@domain>` or `user@domain`). */
export function fromDomain(from: string): string | null {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  const at = address.lastIndexOf('@');
  return at < 0
    ? null
    : address
        .slice(at + 1)
        .trim()
        .toLowerCase();
}

function readKey(settings: DkimSettings): string {
  if (settings.MAIL_DKIM_PRIVATE_KEY && settings.MAIL_DKIM_PRIVATE_KEY_FILE) {
    throw new Error('Set MAIL_DKIM_PRIVATE_KEY or MAIL_DKIM_PRIVATE_KEY_FILE, not both.');
  }
  if (settings.MAIL_DKIM_PRIVATE_KEY_FILE) {
    try {
      return readFileSync(settings.MAIL_DKIM_PRIVATE_KEY_FILE, 'utf8');
    } catch (error) {
      throw new Error(
        `MAIL_DKIM_PRIVATE_KEY_FILE: cannot read ${settings.MAIL_DKIM_PRIVATE_KEY_FILE} (${(error as Error).message}).`,
        { cause: error },
      );
    }
  }
  // An environment variable often carries the PEM's line breaks as `\n`.
  return (settings.MAIL_DKIM_PRIVATE_KEY ?? '').replace(/\\n/g, '\n');
}

function parseKey(pem: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch (error) {
    throw new Error(
      'The DKIM private key is not a readable PEM private key (-----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----).',
      { cause: error },
    );
  }
  if (key.asymmetricKeyType !== 'rsa') {
    throw new Error(
      `The DKIM private key is ${key.asymmetricKeyType ?? 'of an unknown type'}: mail is signed rsa-sha256, give an RSA key (2048 bits recommended).`,
    );
  }
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_RSA_BITS) {
    throw new Error(
      `The DKIM key has ${bits} bits: receivers ignore signatures under ${MIN_RSA_BITS} bits (2048 recommended).`,
    );
  }
  return key;
}

/**
 * The DKIM key of the configuration, checked when the process starts (no DNS lookup): all
 * three settings or none, a selector and a domain that are DNS names, a readable RSA key of
 * at least 1,024 bits, and a sender (MAIL_FROM) in the signing domain or one of its
 * subdomains, so that the signature aligns with the From address (DMARC). Null without DKIM.
 */
export function dkimKey(settings: DkimSettings): DkimKey | null {
  const domain = settings.MAIL_DKIM_DOMAIN?.trim().toLowerCase();
  const selector = settings.MAIL_DKIM_SELECTOR?.trim();
  const hasKey = Boolean(settings.MAIL_DKIM_PRIVATE_KEY || settings.MAIL_DKIM_PRIVATE_KEY_FILE);
  if (!domain && !selector && !hasKey) return null;
  if (!domain || !selector || !hasKey) {
    throw new Error(
      'DKIM needs MAIL_DKIM_DOMAIN, MAIL_DKIM_SELECTOR and MAIL_DKIM_PRIVATE_KEY (or MAIL_DKIM_PRIVATE_KEY_FILE) together.',
    );
  }
  if (!isDomain(domain)) throw new Error(`MAIL_DKIM_DOMAIN: "${domain}" is not a domain name.`);
  if (!isDomain(selector)) {
    throw new Error(`MAIL_DKIM_SELECTOR: "${selector}" is not a DNS label (e.g. levier2026).`);
  }
  const sender = fromDomain(settings.MAIL_FROM);
  if (!sender || (sender !== domain && !sender.endsWith(`.${domain}`))) {
    throw new Error(
      `MAIL_FROM (${settings.MAIL_FROM}) is not in the DKIM domain ${domain}: the signature would not align with the sender, and receivers applying DMARC would reject the mail.`,
    );
  }
  const privateKey = readKey(settings);
  const key = parseKey(privateKey);
  const publicKey = createPublicKey(key).export({ type: 'spki', format: 'der' }).toString('base64');
  return {
    domainName: domain,
    keySelector: selector,
    privateKey,
    dnsRecord: `v=DKIM1; k=rsa; p=${publicKey}`,
  };
}
