import {
  Button,
  Group,
  NumberInput,
  Paper,
  Stack,
  Switch,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { CommitteeRules } from '../../../contracts/committees.ts';
import { applyProblem } from '../../core/errors.ts';
import { useT } from '../../core/i18n/index.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { usePageTitle } from '../../core/ui/usePageTitle.ts';
import { focusFirstError } from '../../core/validation.ts';
import {
  ruleBounds,
  rulesRequest,
  rulesValidation,
  rulesValues,
  type RulesValues,
} from './forms.ts';
import { useCommitteeRules, useSetCommitteeRules } from './hooks.ts';

const FIELDS = ['requireConfirmedEmail', 'maxLedPerPerson', 'createdPerDay', 'forbiddenWords'];

function RulesForm({ rules }: { rules: CommitteeRules }) {
  const t = useT();
  const save = useSetCommitteeRules();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<RulesValues>({
    initialValues: rulesValues(rules),
    validate: rulesValidation(t),
  });
  const submit = form.onSubmit((values) => {
    setFormError(null);
    save.mutate(rulesRequest(values), {
      onSuccess: (saved) => {
        // The server drops repeated words: the form shows what is kept.
        form.setValues(rulesValues(saved));
        form.resetDirty(rulesValues(saved));
        notifications.show({ color: 'green', message: t('committees.rules.saved') });
      },
      onError: (error) => {
        setFormError(applyProblem(form, error, t, FIELDS));
        focusFirstError();
      },
    });
  }, focusFirstError);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Switch
          label={t('committees.rules.requireConfirmedEmail')}
          {...form.getInputProps('requireConfirmedEmail', { type: 'checkbox' })}
        />
        <NumberInput
          label={t('committees.rules.maxLedPerPerson')}
          min={ruleBounds.maxLedPerPerson.min}
          max={ruleBounds.maxLedPerPerson.max}
          allowDecimal={false}
          allowNegative={false}
          maw={320}
          {...form.getInputProps('maxLedPerPerson')}
        />
        <NumberInput
          label={t('committees.rules.createdPerDay')}
          min={ruleBounds.createdPerDay.min}
          max={ruleBounds.createdPerDay.max}
          allowDecimal={false}
          allowNegative={false}
          maw={320}
          {...form.getInputProps('createdPerDay')}
        />
        <Textarea
          label={t('committees.rules.forbiddenWords')}
          description={t('committees.rules.forbiddenWordsHint')}
          autosize
          minRows={4}
          maxRows={16}
          {...form.getInputProps('forbiddenWords')}
        />
        <ErrorAlert message={formError} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function CommitteeRulesPage() {
  const t = useT();
  usePageTitle(t('committees.rules.title'));
  const rules = useCommitteeRules();
  return (
    <Stack gap="md" maw={720}>
      <Title order={1}>{t('committees.rules.title')}</Title>
      <Text size="sm">{t('committees.rules.intro')}</Text>
      <Paper withBorder p="md">
        <QueryState query={rules}>{(data) => <RulesForm rules={data} />}</QueryState>
      </Paper>
    </Stack>
  );
}
