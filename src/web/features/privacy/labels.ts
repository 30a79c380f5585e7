import type { PrivacyRequestEntry } from '../../../contracts/privacy.ts';
import type { MessageKey } from '../../core/i18n/index.tsx';

export const kindKey = (kind: PrivacyRequestEntry['kind']): MessageKey => `privacy.kind.${kind}`;
export const statusKey = (status: PrivacyRequestEntry['status']): MessageKey =>
  `privacy.status.${status}`;
export const channelKey = (channel: PrivacyRequestEntry['channel']): MessageKey =>
  `privacy.channel.${channel}`;

/** A moment as a datetime-local input shows it (the browser's time, to the minute). */
export const toLocalInput = (iso: string | null | undefined) => {
  if (!iso) return '';
  const at = new Date(iso);
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/** A datetime-local input's value as an ISO moment; empty stays null. */
export const fromLocalInput = (value: string) => (value ? new Date(value).toISOString() : null);
