import type { UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';
import type { Locale } from '../../../contracts/common.ts';
import { ApiError } from '../../core/api.ts';
import { applyProblem } from '../../core/errors.ts';
import { useT, type MessageKey } from '../../core/i18n/index.tsx';
import { focusFirstError } from '../../core/validation.ts';

/**
 * Submitting a settings form written in French and English: saves, then says so. A refusal, by
 * the form's own checks or the server's, puts each message under its field (the rest above the
 * button) and opens the language tab holding the first, so it can be seen and focused.
 */
export function useBilingualSubmit<Values extends Input, Input>({
  form,
  save,
  fields,
  savedMessage,
  tabWithError,
}: {
  form: UseFormReturnType<Values>;
  save: UseMutationResult<unknown, Error, Input>;
  /** The form's paths the server's field errors may name. */
  fields: readonly string[];
  savedMessage: MessageKey;
  tabWithError: (fields: string[]) => Locale | null;
}) {
  const t = useT();
  const [language, setLanguage] = useState<Locale>('fr');
  const [formError, setFormError] = useState<string | null>(null);

  const showErrors = (invalid: string[]) => {
    const tab = tabWithError(invalid);
    if (tab) setLanguage(tab);
    focusFirstError();
  };

  const submit = form.onSubmit(
    (values) => {
      setFormError(null);
      save.mutate(values, {
        onSuccess: () => {
          form.resetDirty();
          notifications.show({ color: 'green', message: t(savedMessage) });
        },
        onError: (error) => {
          setFormError(applyProblem(form, error, t, fields));
          if (error instanceof ApiError) showErrors(error.errors.map((e) => e.field));
        },
      });
    },
    (errors) => showErrors(Object.keys(errors)),
  );

  return { submit, language, setLanguage, formError };
}
