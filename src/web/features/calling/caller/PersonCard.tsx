import { Badge, Button, Group, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { IconPhoneCall } from '@tabler/icons-react';
import type { PhoneBankClaim } from '../../../../contracts/phone-banks.ts';
import { formatDateTime, fullName } from '../../../core/format.ts';
import { useLocale, useT } from '../../../core/i18n/index.tsx';
import { useNow } from '../../../core/ui/useNow.ts';
import { countdown, secondsLeft } from './call-back.ts';
import { telHref } from './tel-link.ts';

/** The time left on the claim; once over, someone else may be given the person. */
function ClaimTime({ until }: { until: string }) {
  const t = useT();
  const left = secondsLeft(until, useNow(1000));
  if (left === 0) {
    return (
      <Text size="sm" c="orange.8" fw={500} role="status">
        {t('caller.timeUp')}
      </Text>
    );
  }
  return (
    <Text size="sm" c="dimmed">
      {t('caller.timeLeft', { time: countdown(left) })}
    </Text>
  );
}

/**
 * The person to call: who, where, their number as people read it, and the call button that
 * opens the volunteer's phone (their number hidden with #31# unless they choose to show it).
 */
export function PersonCard({
  claim,
  hideNumber,
  onHideNumber,
}: {
  claim: PhoneBankClaim;
  hideNumber: boolean;
  onHideNumber: (hide: boolean) => void;
}) {
  const t = useT();
  const [locale] = useLocale();
  const name = fullName(claim.firstName, claim.lastName) || t('caller.person.noName');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="caller-person-name">
      <Stack gap="sm">
        <div>
          <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
            {t('caller.person.title')}
          </Text>
          <Title order={2} size="h3" id="caller-person-name" style={{ overflowWrap: 'anywhere' }}>
            {name}
          </Title>
          {claim.communeName && <Text>{claim.communeName}</Text>}
        </div>
        {(claim.attempts > 0 || claim.callBackAt) && (
          <Group gap="xs">
            {claim.callBackAt && (
              <Badge color="blue" variant="light" style={{ textTransform: 'none' }}>
                {t('caller.person.callBack', { when: formatDateTime(claim.callBackAt, locale) })}
              </Badge>
            )}
            {claim.attempts > 0 && (
              <Badge color="gray" variant="light" style={{ textTransform: 'none' }}>
                {claim.lastOutcome
                  ? t('caller.person.attemptsLast', {
                      count: claim.attempts,
                      outcome: t(`caller.outcome.${claim.lastOutcome}`),
                    })
                  : t('caller.person.attempts', { count: claim.attempts })}
              </Badge>
            )}
          </Group>
        )}
        <Button
          component="a"
          href={telHref(claim.phone, hideNumber)}
          size="xl"
          fullWidth
          color="green"
          leftSection={<IconPhoneCall size={24} aria-hidden />}
          aria-label={t('caller.call', { number: claim.phoneDisplay })}
        >
          <span style={{ whiteSpace: 'nowrap' }}>{claim.phoneDisplay}</span>
        </Button>
        <Switch
          checked={hideNumber}
          onChange={(event) => onHideNumber(event.currentTarget.checked)}
          label={t('caller.hideNumber')}
          description={t('caller.hideNumberHelp')}
        />
        <ClaimTime until={claim.claimedUntil} />
      </Stack>
    </Paper>
  );
}
