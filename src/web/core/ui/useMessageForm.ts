import { useForm, type FormValidateInput } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';
import { applyProblem } from '../errors.ts';
import type { Translate } from '../i18n/index.tsx';
import { focusFirstError } from '../validation.ts';

/**
 * A form that sends a message to several people: emptied once sent, with a notice of how many
 * it went to; the server's refusals land on their fields or above the button.
 */
// `any`, as @mantine/form's own constraint: a form's values are interfaces, without the index
// signature `unknown` would require.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function useMessageForm<Values extends Record<string, any>, Body>(options: {
  t: Translate;
  initialValues: Values;
  validate: FormValidateInput<Values>;
  send: UseMutationResult<{ recipients: number }, Error, Body>;
  request: (values: Values) => Body;
  fields: readonly string[];
  sentText: (recipients: number) => string;
}) {
  const { t, send, request, fields, sentText } = options;
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: options.initialValues,
    validate: options.validate,
  });
  const submit = form.onSubmit((values) => {
    setFormError(null);
    send.mutate(request(values), {
      onSuccess: (sent) => {
        form.reset();
        notifications.show({ color: 'green', message: sentText(sent.recipients) });
      },
      onError: (error) => {
        setFormError(applyProblem(form, error, t, fields));
        focusFirstError();
      },
    });
  }, focusFirstError);
  return { form, submit, formError };
}
