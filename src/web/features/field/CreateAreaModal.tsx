import { Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { fieldProblems } from '../../../contracts/field-problems.ts';
import { targetAreaInputSchema } from '../../../contracts/field-turfs.ts';
import { translateCode } from '../../core/errors.ts';
import { useT } from '../../core/i18n/index.tsx';
import { AppModal } from '../../core/ui/AppModal.tsx';
import { ModalFooter } from '../../core/ui/ModalFooter.tsx';
import { areaInput, type AreaChoice } from './areaSelection.ts';
import { fieldCodeText, fieldErrorText } from './fieldErrors.ts';
import { useCreateArea } from './turfHooks.ts';

/** Names the area chosen, creates it and opens its page (where it is cut into turfs). */
export function CreateAreaModal({
  opened,
  onClose,
  choice,
  summary,
}: {
  opened: boolean;
  onClose: () => void;
  choice: AreaChoice;
  /** What is chosen, in a sentence. */
  summary: string;
}) {
  const t = useT();
  const navigate = useNavigate();
  const create = useCreateArea();
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const say = (code: string) => fieldCodeText(code, t) ?? translateCode(code, t);

  const submit = () => {
    setNameError(null);
    setError(null);
    const parsed = targetAreaInputSchema.safeParse(areaInput(choice, name));
    if (!parsed.success) {
      const problems = fieldProblems(parsed.error.issues);
      const onName = problems.find((p) => p.field === 'name');
      const other = problems.find((p) => p.field !== 'name');
      if (onName) setNameError(say(onName.code));
      if (other) setError(say(other.code));
      return;
    }
    create.mutate(parsed.data, {
      onSuccess: (area) => void navigate(`/hq/field/areas/${area.id}`),
      onError: (failure) => setError(fieldErrorText(failure, t)),
    });
  };

  return (
    <AppModal opened={opened} onClose={onClose} title={t('field.area.createTitle')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
        noValidate
      >
        <Stack gap="md">
          <Text size="sm">{summary}</Text>
          <TextInput
            label={t('field.area.name')}
            required
            maxLength={120}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={nameError}
            data-autofocus
          />
          <ModalFooter
            error={error}
            onCancel={onClose}
            confirmLabel={t('field.area.create')}
            loading={create.isPending}
          />
        </Stack>
      </form>
    </AppModal>
  );
}
