import { Anchor, Badge, Text } from '@mantine/core';
import { useState } from 'react';
import type { CommentStatus, PersonComment } from '../../../contracts/comments.ts';
import { formatDateTime } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { ResponsiveTable } from '../../core/ui/ResponsiveTable.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { ServerPagination } from '../../core/ui/ServerPagination.tsx';
import { usePersonComments } from './hooks.ts';

const statusColor: Record<CommentStatus, string> = {
  visible: 'green',
  held: 'orange',
  hidden: 'red',
  deleted: 'gray',
  withdrawn: 'gray',
};

/**
 * A person's comments on the person page at HQ: the article, when, a comment or a reply, its
 * state and a link to it on the public page; never the text.
 */
export function PersonCommentsSection({ personId }: { personId: number }) {
  const t = useT();
  const [locale] = useLocale();
  const [page, setPage] = useState(1);
  const comments = usePersonComments(personId, page);
  const title = (comment: PersonComment) =>
    comment.itemTitle ?? t('comments.person.itemGone', { id: comment.itemId });
  return (
    <Section title={t('comments.person.title')} description={t('comments.person.intro')}>
      <QueryState query={comments}>
        {(data) =>
          data.total === 0 ? (
            <Text size="sm">{t('comments.person.empty')}</Text>
          ) : (
            <>
              <ResponsiveTable
                items={data.items}
                label={t('comments.person.title')}
                rowKey={(comment) => comment.id}
                minWidth={520}
                columns={[
                  { header: t('comments.person.item'), title: true, cell: title },
                  {
                    header: t('comments.person.at'),
                    cell: (comment) => (
                      <>
                        <Text size="sm" component="span">
                          {formatDateTime(comment.at, locale)}
                        </Text>
                        {comment.editedAt && (
                          <Text size="xs" c="dimmed">
                            {t('comments.person.edited', {
                              date: formatDateTime(comment.editedAt, locale),
                            })}
                          </Text>
                        )}
                      </>
                    ),
                  },
                  {
                    header: t('comments.person.kind'),
                    cell: (comment) =>
                      t(
                        comment.reply
                          ? 'comments.person.kind.reply'
                          : 'comments.person.kind.comment',
                      ),
                  },
                  {
                    header: t('comments.person.status'),
                    cell: (comment) => (
                      <Badge color={statusColor[comment.status]} variant="light">
                        {t(`comments.status.${comment.status}`)}
                      </Badge>
                    ),
                  },
                  {
                    header: t('common.actions'),
                    cell: (comment) =>
                      comment.url && (
                        <Anchor
                          href={comment.url}
                          size="sm"
                          aria-label={t('comments.person.openNamed', { title: title(comment) })}
                        >
                          {t('comments.person.open')}
                        </Anchor>
                      ),
                  },
                ]}
              />
              <ServerPagination
                page={data.page}
                total={data.total}
                pageSize={data.pageSize}
                onChange={setPage}
              />
            </>
          )
        }
      </QueryState>
    </Section>
  );
}
