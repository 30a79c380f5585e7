import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Group,
  NumberInput,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ModerationRules } from '../../../contracts/moderation.ts';
import { applyProblem, errorText } from '../../core/errors.ts';
import { formatDate, formatDateTime } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { ResponsiveTable } from '../../core/ui/ResponsiveTable.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { usePageTitle } from '../../core/ui/usePageTitle.ts';
import { focusFirstError } from '../../core/validation.ts';
import {
  MAX_RULES,
  newRule,
  RULE_FIELDS,
  ruleBounds,
  rulesRequest,
  rulesValidation,
  rulesValues,
  type RulesValues,
} from './forms.ts';
import {
  useLiftSanction,
  useModerationRules,
  useSanctions,
  useSetModerationRules,
} from './hooks.ts';

function CurrentSanctions() {
  const t = useT();
  const [locale] = useLocale();
  const sanctions = useSanctions();
  const lift = useLiftSanction();
  const [error, setError] = useState<string | null>(null);
  const nameOf = (sanction: { personId: number; personName: string | null }) =>
    sanction.personName || t('moderation.sanctions.unnamed', { id: sanction.personId });
  return (
    <Section title={t('moderation.sanctions.current')}>
      <ErrorAlert message={error} />
      <QueryState query={sanctions}>
        {(list) =>
          list.length === 0 ? (
            <Text size="sm">{t('moderation.sanctions.empty')}</Text>
          ) : (
            <ResponsiveTable
              items={list}
              label={t('moderation.sanctions.current')}
              rowKey={(sanction) => sanction.id}
              columns={[
                {
                  header: t('moderation.sanctions.person'),
                  title: true,
                  cell: (sanction) => nameOf(sanction),
                },
                {
                  header: t('moderation.sanctions.kind'),
                  cell: (sanction) => (
                    <Badge color={sanction.kind === 'ban' ? 'red' : 'orange'} variant="light">
                      {t(`moderation.sanction.${sanction.kind}`)}
                    </Badge>
                  ),
                },
                {
                  header: t('moderation.sanctions.until'),
                  nowrap: true,
                  cell: (sanction) =>
                    sanction.until
                      ? formatDate(sanction.until, locale)
                      : t('moderation.sanctions.untilLifted'),
                },
                {
                  header: t('moderation.sanctions.reason'),
                  cell: (sanction) => (
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {sanction.reason}
                    </Text>
                  ),
                },
                {
                  header: t('moderation.sanctions.since'),
                  nowrap: true,
                  cell: (sanction) => formatDateTime(sanction.at, locale),
                },
                {
                  header: t('common.actions'),
                  cell: (sanction) => (
                    <Button
                      size="xs"
                      variant="light"
                      aria-label={t('moderation.sanctions.liftNamed', { name: nameOf(sanction) })}
                      loading={lift.isPending && lift.variables === sanction.id}
                      onClick={() => {
                        setError(null);
                        lift.mutate(sanction.id, {
                          onSuccess: () =>
                            notifications.show({
                              color: 'green',
                              message: t('moderation.sanctions.lifted', {
                                name: nameOf(sanction),
                              }),
                            }),
                          onError: (failure) => setError(errorText(failure, t)),
                        });
                      }}
                    >
                      {t('moderation.sanctions.lift')}
                    </Button>
                  ),
                },
              ]}
            />
          )
        }
      </QueryState>
    </Section>
  );
}

function RulesForm({ rules }: { rules: ModerationRules }) {
  const t = useT();
  const save = useSetModerationRules();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<RulesValues>({
    initialValues: rulesValues(rules),
    validate: rulesValidation(t),
  });
  const fields = form.values.rules.flatMap((_, i) => RULE_FIELDS.map((f) => `rules.${i}.${f}`));
  const submit = form.onSubmit((values) => {
    setFormError(null);
    save.mutate(rulesRequest(values), {
      onSuccess: (saved) => {
        form.setValues(rulesValues(saved));
        form.resetDirty(rulesValues(saved));
        notifications.show({ color: 'green', message: t('moderation.rules.saved') });
      },
      onError: (error) => {
        setFormError(applyProblem(form, error, t, fields));
        focusFirstError();
      },
    });
  }, focusFirstError);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {form.values.rules.length === 0 && <Text size="sm">{t('moderation.rules.empty')}</Text>}
        {form.values.rules.map((_, index) => (
          <Group
            key={index}
            align="flex-end"
            gap="sm"
            role="group"
            aria-label={t('moderation.rules.rule', { number: index + 1 })}
          >
            <Text fw={600} w={70}>
              {t('moderation.rules.rule', { number: index + 1 })}
            </Text>
            {RULE_FIELDS.map((field) => (
              <NumberInput
                key={field}
                label={t(`moderation.rules.${field}`)}
                min={ruleBounds[field].min}
                max={ruleBounds[field].max}
                allowDecimal={false}
                allowNegative={false}
                w={150}
                {...form.getInputProps(`rules.${index}.${field}`)}
              />
            ))}
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              aria-label={t('moderation.rules.remove', { number: index + 1 })}
              onClick={() => form.removeListItem('rules', index)}
            >
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
        <ErrorAlert message={formError} />
        <Group>
          {form.values.rules.length < MAX_RULES && (
            <Button variant="light" onClick={() => form.insertListItem('rules', { ...newRule })}>
              {t('moderation.rules.add')}
            </Button>
          )}
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Sanctions in force, to lift; and the repeat-offender rules that give suspensions. */
export function SanctionsPage() {
  const t = useT();
  usePageTitle(t('moderation.sanctions.title'));
  const rules = useModerationRules();
  return (
    <Stack gap="md" maw={960}>
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('moderation.sanctions.title')}</Title>
        <Anchor component={Link} to="/hq/moderation" size="sm">
          {t('moderation.sanctions.back')}
        </Anchor>
      </Group>
      <Text size="sm">{t('moderation.sanctions.intro')}</Text>
      <CurrentSanctions />
      <Section title={t('moderation.rules.title')} description={t('moderation.rules.intro')}>
        <QueryState query={rules}>{(data) => <RulesForm rules={data} />}</QueryState>
      </Section>
    </Stack>
  );
}
