import { Anchor, Badge, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { MyPhoneBanks } from '../../../../contracts/phone-banks.ts';
import { useLocale, useT } from '../../../core/i18n/index.tsx';
import { QueryState } from '../../../core/ui/QueryState.tsx';
import { usePageTitle } from '../../../core/ui/usePageTitle.ts';
import { whenText } from '../../events/when.ts';
import { useMyPhoneBanks } from './hooks.ts';

function BankCard({ bank }: { bank: MyPhoneBanks[number] }) {
  const t = useT();
  const [locale] = useLocale();
  const shift = bank.nextShift;
  return (
    <Paper component="li" withBorder p="md" style={{ listStyle: 'none' }}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <Anchor
            component={Link}
            to={`/calls/${bank.id}`}
            fw={600}
            size="lg"
            style={{ minWidth: 0, overflowWrap: 'anywhere' }}
          >
            {bank.name}
          </Anchor>
          <Badge color={bank.callingNow ? 'green' : 'gray'} variant="light">
            {t(
              bank.callingNow
                ? 'caller.list.callingNow'
                : `caller.list.${bank.closedReason ?? 'not_open'}`,
            )}
          </Badge>
        </Group>
        <Text size="sm">{t('caller.counts.due', { count: bank.due })}</Text>
        {shift && (
          <Text size="sm">
            {t('caller.list.nextShift')}{' '}
            {/* The event's public page is drawn by the server: a plain link loads it. */}
            <Anchor href={`/events/${shift.eventId}`}>{whenText(shift, locale)}</Anchor>
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** "Call for the campaign": the phone banks this volunteer may call in. */
export function CallsPage() {
  const t = useT();
  usePageTitle(t('caller.list.title'));
  const banks = useMyPhoneBanks();
  return (
    <Container size="sm" px={0}>
      <Stack gap="md">
        <Title order={1}>{t('caller.list.title')}</Title>
        <Text>{t('caller.list.intro')}</Text>
        <QueryState query={banks}>
          {(list) =>
            list.length === 0 ? (
              <Text c="dimmed">{t('caller.list.empty')}</Text>
            ) : (
              <Stack component="ul" gap="sm" p={0} m={0} aria-label={t('caller.list.label')}>
                {list.map((bank) => (
                  <BankCard key={bank.id} bank={bank} />
                ))}
              </Stack>
            )
          }
        </QueryState>
        <Text size="sm" c="dimmed">
          {t('caller.list.privacy')}
        </Text>
      </Stack>
    </Container>
  );
}
