import { Checkbox, Group, Stack, Switch, Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useT } from '../../core/i18n/index.tsx';
import { Section } from '../../core/ui/Section.tsx';
import type { QuestionnaireDraft } from './questionnaire-draft.ts';

type Form = UseFormReturnType<QuestionnaireDraft>;

/** What the resident is told before any personal data is taken (CNIL, GDPR art. 9). */
export function QuestionnaireConsents({ form }: { form: Form }) {
  const t = useT();
  return (
    <Section
      title={t('field.questionnaire.consents')}
      description={t('field.questionnaire.consentsHelp')}
    >
      <Textarea
        label={t('field.questionnaire.consentText')}
        description={t('field.questionnaire.consentTextHelp')}
        autosize
        minRows={3}
        {...form.getInputProps('definition.consentText')}
      />
      <Textarea
        label={t('field.questionnaire.opinionConsentText')}
        description={t('field.questionnaire.opinionConsentTextHelp')}
        autosize
        minRows={2}
        {...form.getInputProps('definition.opinionConsentText')}
      />
    </Section>
  );
}

/** Whether volunteers offer to take the resident's name and contacts, each with its consent. */
export function QuestionnaireContactCapture({ form }: { form: Form }) {
  const t = useT();
  const capture = form.values.definition.contactCapture;
  return (
    <Section
      title={t('field.questionnaire.contact')}
      description={t('field.questionnaire.contactHelp')}
    >
      <Switch
        label={t('field.questionnaire.contactEnabled')}
        {...form.getInputProps('definition.contactCapture.enabled', { type: 'checkbox' })}
      />
      {capture.enabled && (
        <Stack gap="sm">
          <Group gap="lg">
            <Checkbox
              label={t('field.questionnaire.askEmail')}
              {...form.getInputProps('definition.contactCapture.askEmail', { type: 'checkbox' })}
            />
            <Checkbox
              label={t('field.questionnaire.askPhone')}
              {...form.getInputProps('definition.contactCapture.askPhone', { type: 'checkbox' })}
            />
          </Group>
          {capture.askEmail && (
            <Textarea
              label={t('field.questionnaire.emailConsent')}
              autosize
              minRows={1}
              {...form.getInputProps('definition.contactCapture.consentTexts.email')}
            />
          )}
          {capture.askPhone && (
            <Textarea
              label={t('field.questionnaire.phoneConsent')}
              description={t('field.questionnaire.phoneConsentHelp')}
              autosize
              minRows={1}
              {...form.getInputProps('definition.contactCapture.consentTexts.phone')}
            />
          )}
        </Stack>
      )}
    </Section>
  );
}
