import { Box, Group, Text } from '@mantine/core';
import { useT } from '../../core/i18n/index.tsx';
import { rampGradient, type Ramp } from './colourRamps.ts';

/** A colour ramp's key: the gradient between the words for its two ends. */
export function RampLegend({
  ramp,
  title,
  low,
  high,
}: {
  ramp: Ramp;
  title: string;
  low: string;
  high: string;
}) {
  const t = useT();
  return (
    <Group gap="xs" wrap="nowrap" role="img" aria-label={t('field.legend', { title, low, high })}>
      <Text size="xs" fw={600}>
        {title}
      </Text>
      <Text size="xs">{low}</Text>
      <Box w={140} h={10} style={{ borderRadius: 5, background: rampGradient(ramp) }} />
      <Text size="xs">{high}</Text>
    </Group>
  );
}
