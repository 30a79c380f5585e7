import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { CallerBank } from '../../../../contracts/phone-banks.ts';
import { useLocale, useT } from '../../../core/i18n/index.tsx';
import { whenText } from '../../events/when.ts';

type Shift = CallerBank['shifts'][number];

/** Where a shift stands for this volunteer: going, or how many places are left. */
function ShiftBadge({ shift }: { shift: Shift }) {
  const t = useT();
  if (shift.mine) {
    return (
      <Badge color="teal" variant="light">
        {t('caller.shifts.mine')}
      </Badge>
    );
  }
  if (shift.open === null) return null;
  return (
    <Badge color={shift.open === 0 ? 'orange' : 'gray'} variant="light">
      {shift.open === 0 ? t('caller.shifts.full') : t('caller.shifts.open', { count: shift.open })}
    </Badge>
  );
}

/**
 * The bank's shifts, calls made together at set times: each is an event, answered on its
 * public page (drawn by the server: a plain link loads it).
 */
export function ShiftList({ shifts }: { shifts: readonly Shift[] }) {
  const t = useT();
  const [locale] = useLocale();
  if (shifts.length === 0) return null;
  return (
    <Stack component="section" gap="xs" aria-labelledby="caller-shifts-title">
      <Title order={2} size="h4" id="caller-shifts-title">
        {t('caller.shifts.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('caller.shifts.intro')}
      </Text>
      <Stack component="ul" gap="xs" p={0} m={0}>
        {shifts.map((shift) => (
          <Paper key={shift.eventId} component="li" withBorder p="sm" style={{ listStyle: 'none' }}>
            <Group justify="space-between" align="flex-start" gap="xs">
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Anchor href={`/events/${shift.eventId}`} fw={600}>
                  {whenText(shift, locale)}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {shift.title}
                </Text>
              </Stack>
              <ShiftBadge shift={shift} />
            </Group>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}
