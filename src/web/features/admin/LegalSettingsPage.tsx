import {
  Accordion,
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { Channel, Locale } from '../../../contracts/common.ts';
import { legalPagePaths, type PublicSite } from '../../../contracts/recruitment.ts';
import {
  consentWordingUpdateSchema,
  legalFields,
  legalUpdateSchema,
  placeholdersIn,
  type ConsentWordingVersion,
} from '../../../contracts/settings.ts';
import { applyProblem } from '../../core/errors.ts';
import { validateWith } from '../../core/form-validation.ts';
import { formatDateTime } from '../../core/format.ts';
import { useLocale, useT, type MessageKey } from '../../core/i18n/index.tsx';
import { useConsentWordings } from '../../core/site.ts';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { focusFirstError } from '../../core/validation.ts';
import { localeName } from '../people/labels.ts';
import { useSaveConsentWording, useSaveLegal } from './hooks.ts';
import { LanguageTabs, SETTINGS_LANGUAGES } from './LanguageTabs.tsx';
import { SiteSettingsFrame } from './SiteSettingsFrame.tsx';
import { useBilingualSubmit } from './useBilingualSubmit.ts';

type LegalField = (typeof legalFields)[number];
type LegalValues = { fr: Record<LegalField, string>; en: Record<LegalField, string> };

const CHANNELS: readonly Channel[] = ['email', 'sms', 'phone'];

const fieldLabels: Record<LegalField, MessageKey> = {
  legalNotice: 'legalEdit.legalNotice',
  privacyPolicy: 'legalEdit.privacyPolicy',
  formNotice: 'legalEdit.formNotice',
};
const fieldHelp: Record<LegalField, MessageKey> = {
  legalNotice: 'legalEdit.legalNoticeHelp',
  privacyPolicy: 'legalEdit.privacyPolicyHelp',
  formNotice: 'legalEdit.formNoticeHelp',
};
const maxLengths: Record<LegalField, number> = {
  legalNotice: 20_000,
  privacyPolicy: 50_000,
  formNotice: 2_000,
};
const channelLabels: Record<Channel, MessageKey> = {
  email: 'legalEdit.wordingEmail',
  sms: 'legalEdit.wordingSms',
  phone: 'legalEdit.wordingPhone',
};

const FORM_FIELDS = SETTINGS_LANGUAGES.flatMap((lang) =>
  legalFields.map((field) => `${lang}.${field}`),
);

/** The texts still holding bracketed parts to complete, as "language · text" labels. */
function incompleteTexts(values: LegalValues, t: ReturnType<typeof useT>): string[] {
  return SETTINGS_LANGUAGES.flatMap((lang) =>
    legalFields
      .filter((field) => placeholdersIn(values[lang][field]).length > 0)
      .map((field) => `${localeName(lang)} · ${t(fieldLabels[field])}`),
  );
}

/** The tab holding the first invalid text, French first. */
function tabWithError(fields: string[]): Locale | null {
  if (fields.some((field) => field.startsWith('fr.'))) return 'fr';
  if (fields.some((field) => field.startsWith('en.'))) return 'en';
  return null;
}

function LegalForm({ site }: { site: PublicSite }) {
  const t = useT();
  const save = useSaveLegal();
  const form = useForm<LegalValues>({
    initialValues: {
      fr: { ...site.legal.fr },
      en: {
        legalNotice: site.legal.en?.legalNotice ?? '',
        privacyPolicy: site.legal.en?.privacyPolicy ?? '',
        formNotice: site.legal.en?.formNotice ?? '',
      },
    },
    validate: validateWith(legalUpdateSchema, t),
  });

  const { submit, language, setLanguage, formError } = useBilingualSubmit({
    form,
    save,
    fields: FORM_FIELDS,
    savedMessage: 'legalEdit.saved',
    tabWithError,
  });

  const incomplete = incompleteTexts(form.values, t);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {incomplete.length > 0 && (
          <Alert
            color="orange"
            title={t('legalEdit.incompleteTitle')}
            data-testid="legal-incomplete"
          >
            <Text size="sm">{t('legalEdit.incompleteHelp')}</Text>
            <List size="sm" mt={4}>
              {incomplete.map((label) => (
                <List.Item key={label}>{label}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        <LanguageTabs value={language} onChange={setLanguage}>
          {(lang) => (
            <Stack gap="sm">
              {lang === 'en' && (
                <Text size="sm" c="dimmed">
                  {t('site.englishHelp')}
                </Text>
              )}
              {legalFields.map((field) => {
                const holes = placeholdersIn(form.values[lang][field]);
                return (
                  <Stack key={field} gap={4}>
                    <Textarea
                      label={t(fieldLabels[field])}
                      description={t(fieldHelp[field])}
                      required={lang === 'fr'}
                      autosize
                      minRows={field === 'formNotice' ? 3 : 6}
                      maxRows={24}
                      maxLength={maxLengths[field]}
                      lang={lang}
                      placeholder={lang === 'en' ? form.values.fr[field] : undefined}
                      {...form.getInputProps(`${lang}.${field}`)}
                    />
                    {holes.length > 0 && (
                      <Text size="sm" c="orange.9">
                        {t('legalEdit.toComplete', { parts: holes.join(', ') })}
                      </Text>
                    )}
                  </Stack>
                );
              })}
            </Stack>
          )}
        </LanguageTabs>
        <ErrorAlert message={formError} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
          <Anchor href={legalPagePaths.legalNotice} target="_blank">
            {t('legalEdit.viewNotice')}
          </Anchor>
          <Anchor href={legalPagePaths.privacyPolicy} target="_blank">
            {t('legalEdit.viewPolicy')}
          </Anchor>
        </Group>
      </Stack>
    </form>
  );
}

/** One language's wording: saving makes a new version; the old ones stay listed. */
function WordingForm({
  locale,
  current,
}: {
  locale: Locale;
  current: PublicSite['consentWording']['fr'];
}) {
  const t = useT();
  const save = useSaveConsentWording();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: current.email, sms: current.sms, phone: current.phone },
    validate: validateWith(consentWordingUpdateSchema, t, (texts) => ({ locale, ...texts })),
  });
  const submit = form.onSubmit(
    (values) => {
      setFormError(null);
      save.mutate(
        { locale, ...values },
        {
          onSuccess: (versions) => {
            form.resetDirty();
            const now = versions.find((v) => v.locale === locale && v.current);
            notifications.show({
              color: 'green',
              message: t('legalEdit.wordingSaved', { version: now?.version ?? '' }),
            });
          },
          onError: (error) => {
            setFormError(applyProblem(form, error, t, CHANNELS));
            focusFirstError();
          },
        },
      );
    },
    () => focusFirstError(),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">
          {t('legalEdit.currentVersion')} <Badge variant="light">{current.version}</Badge>
        </Text>
        {CHANNELS.map((channel) => (
          <Textarea
            key={channel}
            label={t(channelLabels[channel])}
            required
            autosize
            minRows={2}
            maxLength={1000}
            lang={locale}
            {...form.getInputProps(channel)}
          />
        ))}
        <ErrorAlert message={formError} />
        <Group>
          <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
            {t('legalEdit.saveVersion')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function VersionHistory({ versions }: { versions: ConsentWordingVersion[] }) {
  const t = useT();
  const [locale] = useLocale();
  return (
    <Accordion variant="contained" multiple>
      {[...versions].reverse().map((version) => (
        <Accordion.Item key={version.version} value={version.version}>
          <Accordion.Control>
            <Group gap="xs">
              <Text size="sm" fw={500}>
                {version.version}
              </Text>
              <Text size="sm" c="dimmed">
                {version.createdAt
                  ? formatDateTime(version.createdAt, locale)
                  : t('legalEdit.builtIn')}
              </Text>
              {version.current && (
                <Badge size="sm" color="green">
                  {t('legalEdit.current')}
                </Badge>
              )}
            </Group>
          </Accordion.Control>
          <Accordion.Panel>
            <Stack gap={4} lang={version.locale}>
              {CHANNELS.map((channel) => (
                <Text key={channel} size="sm">
                  <Text span fw={500}>
                    {t(channelLabels[channel])} :
                  </Text>{' '}
                  {version[channel]}
                </Text>
              ))}
            </Stack>
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}

function ConsentWordings({ site }: { site: PublicSite }) {
  const [language, setLanguage] = useState<Locale>('fr');
  const versions = useConsentWordings();
  const t = useT();
  return (
    <LanguageTabs value={language} onChange={setLanguage}>
      {(lang) => (
        <Stack gap="md">
          {/* Keyed by version: a new version resets the form to what is now current. */}
          <WordingForm
            key={site.consentWording[lang].version}
            locale={lang}
            current={site.consentWording[lang]}
          />
          <Title order={3} size="h5">
            {t('legalEdit.history')}
          </Title>
          <QueryState query={versions}>
            {(data) => <VersionHistory versions={data.filter((v) => v.locale === lang)} />}
          </QueryState>
        </Stack>
      )}
    </LanguageTabs>
  );
}

export function LegalSettingsPage() {
  const t = useT();
  return (
    <SiteSettingsFrame
      title={t('legalEdit.title')}
      intro={<Text size="sm">{t('legalEdit.intro')}</Text>}
      maxWidth={860}
    >
      {(data) => (
        <>
          <Section title={t('legalEdit.textsTitle')} description={t('legalEdit.textsHelp')}>
            <LegalForm site={data} />
          </Section>
          <Section title={t('site.consentTitle')} description={t('legalEdit.wordingHelp')}>
            <ConsentWordings site={data} />
          </Section>
        </>
      )}
    </SiteSettingsFrame>
  );
}
