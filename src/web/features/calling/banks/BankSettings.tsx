import { SimpleGrid, Text } from '@mantine/core';
import type { PhoneBank } from '../../../../contracts/phone-banks.ts';
import { useLocale, useT } from '../../../core/i18n/index.tsx';
import { Section } from '../../../core/ui/Section.tsx';
import { useQuestionnaires } from '../../field/questionnaire-hooks.ts';
import { Fact } from '../Fact.tsx';
import { windowsText } from '../labels.ts';
import { useCommitteeName, useSegmentName } from './hooks.ts';
import { accessKeys } from './labels.ts';

/** A bank's settings, read-only: audience, questionnaire, who calls, when, the queue. */
export function BankSettings({ bank }: { bank: PhoneBank }) {
  const t = useT();
  const [locale] = useLocale();
  const questionnaires = useQuestionnaires();
  const committee = useCommitteeName(bank.committeeId);
  const segment = useSegmentName(bank.segmentId);
  const questionnaire = questionnaires.data?.items.find(
    (item) => item.id === bank.questionnaireId,
  )?.name;
  const windows = windowsText(bank.windows, locale);
  return (
    <Section title={t('banks.settings.title')}>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm" component="dl" m={0}>
        <Fact label={t('banks.settings.segment')}>{segment}</Fact>
        <Fact label={t('banks.settings.questionnaire')}>
          {bank.questionnaireId === null
            ? t('banks.settings.noQuestionnaire')
            : (questionnaire ?? `#${bank.questionnaireId}`)}
        </Fact>
        <Fact label={t('banks.settings.access')}>{t(accessKeys[bank.access].label)}</Fact>
        <Fact label={t('banks.settings.committee')}>
          {bank.committeeId === null
            ? t('banks.settings.noCommittee')
            : (committee.data ?? `#${bank.committeeId}`)}
        </Fact>
        <Fact label={t('banks.settings.windows')}>
          {bank.windows.closedOnPublicHolidays
            ? t('banks.settings.windowsNoHolidays', { windows })
            : windows}
        </Fact>
        <Fact label={t('banks.settings.queue')}>
          {t('banks.settings.queueValue', {
            claim: bank.claimMinutes,
            attempts: bank.maxAttempts,
            retry: bank.retryMinutes,
          })}
        </Fact>
      </SimpleGrid>
    </Section>
  );
}

/** The script volunteers read: as text, its line breaks kept (never read as markup). */
export function BankScript({ script }: { script: string }) {
  const t = useT();
  return (
    <Section title={t('banks.script.title')}>
      {script.trim() === '' ? (
        <Text size="sm" c="dimmed">
          {t('banks.script.empty')}
        </Text>
      ) : (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {script}
        </Text>
      )}
    </Section>
  );
}
