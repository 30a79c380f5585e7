import { Select, SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useT } from '../../core/i18n/index.tsx';
import { DayInput } from '../../core/ui/DayInput.tsx';
import type { SettingsFormValues } from './settingsForm.ts';

/** Which election, when, within which ceiling, and how receipts are made. */
export function CollectionFields({ form }: { form: UseFormReturnType<SettingsFormValues> }) {
  const t = useT();
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('finance.settings.electionId')}
          description={t('finance.settings.electionIdHint')}
          inputMode="numeric"
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
