import { NumberInput, SimpleGrid } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { broadcastInputSchema } from '../../../contracts/calling.ts';
import { useT, type MessageKey } from '../../core/i18n/index.tsx';
import type { BroadcastValues, PaceField } from './broadcast-form.ts';

/** The bounds the contract sets on a number field. */
function bounds(field: PaceField): { min?: number; max?: number } {
  const schema = broadcastInputSchema.shape[field].unwrap();
  return { min: schema.minValue ?? undefined, max: schema.maxValue ?? undefined };
}

const fields: Array<{ name: PaceField; label: MessageKey; help: MessageKey }> = [
  {
    name: 'callsPerSecond',
    label: 'calling.form.callsPerSecond',
    help: 'calling.form.callsPerSecondHelp',
  },
  {
    name: 'maxConcurrent',
    label: 'calling.form.maxConcurrent',
    help: 'calling.form.maxConcurrentHelp',
  },
  { name: 'rampSeconds', label: 'calling.form.rampSeconds', help: 'calling.form.rampSecondsHelp' },
  { name: 'maxAttempts', label: 'calling.form.maxAttempts', help: 'calling.form.maxAttemptsHelp' },
  {
    name: 'retryMinutes',
    label: 'calling.form.retryMinutes',
    help: 'calling.form.retryMinutesHelp',
  },
  { name: 'ringSeconds', label: 'calling.form.ringSeconds', help: 'calling.form.ringSecondsHelp' },
  {
    name: 'answerRateFloor',
    label: 'calling.form.answerRateFloor',
    help: 'calling.form.answerRateFloorHelp',
  },
];

/** The pace (calls a second, open calls, ramp-up), the retries, the ringing, the answer rate. */
export function PaceFields({ form }: { form: UseFormReturnType<BroadcastValues> }) {
  const t = useT();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
      {fields.map((field) => (
        <NumberInput
          key={field.name}
          label={t(field.label)}
          description={t(field.help)}
          required
          allowDecimal={false}
          allowNegative={false}
          {...bounds(field.name)}
          {...form.getInputProps(field.name)}
        />
      ))}
    </SimpleGrid>
  );
}
