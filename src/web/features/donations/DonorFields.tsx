import { Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useT } from '../../core/i18n/index.tsx';
import type { ManualGiftValues } from './manualGiftForm.ts';

/** Who gave: the identity and tax address the receipt will carry. */
export function DonorFields({ form }: { form: UseFormReturnType<ManualGiftValues> }) {
  const t = useT();
  return (
    <>
      <Group align="flex-start" gap="sm" grow>
        <Select
          label={t('finance.donor.civility')}
          clearable
          data={[
            { value: 'Mme', label: t('finance.donor.mme') },
            { value: 'M', label: t('finance.donor.m') },
          ]}
          {...form.getInputProps('donor.civility')}
          value={form.values.donor.civility || null}
          onChange={(value) => form.setFieldValue('donor.civility', (value ?? '') as '' | 'M')}
        />
        <TextInput
          label={t('finance.donor.firstName')}
          required
          maxLength={100}
          {...form.getInputProps('donor.firstName')}
        />
        <TextInput
          label={t('finance.donor.lastName')}
          required
          maxLength={100}
          {...form.getInputProps('donor.lastName')}
        />
      </Group>
      <TextInput
        label={t('finance.donor.address')}
        required
        maxLength={200}
        {...form.getInputProps('donor.addressLine1')}
      />
      <TextInput
        label={t('finance.donor.address2')}
        maxLength={200}
        {...form.getInputProps('donor.addressLine2')}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <TextInput
          label={t('finance.donor.postalCode')}
          required
          maxLength={20}
          {...form.getInputProps('donor.postalCode')}
        />
        <TextInput
          label={t('finance.donor.commune')}
          required
          maxLength={100}
          {...form.getInputProps('donor.commune')}
        />
        <TextInput
          label={t('finance.donor.country')}
          description={t('finance.donor.countryHint')}
          maxLength={2}
          {...form.getInputProps('donor.country')}
        />
        <TextInput
          label={t('finance.donor.nationality')}
          description={t('finance.donor.nationalityHint')}
          maxLength={2}
          {...form.getInputProps('donor.nationality')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('finance.email')}
          type="email"
          required
          maxLength={254}
          {...form.getInputProps('donor.email')}
        />
        <TextInput
          label={t('finance.donor.phone')}
          type="tel"
          maxLength={30}
          {...form.getInputProps('donor.phone')}
        />
      </SimpleGrid>
    </>
  );
}
