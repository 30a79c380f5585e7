import { Select, SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useT } from '../../core/i18n/index.tsx';
import { DayInput } from '../../core/ui/DayInput.tsx';
import type { SettingsFormValues } from './settingsForm.ts';

/** The financial agent (mandataire), as the donation page and the receipts name them. */
export function AgentFields({ form }: { form: UseFormReturnType<SettingsFormValues> }) {
  const t = useT();
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t('finance.settings.agentKind')}
          allowDeselect={false}
          data={[
            { value: 'person', label: t('finance.settings.agentKind.person') },
            { value: 'association', label: t('finance.settings.agentKind.association') },
          ]}
          {...form.getInputProps('agent.kind')}
        />
        <TextInput
          label={t('finance.settings.agentName')}
          required
          maxLength={200}
          {...form.getInputProps('agent.name')}
        />
      </SimpleGrid>
      <TextInput
        label={t('finance.settings.agentAddress')}
        required
        maxLength={300}
        {...form.getInputProps('agent.address')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <DayInput
          label={t('finance.settings.agentDesignatedOn')}
          value={form.values.agent.designatedOn}
          onChange={(day) => form.setFieldValue('agent.designatedOn', day)}
          error={form.errors['agent.designatedOn']}
        />
        <TextInput
          label={t('finance.settings.agentCommissionId')}
          maxLength={50}
          {...form.getInputProps('agent.commissionId')}
        />
        <TextInput
          label={t('finance.donor.phone')}
          type="tel"
          maxLength={30}
          {...form.getInputProps('agent.phone')}
        />
        <TextInput
          label={t('finance.email')}
          type="email"
          maxLength={254}
          {...form.getInputProps('agent.email')}
        />
      </SimpleGrid>
    </>
  );
}
