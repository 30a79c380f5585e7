import {
  ActionIcon,
  Anchor,
  Badge,
  Box,
  Button,
  CloseButton,
  FileButton,
  Group,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Typography,
} from '@mantine/core';
import {
  IconFileDownload,
  IconLink,
  IconMessageCircle,
  IconPaperclip,
  IconPin,
  IconPlus,
  IconTrash,
} from '@tabler/icons-react';
import { useState } from 'react';
import { committeeBoardApi } from '../../../contracts/committee-board-api.ts';
import {
  COMMENT_MAX,
  DOCUMENT_MAX_BYTES,
  POST_DOCUMENTS_MAX,
  POST_LINKS_MAX,
  POST_MAX,
  postInputSchema,
  type BoardComment,
  type BoardDocument,
  type BoardPost,
} from '../../../contracts/committee-board.ts';
import { urlOf } from '../../core/api.ts';
import { errorText, translateCode } from '../../core/errors.ts';
import { formatDateTime, formatNumber } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { AppModal } from '../../core/ui/AppModal.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { ModalFooter } from '../../core/ui/ModalFooter.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { Section } from '../../core/ui/Section.tsx';
import {
  useBoard,
  useCommentActions,
  useComments,
  useCreatePost,
  useDeletePost,
  usePinPost,
  useUploadDocument,
} from './boardHooks.ts';

/** Sizes as people read them: kilobytes up to a megabyte, then megabytes. */
function useSize() {
  const [locale] = useLocale();
  return (bytes: number) =>
    bytes < 1024 * 1024
      ? `${formatNumber(Math.max(1, Math.round(bytes / 1024)), locale)} ko`
      : `${formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10, locale)} Mo`;
}

/** The member's form: text, links and documents (each uploaded as soon as it is chosen). */
function PostForm({ committeeId }: { committeeId: number }) {
  const t = useT();
  const size = useSize();
  const create = useCreatePost(committeeId);
  const upload = useUploadDocument(committeeId);
  const [body, setBody] = useState('');
  const [links, setLinks] = useState<string[]>([]);
  const [documents, setDocuments] = useState<BoardDocument[]>([]);
  const [errors, setErrors] = useState<{ body?: string; links?: string; file?: string }>({});
  const [formError, setFormError] = useState<string | null>(null);

  const choose = (file: File | null) => {
    if (!file) return;
    setErrors((e) => ({ ...e, file: undefined }));
    if (file.size > DOCUMENT_MAX_BYTES) {
      setErrors((e) => ({ ...e, file: t('committees.board.error.document_too_large') }));
      return;
    }
    upload.mutate(file, {
      onSuccess: (document) => setDocuments((list) => [...list, document]),
      onError: (error) => setErrors((e) => ({ ...e, file: errorText(error, t) })),
    });
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const input = {
      body,
      links: links.map((link) => link.trim()).filter(Boolean),
      documentIds: documents.map((d) => d.id),
    };
    const parsed = postInputSchema.safeParse(input);
    if (!parsed.success) {
      const found: typeof errors = {};
      for (const issue of parsed.error.issues) {
        const field =
          issue.path[0] === 'links' ? 'links' : issue.path[0] === 'body' ? 'body' : null;
        if (field) found[field] ??= translateCode(issue.message, t);
      }
      setErrors(found);
      return;
    }
    setErrors({});
    create.mutate(input, {
      onSuccess: () => {
        setBody('');
        setLinks([]);
        setDocuments([]);
      },
      onError: (error) => setFormError(errorText(error, t)),
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('committees.board.form')}>
      <Stack gap="sm">
        <Textarea
          label={t('committees.board.body')}
          description={t('committees.board.bodyHint')}
          required
          autosize
          minRows={3}
          maxRows={14}
          maxLength={POST_MAX}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={errors.body}
        />
        {links.map((link, index) => (
          <Group key={index} gap="xs" wrap="nowrap" align="flex-end">
            <TextInput
              style={{ flex: 1 }}
              type="url"
              inputMode="url"
              label={t('committees.board.link', { number: index + 1 })}
              placeholder="https://"
              value={link}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setLinks((list) => list.map((l, i) => (i === index ? value : l)));
              }}
              error={errors.links && index === links.length - 1 ? errors.links : undefined}
            />
            <CloseButton
              mb={4}
              aria-label={t('committees.board.removeLink', { number: index + 1 })}
              onClick={() => setLinks((list) => list.filter((_, i) => i !== index))}
            />
          </Group>
        ))}
        {documents.length > 0 && (
          <Stack gap={4} component="ul" p={0} m={0} aria-label={t('committees.board.attached')}>
            {documents.map((document) => (
              <Group key={document.id} component="li" gap="xs" wrap="nowrap">
                <IconPaperclip size={16} aria-hidden />
                <Text size="sm" style={{ overflowWrap: 'anywhere', flex: 1 }}>
                  {document.name} ({size(document.size)})
                </Text>
                <CloseButton
                  aria-label={t('committees.board.removeDocument', { name: document.name })}
                  onClick={() => setDocuments((list) => list.filter((d) => d.id !== document.id))}
                />
              </Group>
            ))}
          </Stack>
        )}
        <ErrorAlert message={errors.file} />
        <Group gap="xs">
          <Button
            variant="default"
            size="xs"
            leftSection={<IconLink size={16} />}
            disabled={links.length >= POST_LINKS_MAX}
            onClick={() => setLinks((list) => [...list, ''])}
          >
            {t('committees.board.addLink')}
          </Button>
          <FileButton
            onChange={choose}
            accept=".pdf,.jpg,.jpeg,.png,.gif,.webp,.docx,.xlsx,.pptx,.odt,.ods,.odp,.txt,.csv"
          >
            {(props) => (
              <Button
                {...props}
                variant="default"
                size="xs"
                leftSection={<IconPaperclip size={16} />}
                loading={upload.isPending}
                disabled={documents.length >= POST_DOCUMENTS_MAX}
              >
                {t('committees.board.addDocument')}
              </Button>
            )}
          </FileButton>
        </Group>
        <Text size="xs" c="dimmed">
          {t('committees.board.documentHint')}
        </Text>
        <ErrorAlert message={formError} />
        <Group>
          <Button type="submit" loading={create.isPending} disabled={upload.isPending}>
            {t('committees.board.publish')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ConfirmDelete({
  opened,
  onClose,
  title,
  loading,
  error,
  onConfirm,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  loading: boolean;
  error: string | null;
  onConfirm: () => void;
}) {
  const t = useT();
  return (
    <AppModal opened={opened} onClose={onClose} title={title}>
      <Stack gap="md">
        <Text size="sm">{t('committees.board.deleteText')}</Text>
        <ModalFooter
          error={error}
          onCancel={onClose}
          confirmLabel={t('committees.board.delete')}
          color="red"
          loading={loading}
          onConfirm={onConfirm}
        />
      </Stack>
    </AppModal>
  );
}

const reportHref = (kind: 'committee_post' | 'committee_comment', id: number) =>
  `/report?kind=${kind}&id=${id}`;

function RichText({ html }: { html: string }) {
  return (
    <Typography fz="sm" style={{ overflowWrap: 'anywhere' }}>
      {/* Drawn from Markdown and cleaned with an allow-list on the server. */}
      <Box dangerouslySetInnerHTML={{ __html: html }} />
    </Typography>
  );
}

function CommentItem({
  committeeId,
  postId,
  comment,
}: {
  committeeId: number;
  postId: number;
  comment: BoardComment;
}) {
  const t = useT();
  const [locale] = useLocale();
  const actions = useCommentActions(committeeId, postId);
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <Box component="li" style={{ listStyle: 'none' }} id={`comment-${comment.id}`}>
      <Stack gap={2}>
        <Text size="xs" c="dimmed">
          {[
            comment.author ?? t('committees.board.erasedAuthor'),
            formatDateTime(comment.at, locale),
            comment.editedAt && t('committees.board.edited'),
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {editing === null ? (
          <RichText html={comment.bodyHtml} />
        ) : (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              setError(null);
              actions.edit.mutate(
                { commentId: comment.id, body: editing },
                {
                  onSuccess: () => setEditing(null),
                  onError: (failure) => setError(errorText(failure, t)),
                },
              );
            }}
          >
            <Stack gap="xs">
              <Textarea
                label={t('committees.board.editComment')}
                autosize
                minRows={2}
                maxLength={COMMENT_MAX}
                value={editing}
                onChange={(e) => setEditing(e.currentTarget.value)}
              />
              <ErrorAlert message={error} />
              <Group gap="xs">
                <Button type="submit" size="xs" loading={actions.edit.isPending}>
                  {t('committees.board.save')}
                </Button>
                <Button size="xs" variant="default" onClick={() => setEditing(null)}>
                  {t('common.cancel')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        {editing === null && (
          <Group gap="sm">
            {comment.may.edit && (
              <Anchor
                component="button"
                type="button"
                size="xs"
                onClick={() => setEditing(comment.body)}
              >
                {t('committees.board.edit')}
              </Anchor>
            )}
            {comment.may.delete && (
              <Anchor
                component="button"
                type="button"
                size="xs"
                c="red"
                onClick={() => setDeleting(true)}
              >
                {t('committees.board.delete')}
              </Anchor>
            )}
            {!comment.mine && (
              <Anchor href={reportHref('committee_comment', comment.id)} size="xs" c="dimmed">
                {t('committees.board.report')}
              </Anchor>
            )}
          </Group>
        )}
      </Stack>
      <ConfirmDelete
        opened={deleting}
        onClose={() => setDeleting(false)}
        title={t('committees.board.deleteComment')}
        loading={actions.remove.isPending}
        error={error}
        onConfirm={() =>
          actions.remove.mutate(comment.id, {
            onSuccess: () => setDeleting(false),
            onError: (failure) => setError(errorText(failure, t)),
          })
        }
      />
    </Box>
  );
}

function Comments({ committeeId, postId }: { committeeId: number; postId: number }) {
  const t = useT();
  const comments = useComments(committeeId, postId, true);
  const { add } = useCommentActions(committeeId, postId);
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Stack gap="sm" pl="sm" style={{ borderLeft: '3px solid var(--mantine-color-gray-3)' }}>
      <QueryState query={comments}>
        {(list) =>
          list.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('committees.board.noComments')}
            </Text>
          ) : (
            <Stack gap="sm" component="ul" p={0} m={0}>
              {list.map((comment) => (
                <CommentItem
                  key={comment.id}
                  committeeId={committeeId}
                  postId={postId}
                  comment={comment}
                />
              ))}
            </Stack>
          )
        }
      </QueryState>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setError(null);
          if (!body.trim()) {
            setError(t('error.required'));
            return;
          }
          add.mutate(body, {
            onSuccess: () => setBody(''),
            onError: (failure) => setError(errorText(failure, t)),
          });
        }}
      >
        <Stack gap="xs">
          <Textarea
            label={t('committees.board.comment')}
            autosize
            minRows={2}
            maxLength={COMMENT_MAX}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            error={error}
          />
          <Group>
            <Button type="submit" size="xs" loading={add.isPending}>
              {t('committees.board.sendComment')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

function PostItem({
  committeeId,
  post,
  mayPin,
}: {
  committeeId: number;
  post: BoardPost;
  mayPin: boolean;
}) {
  const t = useT();
  const [locale] = useLocale();
  const size = useSize();
  const pin = usePinPost(committeeId);
  const remove = useDeletePost(committeeId);
  const [open, setOpen] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <Paper component="li" withBorder p="sm" id={`post-${post.id}`} style={{ listStyle: 'none' }}>
      <Stack gap="xs">
        <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
          <Text size="xs" c="dimmed">
            {[
              post.author ?? t('committees.board.erasedAuthor'),
              formatDateTime(post.at, locale),
            ].join(' · ')}
          </Text>
          {post.pinned && (
            <Badge size="sm" variant="light" leftSection={<IconPin size={12} />}>
              {t('committees.board.pinned')}
            </Badge>
          )}
        </Group>
        {post.erased ? (
          <Text size="sm" fs="italic" c="dimmed">
            {t('committees.board.erased')}
          </Text>
        ) : (
          <RichText html={post.bodyHtml} />
        )}
        {post.links.length > 0 && (
          <Stack gap={4} component="ul" p={0} m={0} aria-label={t('committees.board.links')}>
            {post.links.map((link) => (
              <Group key={link.url} component="li" gap={6} wrap="nowrap">
                <IconLink size={16} aria-hidden />
                <Anchor
                  href={link.url}
                  target="_blank"
                  rel="noopener noreferrer nofollow ugc"
                  size="sm"
                  style={{ overflowWrap: 'anywhere' }}
                >
                  <strong>{link.host}</strong>
                  <Text span size="xs" c="dimmed">
                    {' '}
                    {link.url}
                  </Text>
                </Anchor>
              </Group>
            ))}
          </Stack>
        )}
        {post.documents.length > 0 && (
          <Stack gap={4} component="ul" p={0} m={0} aria-label={t('committees.board.documents')}>
            {post.documents.map((document) => (
              <Group key={document.id} component="li" gap={6} wrap="nowrap">
                <IconFileDownload size={16} aria-hidden />
                <Anchor
                  href={urlOf(committeeBoardApi.download, {
                    params: { committeeId, documentId: document.id },
                  })}
                  download={document.name}
                  size="sm"
                  style={{ overflowWrap: 'anywhere' }}
                >
                  {document.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {size(document.size)}
                </Text>
              </Group>
            ))}
          </Stack>
        )}
        <Group gap="xs">
          <Button
            size="compact-sm"
            variant="subtle"
            leftSection={<IconMessageCircle size={16} />}
            aria-expanded={open}
            onClick={() => setOpen((o) => !o)}
          >
            {post.comments === 0
              ? t('committees.board.commentFirst')
              : t('committees.board.comments', { count: post.comments })}
          </Button>
          {mayPin && (
            <Button
              size="compact-sm"
              variant="subtle"
              leftSection={<IconPin size={16} />}
              loading={pin.isPending}
              onClick={() => pin.mutate({ postId: post.id, pinned: !post.pinned })}
            >
              {t(post.pinned ? 'committees.board.unpin' : 'committees.board.pin')}
            </Button>
          )}
          {post.may.delete && (
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('committees.board.deletePost')}
              onClick={() => setDeleting(true)}
            >
              <IconTrash size={16} />
            </ActionIcon>
          )}
          {!post.mine && !post.erased && (
            <Anchor href={reportHref('committee_post', post.id)} size="xs" c="dimmed">
              {t('committees.board.report')}
            </Anchor>
          )}
        </Group>
        {open && <Comments committeeId={committeeId} postId={post.id} />}
      </Stack>
      <ConfirmDelete
        opened={deleting}
        onClose={() => setDeleting(false)}
        title={t('committees.board.deletePost')}
        loading={remove.isPending}
        error={error}
        onConfirm={() =>
          remove.mutate(post.id, {
            onSuccess: () => setDeleting(false),
            onError: (failure) => setError(errorText(failure, t)),
          })
        }
      />
    </Paper>
  );
}

/** The committee's board, for its members: post, read, comment; managers pin and delete. */
export function CommitteeBoard({ committeeId }: { committeeId: number }) {
  const t = useT();
  const board = useBoard(committeeId);
  return (
    <Section
      title={t('committees.board.title')}
      description={t('committees.board.intro')}
      anchor="board"
    >
      <PostForm committeeId={committeeId} />
      <QueryState query={board}>
        {(data) => {
          const posts = data.pages.flatMap((page) => page.items);
          const mayPin = data.pages[0]?.mayPin ?? false;
          if (posts.length === 0) return <Text size="sm">{t('committees.board.empty')}</Text>;
          return (
            <Stack gap="sm">
              <Stack gap="sm" component="ul" p={0} m={0} aria-label={t('committees.board.posts')}>
                {posts.map((post) => (
                  <PostItem key={post.id} committeeId={committeeId} post={post} mayPin={mayPin} />
                ))}
              </Stack>
              {board.hasNextPage && (
                <Group>
                  <Button
                    variant="default"
                    leftSection={<IconPlus size={16} />}
                    loading={board.isFetchingNextPage}
                    onClick={() => void board.fetchNextPage()}
                  >
                    {t('committees.board.more')}
                  </Button>
                </Group>
              )}
            </Stack>
          );
        }}
      </QueryState>
    </Section>
  );
}
