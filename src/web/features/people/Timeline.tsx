import { Text, Timeline } from '@mantine/core';
import type { z } from 'zod';
import type { timelineEntrySchema } from '../../../contracts/people.ts';
import { formatDateTime } from '../../core/format.ts';
import { useLocale, useT, type MessageKey } from '../../core/i18n/index.tsx';
import { useConsentWordings } from '../../core/site.ts';
import { timelineLines, type WordingTexts } from './timelineLines.ts';

type Entry = z.infer<typeof timelineEntrySchema>;

const kindKeys: Record<string, MessageKey> = {
  signup: 'timeline.signup',
  confirmed: 'timeline.confirmed',
  consent: 'timeline.consent',
  import: 'timeline.import',
  tags: 'timeline.tags',
  profile_update: 'timeline.profile_update',
  merge: 'timeline.merge',
  login: 'timeline.login',
  export: 'timeline.export',
  role_change: 'timeline.role_change',
  created: 'timeline.created',
  custom_fields: 'timeline.custom_fields',
  phone_call: 'timeline.phone_call',
};

/** What happened to a person, newest first as the server sends it. Data is shown as text. */
export function PersonTimeline({ entries }: { entries: Entry[] }) {
  const t = useT();
  const [locale] = useLocale();
  const versions = useConsentWordings();
  const wordings: WordingTexts = new Map(
    (versions.data ?? []).map((v) => [v.version, { email: v.email, sms: v.sms, phone: v.phone }]),
  );
  if (entries.length === 0) return <Text size="sm">{t('person.noHistory')}</Text>;
  return (
    <Timeline bulletSize={14} lineWidth={2}>
      {entries.map((entry) => {
        const key = kindKeys[entry.kind];
        const lines = timelineLines(entry.kind, entry.data, t, wordings);
        return (
          <Timeline.Item key={entry.id} title={key ? t(key) : entry.kind}>
            <Text size="xs" c="dimmed">
              {formatDateTime(entry.at, locale)}
              {entry.actorName ? ` · ${t('person.by', { name: entry.actorName })}` : ''}
            </Text>
            {lines.length > 0 && (
              <Text size="sm" className="levier-pre">
                {lines.join('\n')}
              </Text>
            )}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
