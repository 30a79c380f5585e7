import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import type { ContactKind, EffectSettings, EffectType } from '../../../contracts/insights.ts';
import { contactKinds } from '../../../contracts/insights.ts';
import { errorText } from '../../core/errors.ts';
import { formatNumber } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { useSession } from '../../core/session.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { useSaveEffects } from './hooks.ts';
import {
  bounds,
  contactsPerVote,
  effectFormProblems,
  effectTypes,
  fromForm,
  toForm,
  type EffectForm,
} from './impact-format.ts';
import { kindKeys } from './labels.ts';

const effectKeys = { turnout: 'insights.turnout', persuasion: 'insights.persuasion' } as const;
const boundKeys = {
  low: 'insights.effect.low',
  central: 'insights.effect.central',
  high: 'insights.effect.high',
} as const;

/** The studies behind one kind's default effect, cited with what they found and the range drawn. */
function Sources({
  settings,
  kind,
  type,
}: {
  settings: EffectSettings;
  kind: ContactKind;
  type: EffectType;
}) {
  const t = useT();
  const sources = settings.sources.filter((s) => s.kind === kind && s.effect === type);
  if (sources.length === 0) return null;
  return (
    <Stack gap={4} component="ul" p={0} m={0} aria-label={t('insights.sources')}>
      {sources.map((source) => (
        <Box component="li" key={source.citation} style={{ listStyle: 'none' }}>
          <Text size="xs">
            <cite>{source.citation}</cite>
            {source.url && (
              <>
                {' '}
                <Anchor href={source.url} target="_blank" rel="noreferrer" size="xs">
                  {t('insights.source.link')}
                </Anchor>
              </>
            )}
          </Text>
          <Text size="xs">{t('insights.source.finding', { finding: source.finding })}</Text>
          <Text size="xs">{t('insights.source.range', { range: source.range })}</Text>
        </Box>
      ))}
    </Stack>
  );
}

/**
 * The model's effect sizes, per kind of contact, turnout and persuasion apart, each with its
 * sources; editable (votes per 100 contacts) by whoever may change settings.
 */
export function EffectsSection({ settings }: { settings: EffectSettings }) {
  const t = useT();
  const [locale] = useLocale();
  const { can } = useSession();
  const editable = can('settings.write');
  const save = useSaveEffects();
  const [done, setDone] = useState<'saved' | 'reset' | null>(null);
  const form = useForm<EffectForm>({
    initialValues: toForm(settings.effects),
    validate: (values) => {
      const errors: Record<string, string> = {};
      for (const [path, problem] of Object.entries(effectFormProblems(values)))
        errors[path] =
          problem === 'number'
            ? t('insights.effect.error.number')
            : t('insights.effect.error.order');
      return errors;
    },
  });
  // Saved elsewhere or reset: the form shows what the server holds.
  const serverKey = JSON.stringify(settings.effects);
  useEffect(() => {
    form.setValues(toForm(settings.effects));
    form.resetDirty();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [serverKey]);

  const submit = form.onSubmit((values) => {
    setDone(null);
    save.mutate(fromForm(values), { onSuccess: () => setDone('saved') });
  });

  return (
    <Section title={t('insights.effects')} description={t('insights.effectsHelp')} anchor="effects">
      <Group gap="xs">
        <Badge color={settings.isDefault ? 'gray' : 'orange'} variant="light">
          {settings.isDefault ? t('insights.effectsDefault') : t('insights.effectsEdited')}
        </Badge>
        {!editable && (
          <Text size="xs" c="dimmed">
            {t('insights.effectsReadOnly')}
          </Text>
        )}
      </Group>
      <form onSubmit={submit} noValidate aria-label={t('insights.effects')}>
        <Stack gap="sm">
          {contactKinds.map((kind) => (
            <Paper withBorder p="sm" key={kind} component="fieldset" m={0}>
              <Title order={3} size="h5" component="legend" px={4}>
                {t(kindKeys[kind])}
              </Title>
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
                {effectTypes.map((type) => {
                  const central = Number(form.values[kind][type].central);
                  const per = Number.isFinite(central) ? contactsPerVote(central / 100) : null;
                  return (
                    <Stack gap={6} key={type}>
                      <Group gap="xs" justify="space-between">
                        <Text fw={600} size="sm">
                          {t(effectKeys[type])}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {per === null
                            ? t('insights.noEffect')
                            : t('insights.oneIn', { count: formatNumber(per, locale) })}
                        </Text>
                      </Group>
                      <Group gap="xs" grow align="flex-start">
                        {bounds.map((bound) => (
                          <NumberInput
                            key={bound}
                            label={t(boundKeys[bound])}
                            aria-label={t('insights.effect.label', {
                              kind: t(kindKeys[kind]),
                              effect: t(effectKeys[type]),
                              bound: t(boundKeys[bound]),
                            })}
                            min={0}
                            max={100}
                            step={0.1}
                            decimalScale={4}
                            decimalSeparator={locale === 'fr' ? ',' : '.'}
                            readOnly={!editable}
                            size="xs"
                            {...form.getInputProps(`${kind}.${type}.${bound}`)}
                          />
                        ))}
                      </Group>
                      <Sources settings={settings} kind={kind} type={type} />
                    </Stack>
                  );
                })}
              </SimpleGrid>
            </Paper>
          ))}
          <ErrorAlert message={save.error ? errorText(save.error, t) : null} />
          {done && (
            <Alert color="green" role="status">
              {done === 'saved' ? t('insights.effectsSaved') : t('insights.effectsReset')}
            </Alert>
          )}
          {editable && (
            <Group gap="sm">
              <Button type="submit" loading={save.isPending && save.variables !== null}>
                {t('insights.saveEffects')}
              </Button>
              <Button
                variant="default"
                disabled={settings.isDefault}
                loading={save.isPending && save.variables === null}
                onClick={() => {
                  setDone(null);
                  save.mutate(null, { onSuccess: () => setDone('reset') });
                }}
              >
                {t('insights.resetEffects')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Section>
  );
}
