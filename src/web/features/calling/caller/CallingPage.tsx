import {
  Alert,
  Anchor,
  Button,
  Container,
  Group,
  Paper,
  Spoiler,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import type { CallerBank } from '../../../../contracts/phone-banks.ts';
import { useLocale, useT } from '../../../core/i18n/index.tsx';
import { PageLoader } from '../../../core/ui/PageLoader.tsx';
import { usePageTitle } from '../../../core/ui/usePageTitle.ts';
import { callingHoursText } from './calling-hours.ts';
import { callerErrorText } from './callerErrors.ts';
import { CallSession } from './CallSession.tsx';
import { useCallerBank } from './hooks.ts';
import { ShiftList } from './ShiftList.tsx';

/** My calls and conversations in this bank, and how many people wait for a call. */
function Counts({ bank }: { bank: CallerBank }) {
  const t = useT();
  return (
    <Paper withBorder p="sm" component="section" aria-label={t('caller.counts.label')}>
      <Text fw={600}>
        {t('caller.counts.mine', {
          calls: bank.mine.calls,
          conversations: bank.mine.conversations,
        })}
      </Text>
      <Text size="sm" c="dimmed">
        {t('caller.counts.due', { count: bank.due })}
      </Text>
    </Paper>
  );
}

/** Why nobody is to be called now, and the bank's hours. */
function Closed({ bank }: { bank: CallerBank }) {
  const t = useT();
  const [locale] = useLocale();
  const reason = bank.closedReason ?? 'not_open';
  return (
    <Alert color="orange" title={t('caller.closed.title')} role="status">
      <Stack gap={4}>
        <Text size="sm">{t(`caller.closed.${reason}`)}</Text>
        {reason === 'outside_hours' && (
          <Text size="sm">
            {t(bank.windows.closedOnPublicHolidays ? 'caller.hoursNoHolidays' : 'caller.hours', {
              hours: callingHoursText(bank.windows, locale),
            })}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}

/** The script, as the team wrote it: plain text, its line breaks kept. */
function Script({ script }: { script: string }) {
  const t = useT();
  if (!script.trim()) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="caller-script-title">
      <Title order={2} size="h4" id="caller-script-title" mb="xs">
        {t('caller.script.title')}
      </Title>
      <Spoiler
        maxHeight={200}
        showLabel={t('caller.script.more')}
        hideLabel={t('caller.script.less')}
      >
        <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{script}</Text>
      </Spoiler>
    </Paper>
  );
}

function BankScreen({ bank }: { bank: CallerBank }) {
  const t = useT();
  const [locale] = useLocale();
  return (
    <Stack gap="md">
      <Title order={1} style={{ overflowWrap: 'anywhere' }}>
        {bank.name}
      </Title>
      <Counts bank={bank} />
      {!bank.callingNow && <Closed bank={bank} />}
      <CallSession bank={bank} script={<Script script={bank.script} />} />
      {bank.callingNow && (
        <Text size="xs" c="dimmed">
          {t(bank.windows.closedOnPublicHolidays ? 'caller.hoursNoHolidays' : 'caller.hours', {
            hours: callingHoursText(bank.windows, locale),
          })}
        </Text>
      )}
      <ShiftList shifts={bank.shifts} />
    </Stack>
  );
}

/** The calling screen of one bank, for a volunteer on their phone. */
export function CallingPage() {
  const t = useT();
  const id = Number(useParams().id);
  const bank = useCallerBank(id);
  usePageTitle(bank.data ? bank.data.name : t('caller.list.title'));
  return (
    <Container size="sm" px={0}>
      <Stack gap="md">
        <Anchor component={Link} to="/calls" size="sm">
          <Group gap={4} component="span">
            <IconArrowLeft size={16} aria-hidden />
            {t('caller.back')}
          </Group>
        </Anchor>
        {bank.data ? (
          <BankScreen bank={bank.data} />
        ) : bank.error ? (
          <Alert color="red" role="alert" title={t('error.loadFailed')}>
            {callerErrorText(bank.error, t)}{' '}
            <Button size="xs" variant="subtle" onClick={() => void bank.refetch()}>
              {t('common.retry')}
            </Button>
          </Alert>
        ) : (
          <PageLoader />
        )}
      </Stack>
    </Container>
  );
}
