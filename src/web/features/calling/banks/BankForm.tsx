import { Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { PHONE_BANK_SCRIPT_MAX, type PhoneBank } from '../../../../contracts/phone-banks.ts';
import { useT } from '../../../core/i18n/index.tsx';
import { ErrorAlert } from '../../../core/ui/ErrorAlert.tsx';
import { Section } from '../../../core/ui/Section.tsx';
import { focusFirstError } from '../../../core/validation.ts';
import { WindowsFields } from '../WindowsFields.tsx';
import {
  applyBankProblem,
  bankPatch,
  bankRequest,
  bankValidation,
  editValues,
  emptyBank,
  type BankValues,
} from './bank-form.ts';
import { bankErrorText } from './bankErrors.ts';
import { AccessFields, QuestionnaireField, QueueFields, SegmentField } from './BankFields.tsx';
import { useCreatePhoneBank, useUpdatePhoneBank } from './hooks.ts';

/** A bank's settings: a new bank (saved as a draft) or the one given, with its committee's name. */
export function BankForm({
  bank,
  committeeName = null,
}: {
  bank: PhoneBank | null;
  committeeName?: string | null;
}) {
  const t = useT();
  const navigate = useNavigate();
  const create = useCreatePhoneBank();
  const update = useUpdatePhoneBank();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<BankValues>({
    initialValues: bank ? editValues(bank, committeeName) : emptyBank(),
    validate: bankValidation(t),
  });
  const submit = form.onSubmit((values) => {
    setFormError(null);
    const done = {
      onSuccess: (saved: PhoneBank) => {
        notifications.show({ color: 'green', message: t('banks.form.saved') });
        void navigate(`/hq/calling/banks/${saved.id}`);
      },
      onError: (error: unknown) => {
        setFormError(applyBankProblem(form, error, t, (failure) => bankErrorText(failure, t)));
        focusFirstError();
      },
    };
    if (bank) update.mutate({ id: bank.id, body: bankPatch(values, bank) }, done);
    else create.mutate(bankRequest(values), done);
  }, focusFirstError);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Section title={t('banks.form.general')}>
          <TextInput
            label={t('banks.form.name')}
            description={t('banks.form.nameHelp')}
            required
            maxLength={120}
            autoComplete="off"
            {...form.getInputProps('name')}
          />
          <SegmentField form={form} frozen={bank !== null && bank.status !== 'draft'} />
          <QuestionnaireField form={form} />
        </Section>
        <Section title={t('banks.form.script')} description={t('banks.form.scriptHelp')}>
          <Textarea
            label={t('banks.form.scriptLabel')}
            autosize
            minRows={6}
            maxRows={20}
            maxLength={PHONE_BANK_SCRIPT_MAX}
            {...form.getInputProps('script')}
          />
        </Section>
        <Section title={t('banks.form.who')}>
          <AccessFields form={form} />
        </Section>
        <Section title={t('banks.form.when')} description={t('banks.form.whenHelp')}>
          <WindowsFields form={form} />
        </Section>
        <Section title={t('banks.form.queue')} description={t('banks.form.queueHelp')}>
          <QueueFields form={form} />
        </Section>
        <ErrorAlert message={formError} />
        <Group>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {t(bank ? 'banks.form.save' : 'banks.form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
