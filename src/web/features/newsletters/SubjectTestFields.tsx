import { Group, NumberInput, Radio, Stack, Switch, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { SUBJECT_TEST_LIMITS } from '../../../contracts/newsletters.ts';
import { useT } from '../../core/i18n/index.tsx';
import { Section } from '../../core/ui/Section.tsx';
import type { NewsletterValues } from './newsletter-form.ts';

const { samplePercent, waitHours } = SUBJECT_TEST_LIMITS;

/**
 * The editor's subject test (A/B): switched on, a second subject, the sample's size, the wait
 * and the measure that decides. Its fields stay kept while it is off, and are sent only when on.
 */
export function SubjectTestFields({ form }: { form: UseFormReturnType<NewsletterValues> }) {
  const t = useT();
  const on = form.values.subjectTest.on;
  return (
    <Section title={t('newsletters.subjectTest.form.title')}>
      <Text size="sm" c="dimmed">
        {t('newsletters.subjectTest.form.intro')}
      </Text>
      <Switch
        label={t('newsletters.subjectTest.form.on')}
        {...form.getInputProps('subjectTest.on', { type: 'checkbox' })}
      />
      {on && (
        <Stack gap="sm">
          <TextInput
            label={t('newsletters.subjectTest.form.subjectB')}
            description={t('newsletters.subjectTest.form.subjectBHelp')}
            required
            maxLength={200}
            autoComplete="off"
            {...form.getInputProps('subjectTest.subjectB')}
          />
          <Group grow align="flex-start">
            <NumberInput
              label={t('newsletters.subjectTest.form.samplePercent')}
              description={t('newsletters.subjectTest.form.samplePercentHelp', {
                min: samplePercent.min,
                max: samplePercent.max,
              })}
              required
              min={samplePercent.min}
              max={samplePercent.max}
              allowDecimal={false}
              allowNegative={false}
              clampBehavior="none"
              suffix=" %"
              {...form.getInputProps('subjectTest.samplePercent')}
            />
            <NumberInput
              label={t('newsletters.subjectTest.form.waitHours')}
              description={t('newsletters.subjectTest.form.waitHoursHelp', {
                min: waitHours.min,
                max: waitHours.max,
              })}
              required
              min={waitHours.min}
              max={waitHours.max}
              allowDecimal={false}
              allowNegative={false}
              clampBehavior="none"
              {...form.getInputProps('subjectTest.waitHours')}
            />
          </Group>
          <Radio.Group
            label={t('newsletters.subjectTest.form.metric')}
            description={t('newsletters.subjectTest.form.metricHelp')}
            {...form.getInputProps('subjectTest.metric')}
          >
            <Group gap="lg" mt="xs">
              <Radio value="opens" label={t('newsletters.subjectTest.metric.opens')} />
              <Radio value="clicks" label={t('newsletters.subjectTest.metric.clicks')} />
            </Group>
          </Radio.Group>
        </Stack>
      )}
    </Section>
  );
}
