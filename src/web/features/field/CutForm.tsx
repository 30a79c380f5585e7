import { Button, Group, NumberInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconScissors } from '@tabler/icons-react';
import { useState } from 'react';
import { cutTurfsInputSchema, type TargetArea } from '../../../contracts/field-turfs.ts';
import { validateWith } from '../../core/form-validation.ts';
import { useT } from '../../core/i18n/index.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { focusFirstError } from '../../core/validation.ts';
import { ConfirmAction } from './ConfirmAction.tsx';
import { fieldCodeText, fieldErrorText } from './fieldErrors.ts';
import { useCutArea } from './turfHooks.ts';

interface Values {
  minSize: number | string;
  maxSize: number | string;
}

const toRequest = (values: Values) => ({
  minSize: values.minSize === '' ? undefined : Number(values.minSize),
  maxSize: values.maxSize === '' ? undefined : Number(values.maxSize),
});

/** Cuts the area into turfs of so many addresses (replacing the turfs it had, if none was visited). */
export function CutForm({ area }: { area: TargetArea }) {
  const t = useT();
  const cut = useCutArea(area.id);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const form = useForm<Values>({
    initialValues: { minSize: 60, maxSize: 80 },
    validate: (values) => {
      const errors = validateWith<Values>(cutTurfsInputSchema, t, toRequest)(values);
      // The schema's own code for a maximum under the minimum.
      if (errors.maxSize) {
        const parsed = cutTurfsInputSchema.safeParse(toRequest(values));
        const issue = parsed.error?.issues.find((i) => i.path[0] === 'maxSize');
        if (issue?.message === 'max_below_min') errors.maxSize = fieldCodeText('max_below_min', t)!;
      }
      return errors;
    },
  });

  const run = () =>
    cut.mutateAsync(cutTurfsInputSchema.parse(toRequest(form.values))).then((result) => {
      notifications.show({
        color: 'green',
        message: t('field.cut.done', { count: result.items.length }),
      });
    });

  const submit = form.onSubmit(() => {
    setError(null);
    if (area.turfCount > 0) setConfirming(true);
    else run().catch((failure: unknown) => setError(fieldErrorText(failure, t)));
  }, focusFirstError);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Group align="flex-start" gap="sm">
          <NumberInput
            label={t('field.cut.min')}
            min={5}
            max={2000}
            allowDecimal={false}
            w={180}
            {...form.getInputProps('minSize')}
          />
          <NumberInput
            label={t('field.cut.max')}
            min={5}
            max={2000}
            allowDecimal={false}
            w={180}
            {...form.getInputProps('maxSize')}
          />
        </Group>
        <ErrorAlert message={error} />
        <Group>
          <Button
            type="submit"
            loading={cut.isPending && !confirming}
            disabled={area.addressCount === 0}
            leftSection={<IconScissors size={16} aria-hidden />}
          >
            {t('field.cut.submit')}
          </Button>
        </Group>
      </Stack>
      <ConfirmAction
        opened={confirming}
        title={t('field.cut.replaceTitle')}
        confirmLabel={t('field.cut.replace')}
        loading={cut.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={run}
      >
        {t('field.cut.replaceText', { count: area.turfCount })}
      </ConfirmAction>
    </form>
  );
}
