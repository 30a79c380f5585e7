import { Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { errorText } from '../../core/errors.ts';
import { useT } from '../../core/i18n/index.tsx';
import { AppModal } from '../../core/ui/AppModal.tsx';
import { ModalFooter } from '../../core/ui/ModalFooter.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { CertificationChecklist } from './Certification.tsx';
import { useCertification, useCertify } from './hooks.ts';

/**
 * Staff grant or withdraw a committee's badge, after reading its checklist as it stands (the
 * audit log keeps that checklist with the decision).
 */
export function CertifyButton({
  committee,
}: {
  committee: { id: number; name: string; certified: boolean };
}) {
  const t = useT();
  const [opened, setOpened] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const certification = useCertification(committee.id, opened);
  const certify = useCertify(committee.id);
  const granting = !committee.certified;
  const close = () => {
    setOpened(false);
    setError(null);
  };
  const title = t(granting ? 'committees.certify.title' : 'committees.uncertify.title', {
    name: committee.name,
  });
  return (
    <>
      <Button
        size="xs"
        variant={granting ? 'light' : 'default'}
        color={granting ? 'green' : undefined}
        onClick={() => setOpened(true)}
        aria-label={t(granting ? 'committees.certifyNamed' : 'committees.uncertifyNamed', {
          name: committee.name,
        })}
      >
        {t(granting ? 'committees.certify' : 'committees.uncertify')}
      </Button>
      <AppModal opened={opened} onClose={close} title={title}>
        <Stack gap="md">
          <Text size="sm">
            {t(granting ? 'committees.certify.text' : 'committees.uncertify.text')}
          </Text>
          <QueryState query={certification}>
            {(data) => <CertificationChecklist certification={data} />}
          </QueryState>
          <ModalFooter
            error={error}
            onCancel={close}
            confirmLabel={t(granting ? 'committees.certify' : 'committees.uncertify')}
            color={granting ? 'green' : 'red'}
            loading={certify.isPending}
            onConfirm={() => {
              setError(null);
              certify.mutate(granting, {
                onSuccess: () => {
                  notifications.show({
                    color: 'green',
                    message: t(granting ? 'committees.certify.done' : 'committees.uncertify.done', {
                      name: committee.name,
                    }),
                  });
                  close();
                },
                onError: (failure) => setError(errorText(failure, t)),
              });
            }}
          />
        </Stack>
      </AppModal>
    </>
  );
}
