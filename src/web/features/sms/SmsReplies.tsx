import { Anchor, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { SmsReply } from '../../../contracts/sms.ts';
import { formatDateTime, formatPhone } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { ResponsiveTable } from '../../core/ui/ResponsiveTable.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { ServerPagination } from '../../core/ui/ServerPagination.tsx';
import { useSmsReplies } from './hooks.ts';

/** The server's page of answers (inbound.ts, REPLIES_PAGE). */
const PAGE_SIZE = 50;

/** Who sent it: the people with that mobile number, linked to their page. */
function Senders({ reply }: { reply: SmsReply }) {
  const t = useT();
  if (reply.people.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('sms.replies.unknown')}
      </Text>
    );
  }
  return (
    <Stack gap={0}>
      {reply.people.map((person) => (
        <Anchor key={person.id} component={Link} to={`/hq/people/${person.id}`} size="sm">
          {person.name || t('people.noName')}
        </Anchor>
      ))}
    </Stack>
  );
}

/**
 * Texts received that are not a STOP, newest first: the inbox of the text campaigns (all of
 * them), or, given `smsCampaignId`, the answers to one campaign.
 */
export function SmsReplies({ smsCampaignId }: { smsCampaignId?: number }) {
  const t = useT();
  const [locale] = useLocale();
  const [page, setPage] = useState(1);
  const replies = useSmsReplies(page, smsCampaignId);
  return (
    <Section
      title={t('sms.replies.title')}
      description={t(
        smsCampaignId === undefined ? 'sms.replies.intro' : 'sms.replies.campaignIntro',
      )}
    >
      <QueryState query={replies}>
        {({ items, total }) =>
          items.length === 0 ? (
            <Text size="sm">{t('sms.replies.empty')}</Text>
          ) : (
            <Stack gap="xs">
              <ResponsiveTable
                label={t('sms.replies.title')}
                items={items}
                rowKey={(reply) => reply.id}
                columns={[
                  {
                    header: t('sms.replies.person'),
                    cell: (reply) => <Senders reply={reply} />,
                  },
                  {
                    header: t('sms.replies.from'),
                    nowrap: true,
                    cell: (reply) => formatPhone(reply.from),
                  },
                  {
                    header: t('sms.replies.body'),
                    title: true,
                    cell: (reply) => (
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                        {reply.body}
                      </Text>
                    ),
                  },
                  ...(smsCampaignId === undefined
                    ? [
                        {
                          header: t('sms.replies.campaign'),
                          cell: (reply: SmsReply) =>
                            reply.smsCampaign ? (
                              <Anchor
                                component={Link}
                                to={`/hq/sms/${reply.smsCampaign.id}`}
                                size="sm"
                              >
                                {reply.smsCampaign.name}
                              </Anchor>
                            ) : (
                              '—'
                            ),
                        },
                      ]
                    : []),
                  {
                    header: t('sms.replies.at'),
                    nowrap: true,
                    cell: (reply) => formatDateTime(reply.receivedAt, locale),
                  },
                ]}
              />
              <ServerPagination page={page} total={total} pageSize={PAGE_SIZE} onChange={setPage} />
            </Stack>
          )
        }
      </QueryState>
    </Section>
  );
}
