import {
  Anchor,
  Button,
  Code,
  CopyButton,
  Group,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router';
import type { HomeContent, PublicSite } from '../../../contracts/recruitment.ts';
import { applyProblem } from '../../core/errors.ts';
import { useT } from '../../core/i18n/index.tsx';
import { useSite } from '../../core/site.ts';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { usePageTitle } from '../../core/ui/usePageTitle.ts';
import { focusFirstError } from '../../core/validation.ts';
import { useSaveHome } from './hooks.ts';

const FIELDS = ['campaignName', 'title', 'message', 'signupCallToAction'] as const;

function HomeForm({ site }: { site: PublicSite }) {
  const t = useT();
  const save = useSaveHome();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<HomeContent>({
    initialValues: site.home,
    validate: {
      campaignName: (v) => (v.trim() ? null : t('error.required')),
      title: (v) => (v.trim() ? null : t('error.required')),
      signupCallToAction: (v) => (v.trim() ? null : t('error.required')),
    },
  });

  const submit = form.onSubmit((values) => {
    setFormError(null);
    save.mutate(values, {
      onSuccess: () => {
        form.resetDirty();
        notifications.show({ color: 'green', message: t('site.saved') });
      },
      onError: (error) => setFormError(applyProblem(form, error, t, FIELDS)),
    });
  }, focusFirstError);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('site.campaignName')}
          required
          maxLength={120}
          {...form.getInputProps('campaignName')}
        />
        <TextInput
          label={t('site.pageTitle')}
          required
          maxLength={200}
          {...form.getInputProps('title')}
        />
        <Textarea
          label={t('site.message')}
          description={t('site.messageHelp')}
          autosize
          minRows={5}
          maxRows={20}
          maxLength={5000}
          {...form.getInputProps('message')}
        />
        <TextInput
          label={t('site.cta')}
          description={t('site.ctaHelp')}
          required
          maxLength={120}
          {...form.getInputProps('signupCallToAction')}
        />
        <ErrorAlert message={formError} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
          <Anchor component={Link} to="/">
            {t('site.view')}
          </Anchor>
        </Group>
      </Stack>
    </form>
  );
}

/** The snippet other websites paste to show the sign-up form (served as /embed.js). */
function EmbedSnippet() {
  const t = useT();
  const snippet = `<script src="${window.location.origin}/embed.js" async></script>`;
  return (
    <Group gap="xs" wrap="nowrap" align="flex-end">
      <Code block style={{ flex: 1, overflowX: 'auto' }} aria-label={t('site.embedTitle')}>
        {snippet}
      </Code>
      <CopyButton value={snippet} timeout={2000}>
        {({ copied, copy }) => (
          <Button variant="light" onClick={copy}>
            {copied ? t('site.embedCopied') : t('site.embedCopy')}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}

export function SiteSettingsPage() {
  const t = useT();
  usePageTitle(t('site.title'));
  const site = useSite();
  return (
    <Stack gap="md" maw={760}>
      <Title order={1}>{t('site.title')}</Title>
      <QueryState query={site}>
        {(data) => (
          <>
            <Section title={t('site.homeTitle')}>
              <HomeForm site={data} />
            </Section>
            <Section title={t('site.embedTitle')} description={t('site.embedHelp')}>
              <EmbedSnippet />
            </Section>
            <Section title={t('site.consentTitle')} description={t('site.consentHelp')}>
              {(['fr', 'en'] as const).map((lang) => (
                <Stack key={lang} gap={4}>
                  <Text fw={500} size="sm">
                    {lang === 'fr' ? 'Français' : 'English'} ·{' '}
                    {t('site.version', { version: data.consentWording[lang].version })}
                  </Text>
                  <Text size="sm" lang={lang}>
                    {data.consentWording[lang].email}
                  </Text>
                  <Text size="sm" lang={lang}>
                    {data.consentWording[lang].sms}
                  </Text>
                  <Text size="sm" lang={lang}>
                    {data.consentWording[lang].phone}
                  </Text>
                </Stack>
              ))}
            </Section>
          </>
        )}
      </QueryState>
    </Stack>
  );
}
