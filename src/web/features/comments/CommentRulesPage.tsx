import {
  Button,
  Group,
  NumberInput,
  Paper,
  Radio,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { CommentRules } from '../../../contracts/comments.ts';
import { useT } from '../../core/i18n/index.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { usePageTitle } from '../../core/ui/usePageTitle.ts';
import { focusFirstError } from '../../core/validation.ts';
import {
  ruleBounds,
  rulesProblems,
  rulesRequest,
  rulesValidation,
  rulesValues,
  type CommentRulesValues,
} from './forms.ts';
import { useCommentRules, useSetCommentRules } from './hooks.ts';

function RulesForm({ rules }: { rules: CommentRules }) {
  const t = useT();
  const save = useSetCommentRules();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<CommentRulesValues>({
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
        notifications.show({ color: 'green', message: t('comments.rules.saved') });
      },
      onError: (error) => {
        const problems = rulesProblems(values, error, t);
        form.setErrors(problems.errors);
        setFormError(problems.formError);
        focusFirstError();
      },
    });
  }, focusFirstError);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Radio.Group label={t('comments.rules.who')} {...form.getInputProps('who')}>
          <Stack gap="xs" mt="xs">
            <Radio value="supporters" label={t('comments.rules.who.supporters')} />
            <Radio value="confirmed" label={t('comments.rules.who.confirmed')} />
          </Stack>
        </Radio.Group>
        <NumberInput
          label={t('comments.rules.openDays')}
          description={t('comments.rules.openDaysHint')}
          min={ruleBounds.openDays.min}
          max={ruleBounds.openDays.max}
          allowDecimal={false}
          allowNegative={false}
          maw={420}
          {...form.getInputProps('openDays')}
        />
        <NumberInput
          label={t('comments.rules.perHour')}
          description={t('comments.rules.perHourHint')}
          min={ruleBounds.perHour.min}
          max={ruleBounds.perHour.max}
          allowDecimal={false}
          allowNegative={false}
          maw={420}
          {...form.getInputProps('perHour')}
        />
        <Textarea
          label={t('comments.rules.forbiddenWords')}
          description={t('comments.rules.forbiddenWordsHint')}
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

/** The comment rules (`/api/comments/rules`), for those who moderate. */
export function CommentRulesPage() {
  const t = useT();
  usePageTitle(t('comments.rules.title'));
  const rules = useCommentRules();
  return (
    <Stack gap="md" maw={720}>
      <Title order={1}>{t('comments.rules.title')}</Title>
      <Text size="sm">{t('comments.rules.intro')}</Text>
      <Paper withBorder p="md">
        <QueryState query={rules}>{(data) => <RulesForm rules={data} />}</QueryState>
      </Paper>
    </Stack>
  );
}
