import { Button, List, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { formatDateTime } from '../../core/format.ts';
import { formatSlot } from '../../core/slot.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { ConsentRecordModal } from './ConsentRecordModal.tsx';
import { consentSourceLabel } from './labels.ts';
import { useConsentHistory } from './personRecordsHooks.ts';
import { consentChannelLabel } from './personRecordLabels.ts';

/** Under a person's consents: recording one received by staff, and every decision so far. */
export function ConsentRecords({ personId, canRecord }: { personId: number; canRecord: boolean }) {
  const t = useT();
  const [locale] = useLocale();
  const [opened, { open, close }] = useDisclosure(false);
  const history = useConsentHistory(personId);
  const entries = history.data ?? [];
  return (
    <Stack gap="xs">
      {canRecord && (
        <Button variant="light" size="xs" w="fit-content" onClick={open}>
          {t('person.recordConsent')}
        </Button>
      )}
      <Text size="sm" fw={500}>
        {t('person.consentHistory')}
      </Text>
      {history.isSuccess && entries.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('person.noConsentHistory')}
        </Text>
      )}
      <List size="sm" spacing={4} listStyleType="none" aria-label={t('person.consentHistory')}>
        {entries.map((entry) => (
          <List.Item key={entry.id}>
            <Text size="sm">
              {t('person.consentLine', {
                channel: consentChannelLabel(entry.channel, t),
                decision: entry.granted ? t('person.consentGiven') : t('person.consentWithdrawn'),
                source: consentSourceLabel(entry.source, t),
              })}
            </Text>
            <Text size="xs" c="dimmed" className="levier-pre">
              {[
                formatDateTime(entry.at, locale) +
                  (entry.actorName ? ` · ${t('person.by', { name: entry.actorName })}` : ''),
                entry.granted && entry.slot
                  ? t('person.slotLine', { slot: formatSlot(entry.slot, locale) })
                  : null,
                entry.granted ? t('person.wordingLine', { version: entry.wordingVersion }) : null,
                entry.note,
              ]
                .filter(Boolean)
                .join('\n')}
            </Text>
          </List.Item>
        ))}
      </List>
      {opened && <ConsentRecordModal personId={personId} opened onClose={close} />}
    </Stack>
  );
}
