import { Button, Group, NumberInput, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { breachInputSchema, type Breach, type BreachInput } from '../../../contracts/privacy.ts';
import { applyProblem } from '../../core/errors.ts';
import { validateWith } from '../../core/form-validation.ts';
import { useT } from '../../core/i18n/index.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { focusFirstError } from '../../core/validation.ts';
import { useSaveBreach } from './hooks.ts';
import { fromLocalInput, toLocalInput } from './labels.ts';

interface BreachFormValues {
  detectedAt: string;
  description: string;
  dataCategories: string;
  peopleCount: number | string;
  recordsCount: number | string;
  consequences: string;
  measures: string;
  cnilNotifiedAt: string;
  noNotificationReason: string;
  peopleInformedAt: string;
}

const count = (value: number | string) => (typeof value === 'number' ? value : null);

const toBody = (v: BreachFormValues): BreachInput => ({
  ...v,
  detectedAt: fromLocalInput(v.detectedAt) ?? '',
  peopleCount: count(v.peopleCount),
  recordsCount: count(v.recordsCount),
  cnilNotifiedAt: fromLocalInput(v.cnilNotifiedAt),
  peopleInformedAt: fromLocalInput(v.peopleInformedAt),
  noNotificationReason: v.noNotificationReason || null,
});

const FIELDS = [
  'detectedAt',
  'description',
  'dataCategories',
  'peopleCount',
  'recordsCount',
  'consequences',
  'measures',
  'cnilNotifiedAt',
  'noNotificationReason',
  'peopleInformedAt',
];

/** A breach's facts, as art. 33(3) asks for them; new, or an update of one recorded. */
export function BreachForm({
  breach,
  onSaved,
}: {
  breach?: Breach;
  onSaved?: (b: Breach) => void;
}) {
  const t = useT();
  const save = useSaveBreach(breach?.id);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<BreachFormValues>({
    initialValues: {
      detectedAt: toLocalInput(breach?.detectedAt ?? new Date().toISOString()),
      description: breach?.description ?? '',
      dataCategories: breach?.dataCategories ?? '',
      peopleCount: breach?.peopleCount ?? '',
      recordsCount: breach?.recordsCount ?? '',
      consequences: breach?.consequences ?? '',
      measures: breach?.measures ?? '',
      cnilNotifiedAt: toLocalInput(breach?.cnilNotifiedAt),
      noNotificationReason: breach?.noNotificationReason ?? '',
      peopleInformedAt: toLocalInput(breach?.peopleInformedAt),
    },
    validate: validateWith(breachInputSchema, t, toBody),
  });
  const submit = form.onSubmit((values) => {
    setFormError(null);
    save.mutate(toBody(values), {
      onSuccess: (saved) => {
        notifications.show({ color: 'green', message: t('privacy.breach.saved') });
        onSaved?.(saved);
      },
      onError: (error) => {
        setFormError(applyProblem(form, error, t, FIELDS));
        focusFirstError();
      },
    });
  }, focusFirstError);
  const long = (name: keyof BreachFormValues, label: string, max: number) => (
    <Textarea
      label={label}
      required
      maxLength={max}
      autosize
      minRows={2}
      {...form.getInputProps(name)}
    />
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          type="datetime-local"
          label={t('privacy.breach.detectedAt')}
          required
          {...form.getInputProps('detectedAt')}
        />
        {long('description', t('privacy.breach.description'), 2000)}
        <TextInput
          label={t('privacy.breach.dataCategories')}
          required
          maxLength={500}
          {...form.getInputProps('dataCategories')}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <NumberInput
            label={t('privacy.breach.peopleCount')}
            min={0}
            allowDecimal={false}
            allowNegative={false}
            {...form.getInputProps('peopleCount')}
          />
          <NumberInput
            label={t('privacy.breach.recordsCount')}
            min={0}
            allowDecimal={false}
            allowNegative={false}
            {...form.getInputProps('recordsCount')}
          />
        </SimpleGrid>
        {long('consequences', t('privacy.breach.consequences'), 2000)}
        {long('measures', t('privacy.breach.measures'), 2000)}
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput
            type="datetime-local"
            label={t('privacy.breach.cnilNotifiedAt')}
            {...form.getInputProps('cnilNotifiedAt')}
          />
          <TextInput
            type="datetime-local"
            label={t('privacy.breach.peopleInformedAt')}
            {...form.getInputProps('peopleInformedAt')}
          />
        </SimpleGrid>
        <Textarea
          label={t('privacy.breach.noNotificationReason')}
          maxLength={1000}
          autosize
          {...form.getInputProps('noNotificationReason')}
        />
        <ErrorAlert message={formError} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {breach ? t('privacy.breach.save') : t('privacy.breaches.new')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
