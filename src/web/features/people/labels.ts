import type { MessageKey, Translate } from '../../core/i18n/index.tsx';

const sourceKeys: Record<string, MessageKey> = {
  signup: 'source.signup',
  embed: 'source.embed',
  import: 'source.import',
  admin: 'source.admin',
  staff: 'source.admin',
};

export const KNOWN_SOURCES = ['signup', 'embed', 'import', 'staff'];

export function sourceLabel(source: string, t: Translate): string {
  const key = sourceKeys[source];
  return key ? t(key) : source;
}
