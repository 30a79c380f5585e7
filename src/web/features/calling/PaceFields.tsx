import type { UseFormReturnType } from '@mantine/form';
import { broadcastInputSchema } from '../../../contracts/calling.ts';
import type { BroadcastValues, PaceField } from './broadcast-form.ts';
import { NumberFields, type NumberField } from './NumberFields.tsx';

const fields: Array<NumberField<PaceField>> = [
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
  return (
    <NumberFields
      form={form}
      fields={fields}
      shape={broadcastInputSchema.shape}
      cols={{ base: 1, sm: 2, lg: 3 }}
    />
  );
}
