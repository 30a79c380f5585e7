import { Anchor, Button, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router';
import type { CertificationCriteria } from '../../../contracts/committees.ts';
import { applyProblem } from '../../core/errors.ts';
import { useT } from '../../core/i18n/index.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { usePageTitle } from '../../core/ui/usePageTitle.ts';
import { focusFirstError } from '../../core/validation.ts';
import {
  criteriaBounds,
  criteriaFields,
  criteriaRequest,
  criteriaValidation,
  type CriteriaValues,
} from './forms.ts';
import { useCertificationCriteria, useSetCertificationCriteria } from './hooks.ts';

function CriteriaForm({ criteria }: { criteria: CertificationCriteria }) {
  const t = useT();
  const save = useSetCertificationCriteria();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<CriteriaValues>({
    initialValues: criteria,
    validate: criteriaValidation(t),
  });
  const submit = form.onSubmit((values) => {
    setFormError(null);
    save.mutate(criteriaRequest(values), {
      onSuccess: (saved) => {
        form.resetDirty(saved);
        notifications.show({ color: 'green', message: t('committees.criteria.saved') });
      },
      onError: (error) => {
        setFormError(applyProblem(form, error, t, criteriaFields));
        focusFirstError();
      },
    });
  }, focusFirstError);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {criteriaFields.map((field) => (
          <NumberInput
            key={field}
            label={t(`committees.criteria.${field}`)}
            min={criteriaBounds[field].min}
            max={criteriaBounds[field].max}
            allowDecimal={false}
            allowNegative={false}
            maw={360}
            {...form.getInputProps(field)}
          />
        ))}
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

/** What a committee must show before staff certify it; each checklist is measured against it. */
export function CertificationCriteriaPage() {
  const t = useT();
  usePageTitle(t('committees.criteria.title'));
  const criteria = useCertificationCriteria();
  return (
    <Stack gap="md" maw={720}>
      <Anchor component={Link} to="/hq/committees" size="sm">
        {t('committees.criteria.back')}
      </Anchor>
      <Title order={1}>{t('committees.criteria.title')}</Title>
      <Text size="sm">{t('committees.criteria.intro')}</Text>
      <Paper withBorder p="md">
        <QueryState query={criteria}>{(data) => <CriteriaForm criteria={data} />}</QueryState>
      </Paper>
    </Stack>
  );
}
