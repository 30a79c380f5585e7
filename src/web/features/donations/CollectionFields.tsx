import { Select, SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { formatDayWithYear } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { DayInput } from '../../core/ui/DayInput.tsx';
import { useElectionChoices } from './hooks.ts';
import type { SettingsFormValues } from './settingsForm.ts';

/** Which election, when, within which ceiling, and how receipts are made. */
export function CollectionFields({ form }: { form: UseFormReturnType<SettingsFormValues> }) {
  const t = useT();
  const [locale] = useLocale();
  const elections = useElectionChoices();
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t('finance.settings.electionId')}
          description={
            elections.data?.length === 0
              ? t('finance.settings.electionNone')
              : t('finance.settings.electionIdHint')
          }
          placeholder={t('finance.settings.electionPick')}
          data={(elections.data ?? []).map((e) => ({
            value: String(e.id),
            label: t('finance.settings.electionOption', {
              name: e.name,
              day: e.firstRound ? formatDayWithYear(e.firstRound, locale) : '—',
            }),
          }))}
          disabled={elections.data?.length === 0}
          {...form.getInputProps('electionId')}
        />
        <TextInput
          label={t('finance.settings.ceiling')}
          description={t('finance.settings.ceilingHint')}
          inputMode="decimal"
          {...form.getInputProps('spendingCeiling')}
        />
        <DayInput
          label={t('finance.settings.opensOn')}
          value={form.values.collection.opensOn}
          onChange={(day) => form.setFieldValue('collection.opensOn', day)}
          error={form.errors['collection.opensOn']}
        />
        <DayInput
          label={t('finance.settings.closesOn')}
          value={form.values.collection.closesOn}
          onChange={(day) => form.setFieldValue('collection.closesOn', day)}
          error={form.errors['collection.closesOn']}
        />
      </SimpleGrid>
      <Select
        label={t('finance.settings.receiptProcedure')}
        allowDeselect={false}
        data={[
          { value: 'paper', label: t('finance.settings.procedure.paper') },
          { value: 'dematerialised', label: t('finance.settings.procedure.dematerialised') },
        ]}
        {...form.getInputProps('receiptProcedure')}
      />
    </>
  );
}
