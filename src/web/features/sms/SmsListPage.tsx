import { Anchor, Badge, Button, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { SmsCampaign } from '../../../contracts/sms.ts';
import { formatDateTime, formatNumber, formatPhone } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { ResponsiveTable } from '../../core/ui/ResponsiveTable.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { SectionLayout } from '../../core/ui/SectionLayout.tsx';
import { useCaughtSms, useSmsCampaigns } from './hooks.ts';
import { SmsReplies } from './SmsReplies.tsx';

const statusColor: Record<SmsCampaign['status'], string> = {
  draft: 'gray',
  scheduled: 'blue',
  sending: 'orange',
  sent: 'green',
  canceled: 'red',
};

export function SmsStatusBadge({ status }: { status: SmsCampaign['status'] }) {
  const t = useT();
  return (
    <Badge color={statusColor[status]} variant="light">
      {t(`sms.status.${status}`)}
    </Badge>
  );
}

/** Texts the development adapter kept, as they would be received (STOP mention included). */
export function CaughtSms() {
  const t = useT();
  const [locale] = useLocale();
  const caught = useCaughtSms();
  return (
    <Section title={t('sms.caught.title')} description={t('sms.caught.intro')}>
      <QueryState query={caught}>
        {({ items }) =>
          items.length === 0 ? (
            <Text size="sm">{t('sms.caught.empty')}</Text>
          ) : (
            <ResponsiveTable
              label={t('sms.caught.title')}
              items={items}
              rowKey={(sms) => sms.id}
              columns={[
                { header: t('sms.caught.to'), nowrap: true, cell: (sms) => formatPhone(sms.to) },
                { header: t('sms.caught.sender'), cell: (sms) => sms.sender },
                {
                  header: t('sms.caught.body'),
                  title: true,
                  cell: (sms) => (
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {sms.body}
                    </Text>
                  ),
                },
                {
                  header: t('sms.caught.at'),
                  nowrap: true,
                  cell: (sms) => formatDateTime(sms.at, locale),
                },
              ]}
            />
          )
        }
      </QueryState>
    </Section>
  );
}

/**
 * The campaign's text campaigns: state and sends; a new one; the answers received; the texts
 * kept in development.
 */
export function SmsListPage() {
  const t = useT();
  const [locale] = useLocale();
  const campaigns = useSmsCampaigns();
  return (
    <SectionLayout
      section="sms.nav"
      title={t('sms.list.title')}
      intro={t('sms.list.intro')}
      actions={
        <Button component={Link} to="/hq/sms/new" leftSection={<IconPlus size={18} aria-hidden />}>
          {t('sms.list.new')}
        </Button>
      }
    >
      <Stack gap="md">
        <QueryState query={campaigns}>
          {(items) =>
            items.length === 0 ? (
              <Text size="sm">{t('sms.list.empty')}</Text>
            ) : (
              <ResponsiveTable
                label={t('sms.list.title')}
                items={items}
                rowKey={(campaign) => campaign.id}
                columns={[
                  {
                    header: t('sms.list.name'),
                    title: true,
                    cell: (campaign) => (
                      <Anchor component={Link} to={`/hq/sms/${campaign.id}`}>
                        {campaign.name}
                      </Anchor>
                    ),
                  },
                  {
                    header: t('sms.list.status'),
                    cell: (campaign) => <SmsStatusBadge status={campaign.status} />,
                  },
                  {
                    header: t('sms.list.sent'),
                    numeric: true,
                    nowrap: true,
                    cell: (campaign) =>
                      campaign.startedAt === null
                        ? '—'
                        : t('sms.list.sentValue', {
                            sent: formatNumber(campaign.counts.sent, locale),
                            recipients: formatNumber(campaign.counts.recipients, locale),
                          }),
                  },
                ]}
              />
            )
          }
        </QueryState>
        <SmsReplies />
        <CaughtSms />
      </Stack>
    </SectionLayout>
  );
}
