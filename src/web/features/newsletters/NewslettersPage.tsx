import { Anchor, Button, Group, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Newsletter } from '../../../contracts/newsletters.ts';
import { formatDateTime, formatNumber } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { ResponsiveTable } from '../../core/ui/ResponsiveTable.tsx';
import { useAudienceText, useNewsletters } from './hooks.ts';
import { sendDate } from './labels.ts';
import { NewslettersLayout } from './NewslettersLayout.tsx';
import { NewsletterStatusBadge } from './NewsletterStatusBadge.tsx';

function AudienceCell({ newsletter }: { newsletter: Newsletter }) {
  return <>{useAudienceText(newsletter.segmentId)}</>;
}

/** Sent of recipients, once the send has started (the audience is counted then). */
function SentCell({ newsletter }: { newsletter: Newsletter }) {
  const t = useT();
  const [locale] = useLocale();
  if (newsletter.startedAt === null) return <>—</>;
  return (
    <>
      {t('newsletters.list.sentValue', {
        sent: formatNumber(newsletter.counts.sent, locale),
        recipients: formatNumber(newsletter.counts.recipients, locale),
      })}
    </>
  );
}

/** The campaign's newsletters: their state, audience, date and sends; a new one. */
export function NewslettersPage() {
  const t = useT();
  const [locale] = useLocale();
  const newsletters = useNewsletters();
  return (
    <NewslettersLayout
      title={t('newsletters.list.title')}
      intro={t('newsletters.list.intro')}
      actions={
        <Group>
          <Button component={Link} to="/hq/newsletters/automations" variant="default">
            {t('newsletters.automations.open')}
          </Button>
          <Button
            component={Link}
            to="/hq/newsletters/new"
            leftSection={<IconPlus size={18} aria-hidden />}
          >
            {t('newsletters.list.new')}
          </Button>
        </Group>
      }
    >
      <QueryState query={newsletters}>
        {(items) =>
          items.length === 0 ? (
            <Text size="sm">{t('newsletters.list.empty')}</Text>
          ) : (
            <ResponsiveTable
              label={t('newsletters.list.title')}
              items={items}
              rowKey={(newsletter) => newsletter.id}
              columns={[
                {
                  header: t('newsletters.list.name'),
                  title: true,
                  cell: (newsletter) => (
                    <Anchor component={Link} to={`/hq/newsletters/${newsletter.id}`}>
                      {newsletter.name}
                    </Anchor>
                  ),
                },
                {
                  header: t('newsletters.list.status'),
                  cell: (newsletter) => <NewsletterStatusBadge status={newsletter.status} />,
                },
                {
                  header: t('newsletters.list.audience'),
                  cell: (newsletter) => <AudienceCell newsletter={newsletter} />,
                },
                {
                  header: t('newsletters.list.date'),
                  cell: (newsletter) => formatDateTime(sendDate(newsletter), locale) || '—',
                },
                {
                  header: t('newsletters.list.sent'),
                  numeric: true,
                  nowrap: true,
                  cell: (newsletter) => <SentCell newsletter={newsletter} />,
                },
              ]}
            />
          )
        }
      </QueryState>
    </NewslettersLayout>
  );
}
