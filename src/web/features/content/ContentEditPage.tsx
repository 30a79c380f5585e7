import {
  Anchor,
  Badge,
  Button,
  FileButton,
  Grid,
  Group,
  Image,
  Select,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  TypographyStylesProvider,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import {
  CONTENT_BODY_MAX,
  contentInputSchema,
  contentKinds,
  type ContentInput,
  type ContentItem,
  type ContentKind,
} from '../../../contracts/content.ts';
import { applyProblem, errorText } from '../../core/errors.ts';
import { validateWith } from '../../core/form-validation.ts';
import { formatDateTime } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { ConfirmAction } from '../../core/ui/ConfirmAction.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { focusFirstError } from '../../core/validation.ts';
import { zonedToIso } from '../../core/zoned-time.ts';
import { ContentLayout } from './ContentLayout.tsx';
import {
  useBodyPreview,
  useContentItem,
  useCreateItem,
  useDeleteItem,
  useItemImage,
  usePublishItem,
  useUnpublishItem,
  useUpdateItem,
} from './hooks.ts';
import { stateColors, stateOf } from './labels.ts';

type Values = Omit<ContentInput, 'kind' | 'tags' | 'share' | 'summary' | 'body'> & {
  kind: ContentKind;
  summary: string;
  body: string;
  tags: string[];
  share: {
    x: string;
    facebook: string;
    whatsapp: string;
    telegram: string;
    emailSubject: string;
    emailBody: string;
  };
};

const FIELDS = [
  'kind',
  'slug',
  'title',
  'summary',
  'body',
  'tags',
  'share.x',
  'share.facebook',
  'share.whatsapp',
  'share.telegram',
  'share.emailSubject',
  'share.emailBody',
] as const;

const empty = (): Values => ({
  kind: 'article',
  slug: '',
  title: '',
  summary: '',
  body: '',
  tags: [],
  share: { x: '', facebook: '', whatsapp: '', telegram: '', emailSubject: '', emailBody: '' },
});

const valuesOf = (item: ContentItem): Values => ({
  kind: item.kind,
  slug: item.slug,
  title: item.title,
  summary: item.summary,
  body: item.body,
  tags: item.tags,
  share: { ...item.share },
});

/** An address from a title: lower case, no accents, words joined by hyphens. */
const slugFrom = (title: string) =>
  title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 100);

/** The body drawn as the public page will draw it (HTML the server sanitised). */
function BodyPreview({ body }: { body: string }) {
  const t = useT();
  const preview = useBodyPreview(body);
  return (
    <Section title={t('content.form.preview')}>
      {body.trim() && preview.data ? (
        <TypographyStylesProvider>
          {/* The server's sanitised HTML (core/rich-text.ts): no script, no style, no handler. */}
          <div
            data-testid="content-preview"
            dangerouslySetInnerHTML={{ __html: preview.data.html }}
          />
        </TypographyStylesProvider>
      ) : (
        <Text size="sm" c="dimmed">
          {t('content.form.previewEmpty')}
        </Text>
      )}
    </Section>
  );
}

function ContentForm({ item }: { item: ContentItem | null }) {
  const t = useT();
  const navigate = useNavigate();
  const create = useCreateItem();
  const update = useUpdateItem();
  const [formError, setFormError] = useState<string | null>(null);
  const [slugTyped, setSlugTyped] = useState(item !== null);
  const form = useForm<Values>({
    initialValues: item ? valuesOf(item) : empty(),
    validate: validateWith(contentInputSchema, t),
  });
  const submit = form.onSubmit((values) => {
    setFormError(null);
    const done = {
      onSuccess: (saved: ContentItem) => {
        notifications.show({ color: 'green', message: t('content.form.saved') });
        if (!item) void navigate(`/hq/content/${saved.id}`);
      },
      onError: (error: unknown) => {
        setFormError(applyProblem(form, error, t, FIELDS));
        focusFirstError();
      },
    };
    if (item) update.mutate({ id: item.id, body: values }, done);
    else create.mutate(values, done);
  }, focusFirstError);
  const shareField = (name: keyof Values['share'], label: Parameters<typeof t>[0], max: number) => (
    <Textarea
      key={name}
      label={t(label)}
      autosize
      minRows={name === 'emailSubject' ? 1 : 2}
      maxLength={max}
      {...form.getInputProps(`share.${name}`)}
    />
  );
  return (
    <Grid gutter="md">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Section title={t('content.form.general')}>
              <Select
                label={t('content.form.kind')}
                data={contentKinds.map((kind) => ({
                  value: kind,
                  label: t(`content.kind.${kind}`),
                }))}
                allowDeselect={false}
                {...form.getInputProps('kind')}
              />
              <TextInput
                label={t('content.form.title')}
                required
                maxLength={200}
                autoComplete="off"
                {...form.getInputProps('title')}
                onChange={(event) => {
                  const title = event.currentTarget.value;
                  form.setFieldValue('title', title);
                  // A new item's address follows its title until it is typed in.
                  if (!slugTyped) form.setFieldValue('slug', slugFrom(title));
                }}
              />
              <TextInput
                label={t('content.form.slug')}
                description={t('content.form.slugHelp', { slug: form.values.slug || '…' })}
                required
                maxLength={100}
                autoComplete="off"
                {...form.getInputProps('slug')}
                onChange={(event) => {
                  setSlugTyped(true);
                  form.setFieldValue('slug', event.currentTarget.value);
                }}
              />
              <Textarea
                label={t('content.form.summary')}
                description={t('content.form.summaryHelp')}
                autosize
                minRows={2}
                maxLength={500}
                {...form.getInputProps('summary')}
              />
              <Textarea
                label={t('content.form.body')}
                autosize
                minRows={10}
                maxRows={30}
                maxLength={CONTENT_BODY_MAX}
                {...form.getInputProps('body')}
              />
              <TagsInput
                label={t('content.form.tags')}
                maxTags={20}
                {...form.getInputProps('tags')}
              />
            </Section>
            <Section title={t('content.form.share')} description={t('content.form.shareHelp')}>
              {shareField('x', 'content.form.shareX', 250)}
              {shareField('facebook', 'content.form.shareFacebook', 2000)}
              {shareField('whatsapp', 'content.form.shareWhatsapp', 2000)}
              {shareField('telegram', 'content.form.shareTelegram', 2000)}
              {shareField('emailSubject', 'content.form.shareEmailSubject', 200)}
              {shareField('emailBody', 'content.form.shareEmailBody', 5000)}
            </Section>
            <ErrorAlert message={formError} />
            <Group>
              <Button type="submit" loading={create.isPending || update.isPending}>
                {t('content.form.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack gap="md">
          {item && <PublishSection item={item} />}
          {item && <ImageSection item={item} />}
          <BodyPreview body={form.values.body} />
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

function PublishSection({ item }: { item: ContentItem }) {
  const t = useT();
  const [locale] = useLocale();
  const navigate = useNavigate();
  const publish = usePublishItem();
  const unpublish = useUnpublishItem();
  const remove = useDeleteItem();
  const [at, setAt] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const state = stateOf(item);
  const onError = (failure: unknown) => setError(errorText(failure, t));
  return (
    <Section title={t('content.publish.title')}>
      <Group gap="xs">
        <Badge color={stateColors[state]} variant="light" data-testid="content-state">
          {t(`content.status.${state}`)}
        </Badge>
        <Text size="sm">
          {state === 'draft'
            ? t('content.publish.draft')
            : t(state === 'live' ? 'content.publish.liveSince' : 'content.publish.scheduledFor', {
                date: formatDateTime(item.publishAt, locale),
              })}
        </Text>
      </Group>
      {item.live && (
        <Anchor href={`/articles/${item.slug}`} target="_blank" size="sm">
          {t('content.publish.open')}
        </Anchor>
      )}
      <Group>
        <Button
          onClick={() => {
            setError(null);
            publish.mutate({ id: item.id, at: null }, { onError });
          }}
          loading={publish.isPending}
        >
          {t('content.publish.now')}
        </Button>
        {item.status === 'published' && (
          <Button
            variant="light"
            color="orange"
            onClick={() => {
              setError(null);
              unpublish.mutate(item.id, { onError });
            }}
            loading={unpublish.isPending}
          >
            {t('content.publish.unpublish')}
          </Button>
        )}
      </Group>
      <Group align="flex-end">
        <TextInput
          type="datetime-local"
          label={t('content.publish.at')}
          value={at}
          onChange={(event) => setAt(event.currentTarget.value)}
        />
        <Button
          variant="light"
          disabled={!at}
          onClick={() => {
            const iso = zonedToIso(at);
            if (!iso) return;
            setError(null);
            publish.mutate({ id: item.id, at: iso }, { onError });
          }}
        >
          {t('content.publish.schedule')}
        </Button>
      </Group>
      <ErrorAlert message={error} />
      <Group>
        <Button variant="subtle" color="red" onClick={() => setConfirming(true)}>
          {t('content.publish.delete')}
        </Button>
      </Group>
      <ConfirmAction
        opened={confirming}
        title={t('content.publish.delete')}
        confirmLabel={t('content.publish.delete')}
        color="red"
        onClose={() => setConfirming(false)}
        loading={remove.isPending}
        onConfirm={async () => {
          await remove.mutateAsync(item.id);
          void navigate('/hq/content');
        }}
      >
        <Text size="sm">{t('content.publish.deleteConfirm')}</Text>
      </ConfirmAction>
    </Section>
  );
}

function ImageSection({ item }: { item: ContentItem }) {
  const t = useT();
  const { set, remove } = useItemImage(item.id);
  const [error, setError] = useState<string | null>(null);
  return (
    <Section title={t('content.form.image')} description={t('content.form.imageHelp')}>
      {item.image && (
        <Image src={item.image.url} alt={t('content.form.imageAlt')} radius="sm" maw={360} />
      )}
      <Group>
        <FileButton
          accept="image/*"
          onChange={(file) => {
            if (!file) return;
            setError(null);
            set.mutate(file, { onError: (failure) => setError(errorText(failure, t)) });
          }}
        >
          {(props) => (
            <Button variant="light" loading={set.isPending} {...props}>
              {t('content.form.imageChoose')}
            </Button>
          )}
        </FileButton>
        {item.image && (
          <Button
            variant="subtle"
            color="red"
            onClick={() => remove.mutate()}
            loading={remove.isPending}
          >
            {t('content.form.imageRemove')}
          </Button>
        )}
      </Group>
      <ErrorAlert message={error} />
    </Section>
  );
}

export function NewContentPage() {
  const t = useT();
  return (
    <ContentLayout title={t('content.form.newTitle')}>
      <ContentForm item={null} />
    </ContentLayout>
  );
}

export function EditContentPage() {
  const t = useT();
  const id = Number(useParams().id);
  const item = useContentItem(id);
  return (
    <ContentLayout
      title={item.data ? t('content.form.editTitle', { title: item.data.title }) : t('content.nav')}
    >
      <QueryState query={item}>{(data) => <ContentForm key={data.id} item={data} />}</QueryState>
    </ContentLayout>
  );
}
