import { Button, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { applyProblem } from '../../core/errors.ts';
import { useT } from '../../core/i18n/index.tsx';
import { usePlaceRules } from '../../core/ui/CommuneField.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { usePageTitle } from '../../core/ui/usePageTitle.ts';
import { focusFirstError } from '../../core/validation.ts';
import { CommitteeFields } from './CommitteeFields.tsx';
import {
  byRequestFields,
  committeeRequest,
  createValidation,
  emptyCommittee,
  requestFields,
  type CommitteeValues,
} from './forms.ts';
import { useCreateCommittee } from './hooks.ts';

export function NewCommitteePage() {
  const t = useT();
  usePageTitle(t('committees.new.title'));
  const navigate = useNavigate();
  const create = useCreateCommittee();
  const [formError, setFormError] = useState<string | null>(null);
  const place = usePlaceRules();
  const form = useForm<CommitteeValues>({
    initialValues: emptyCommittee,
    validate: createValidation(t, place.validate),
  });
  const lookup = place.useLookup(form);

  const submit = form.onSubmit((values) => {
    setFormError(null);
    create.mutate(committeeRequest(values), {
      onSuccess: (committee) => {
        const held = committee.status === 'held';
        notifications.show({
          color: held ? 'orange' : 'green',
          message: t(held ? 'committees.created.held' : 'committees.created.published'),
          autoClose: held ? false : undefined,
        });
        void navigate(`/me/committees/${committee.id}/manage`);
      },
      onError: (error) => {
        setFormError(applyProblem(byRequestFields(form), error, t, requestFields));
        focusFirstError();
      },
    });
  }, focusFirstError);

  return (
    <Container size="sm" px={0}>
      <Stack gap="md">
        <Title order={1}>{t('committees.new.title')}</Title>
        <Text size="sm">{t('committees.new.intro')}</Text>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <CommitteeFields
              inputProps={(field) => form.getInputProps(field)}
              lookup={lookup}
              communeCode={form.values.communeCode}
              onCommuneChange={(code) => form.setFieldValue('communeCode', code)}
              communeError={form.errors.communeCode}
            />
            <ErrorAlert message={formError} />
            <Group>
              <Button type="submit" loading={create.isPending}>
                {t('committees.new.submit')}
              </Button>
              <Button component={Link} to="/me/committees" variant="default">
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Container>
  );
}
