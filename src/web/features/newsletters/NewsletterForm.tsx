import { Button, Code, Grid, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import {
  NEWSLETTER_BODY_MAX,
  newsletterPlaceholders,
  type Newsletter,
} from '../../../contracts/newsletters.ts';
import { useT } from '../../core/i18n/index.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { focusFirstError } from '../../core/validation.ts';
import { SegmentSelect } from '../calling/SegmentSelect.tsx';
import { useCreateNewsletter, useUpdateNewsletter } from './hooks.ts';
import {
  applyNewsletterProblem,
  editValues,
  emptyNewsletter,
  newsletterRequest,
  newsletterValidation,
  previewInput,
  previewTooLong,
  type NewsletterValues,
} from './newsletter-form.ts';
import { newsletterErrorText } from './newsletterErrors.ts';
import { NewsletterPreview } from './NewsletterPreview.tsx';
import { SubjectTestFields } from './SubjectTestFields.tsx';

/** The placeholders a newsletter may hold, as they are typed. */
function PlaceholdersHelp() {
  const t = useT();
  return (
    <Text size="sm" c="dimmed">
      {t('newsletters.form.placeholders')}{' '}
      {newsletterPlaceholders.map((name, index) => (
        <span key={name}>
          {index > 0 && ', '}
          <Code>{`{${name}}`}</Code>
        </span>
      ))}
    </Text>
  );
}

/**
 * A newsletter's text and audience, saved as a draft (a new one, or the one given), beside its
 * live preview (below it on a phone).
 */
export function NewsletterForm({ newsletter }: { newsletter: Newsletter | null }) {
  const t = useT();
  const navigate = useNavigate();
  const create = useCreateNewsletter();
  const update = useUpdateNewsletter();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<NewsletterValues>({
    initialValues: newsletter ? editValues(newsletter) : emptyNewsletter(),
    validate: newsletterValidation(t),
  });
  const submit = form.onSubmit((values) => {
    setFormError(null);
    const body = newsletterRequest(values);
    const done = {
      onSuccess: (saved: Newsletter) => {
        notifications.show({ color: 'green', message: t('newsletters.form.saved') });
        void navigate(`/hq/newsletters/${saved.id}`);
      },
      onError: (error: unknown) => {
        setFormError(
          applyNewsletterProblem(form, error, t, (failure) => newsletterErrorText(failure, t)),
        );
        focusFirstError();
      },
    };
    if (newsletter) update.mutate({ id: newsletter.id, body }, done);
    else create.mutate(body, done);
  }, focusFirstError);
  const { subject, preheader, body } = form.values;

  return (
    <Grid gutter="md">
      <Grid.Col span={{ base: 12, md: 6 }}>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Section title={t('newsletters.form.general')}>
              <TextInput
                label={t('newsletters.form.name')}
                description={t('newsletters.form.nameHelp')}
                required
                maxLength={120}
                autoComplete="off"
                {...form.getInputProps('name')}
              />
              <SegmentSelect
                label={t('newsletters.form.segment')}
                description={t('newsletters.form.segmentHelp')}
                placeholder={t('newsletters.audience.everyone')}
                required={false}
                clearable
                clearButtonProps={{ 'aria-label': t('newsletters.form.clearSegment') }}
                {...form.getInputProps('segmentId')}
              />
              <TextInput
                label={t('newsletters.form.subject')}
                required
                maxLength={200}
                autoComplete="off"
                {...form.getInputProps('subject')}
              />
              <TextInput
                label={t('newsletters.form.preheader')}
                description={t('newsletters.form.preheaderHelp')}
                maxLength={200}
                autoComplete="off"
                {...form.getInputProps('preheader')}
              />
              <Textarea
                label={t('newsletters.form.body')}
                description={t('newsletters.form.bodyHelp')}
                required
                autosize
                minRows={10}
                maxRows={30}
                maxLength={NEWSLETTER_BODY_MAX}
                {...form.getInputProps('body')}
              />
              <PlaceholdersHelp />
            </Section>
            <SubjectTestFields form={form} />
            <ErrorAlert message={formError} />
            <Group>
              <Button type="submit" loading={create.isPending || update.isPending}>
                {t(
                  newsletter?.status === 'scheduled'
                    ? 'newsletters.form.saveChanges'
                    : 'newsletters.form.saveDraft',
                )}
              </Button>
            </Group>
          </Stack>
        </form>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <NewsletterPreview
          input={previewInput({ subject, preheader, body })}
          tooLong={previewTooLong({ subject, preheader, body })}
        />
      </Grid.Col>
    </Grid>
  );
}
