import { Anchor, NativeSelect, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ranks, rankSchema } from '../../../contracts/access.ts';
import { COMMITTEE_MEMBERS_PAGE } from '../../../contracts/committees.ts';
import { errorText } from '../../core/errors.ts';
import { formatDate, formatPhone, fullName } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { ResponsiveTable } from '../../core/ui/ResponsiveTable.tsx';
import { pageFromSearch, ServerPagination } from '../../core/ui/ServerPagination.tsx';
import { RankBadge } from './badges.tsx';
import { useCommitteeMembers, useSetRank } from './hooks.ts';

function NotShared() {
  const t = useT();
  return (
    <Text component="span" size="sm" c="dimmed">
      {t('committees.members.notShared')}
    </Text>
  );
}

/**
 * A committee's members for its managers, a page at a time (`?page=`); its organisers change
 * ranks here. Contact details show only for those who share them.
 */
export function CommitteeMembers({
  committeeId,
  name,
  organises,
}: {
  committeeId: number;
  name: string;
  organises: boolean;
}) {
  const t = useT();
  const [locale] = useLocale();
  const [search, setSearch] = useSearchParams();
  const page = pageFromSearch(search);
  const members = useCommitteeMembers(committeeId, page);
  const setRank = useSetRank(committeeId);
  const [rankError, setRankError] = useState<string | null>(null);
  const nameOf = (member: { firstName: string | null; lastName: string | null }) =>
    fullName(member.firstName, member.lastName) || t('committees.members.unnamed');

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('committees.members.hint')}
      </Text>
      <ErrorAlert message={rankError} />
      <QueryState query={members}>
        {({ items, total }) =>
          items.length === 0 ? (
            <Text size="sm">{t('committees.members.empty')}</Text>
          ) : (
            <Stack gap="sm">
              <ResponsiveTable
                items={items}
                label={t('committees.members.label', { name })}
                rowKey={(member) => member.personId}
                columns={[
                  {
                    header: t('committees.members.name'),
                    title: true,
                    cell: (member) => nameOf(member),
                  },
                  {
                    header: t('committees.members.rank'),
                    cell: (member) =>
                      organises ? (
                        <NativeSelect
                          size="xs"
                          aria-label={t('committees.members.rankOf', { name: nameOf(member) })}
                          value={member.rank}
                          disabled={setRank.isPending}
                          data={ranks.map((rank) => ({
                            value: rank,
                            label: t(`committees.rank.${rank}`),
                          }))}
                          onChange={(event) => {
                            const rank = rankSchema.parse(event.currentTarget.value);
                            setRankError(null);
                            setRank.mutate(
                              { personId: member.personId, rank },
                              {
                                onSuccess: () =>
                                  notifications.show({
                                    color: 'green',
                                    message: t('committees.members.rankChanged', {
                                      name: nameOf(member),
                                      rank: t(`committees.rank.${rank}`),
                                    }),
                                  }),
                                onError: (error) => setRankError(errorText(error, t)),
                              },
                            );
                          }}
                        />
                      ) : (
                        <RankBadge rank={member.rank} />
                      ),
                  },
                  {
                    header: t('committees.members.commune'),
                    cell: (member) => member.communeName ?? '',
                  },
                  {
                    header: t('committees.members.email'),
                    cell: (member) =>
                      member.email ? (
                        <Anchor href={`mailto:${member.email}`} size="sm">
                          {member.email}
                        </Anchor>
                      ) : (
                        <NotShared />
                      ),
                  },
                  {
                    header: t('committees.members.phone'),
                    nowrap: true,
                    cell: (member) =>
                      member.phone ? (
                        <Anchor href={`tel:${member.phone}`} size="sm">
                          {formatPhone(member.phone)}
                        </Anchor>
                      ) : (
                        <NotShared />
                      ),
                  },
                  {
                    header: t('committees.members.joined'),
                    nowrap: true,
                    cell: (member) => formatDate(member.joinedAt, locale),
                  },
                ]}
              />
              <ServerPagination
                page={page}
                total={total}
                pageSize={COMMITTEE_MEMBERS_PAGE}
                onChange={(next) =>
                  setSearch((current) => {
                    const params = new URLSearchParams(current);
                    params.set('page', String(next));
                    return params;
                  })
                }
              />
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}
