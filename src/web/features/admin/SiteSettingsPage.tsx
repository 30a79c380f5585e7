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
} from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { Link } from 'react-router';
import type { Locale } from '../../../contracts/common.ts';
import {
  homeContentSchema,
  type HomeContent,
  type PublicSite,
} from '../../../contracts/recruitment.ts';
import { validateWith } from '../../core/form-validation.ts';
import { useT } from '../../core/i18n/index.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { localeName } from '../people/labels.ts';
import { useSaveHome } from './hooks.ts';
import { LanguageTabs, SETTINGS_LANGUAGES } from './LanguageTabs.tsx';
import { SiteSettingsFrame } from './SiteSettingsFrame.tsx';
import { useBilingualSubmit } from './useBilingualSubmit.ts';

const FIELDS = [
  'campaignName',
  'title',
  'message',
  'signupCallToAction',
  'en.title',
  'en.message',
  'en.signupCallToAction',
] as const;

/** In the form, every English text is present: empty means "show the French one". */
type HomeValues = Omit<HomeContent, 'en'> & { en: Required<NonNullable<HomeContent['en']>> };

/** The tab holding the first invalid field, so its message is visible and focusable. */
function tabWithError(fields: string[]): Locale | null {
  const texts = fields.filter((field) => field !== 'campaignName');
  if (texts.length === 0) return null;
  return texts.some((field) => !field.startsWith('en.')) ? 'fr' : 'en';
}

/**
 * One language's texts. French is the reference and required; English may stay empty, in which
 * case the French text is shown (its placeholder says so).
 */
function LanguageFields({
  form,
  language,
}: {
  form: UseFormReturnType<HomeValues>;
  language: Locale;
}) {
  const t = useT();
  const french = language === 'fr';
  const path = (field: 'title' | 'message' | 'signupCallToAction') =>
    french ? field : (`en.${field}` as const);
  return (
    <Stack gap="sm">
      {!french && (
        <Text size="sm" c="dimmed">
          {t('site.englishHelp')}
        </Text>
      )}
      <TextInput
        label={t('site.pageTitle')}
        required={french}
        maxLength={200}
        lang={language}
        placeholder={french ? undefined : form.values.title}
        {...form.getInputProps(path('title'))}
      />
      <Textarea
        label={t('site.message')}
        description={t('site.messageHelp')}
        autosize
        minRows={5}
        maxRows={20}
        maxLength={5000}
        lang={language}
        {...form.getInputProps(path('message'))}
      />
      <TextInput
        label={t('site.cta')}
        description={t('site.ctaHelp')}
        required={french}
        maxLength={120}
        lang={language}
        placeholder={french ? undefined : form.values.signupCallToAction}
        {...form.getInputProps(path('signupCallToAction'))}
      />
    </Stack>
  );
}

function HomeForm({ site }: { site: PublicSite }) {
  const t = useT();
  const save = useSaveHome();
  const { en, ...french } = site.home;
  const form = useForm<HomeValues>({
    initialValues: {
      ...french,
      en: {
        title: en?.title ?? '',
        message: en?.message ?? '',
        signupCallToAction: en?.signupCallToAction ?? '',
      },
    },
    validate: validateWith(homeContentSchema, t),
  });

  const { submit, language, setLanguage, formError } = useBilingualSubmit({
    form,
    save,
    fields: FIELDS,
    savedMessage: 'site.saved',
    tabWithError,
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('site.campaignName')}
          description={t('site.campaignNameHelp')}
          required
          maxLength={120}
          {...form.getInputProps('campaignName')}
        />
        <LanguageTabs value={language} onChange={setLanguage}>
          {(lang) => <LanguageFields form={form} language={lang} />}
        </LanguageTabs>
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
  return (
    <SiteSettingsFrame title={t('site.title')} maxWidth={760}>
      {(data) => (
        <>
          <Section title={t('site.homeTitle')}>
            <HomeForm site={data} />
          </Section>
          <Section title={t('site.embedTitle')} description={t('site.embedHelp')}>
            <EmbedSnippet />
          </Section>
          <Section title={t('site.consentTitle')} description={t('site.consentHelp')}>
            <Anchor component={Link} to="/admin/legal">
              {t('site.consentEdit')}
            </Anchor>
            {SETTINGS_LANGUAGES.map((lang) => (
              <Stack key={lang} gap={4}>
                <Text fw={500} size="sm">
                  {localeName(lang)} ·{' '}
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
    </SiteSettingsFrame>
  );
}
