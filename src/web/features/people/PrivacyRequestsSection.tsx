import { Button, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { PrivacyRequest } from '../../../contracts/person-records.ts';
import { errorText } from '../../core/errors.ts';
import { useT } from '../../core/i18n/index.tsx';
import { ConfirmWordModal } from '../../core/ui/ConfirmWordModal.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { useAccessRequest, useErasureRequest } from './personRecordsHooks.ts';

/**
 * Access and erasure requests received by post or email: the same data file and the same
 * erasure as the person's own, each recorded with how the request came and its reference.
 */
export function PrivacyRequestsSection({ personId }: { personId: number }) {
  const t = useT();
  const navigate = useNavigate();
  const access = useAccessRequest(personId);
  const erase = useErasureRequest(personId);
  const [channel, setChannel] = useState<PrivacyRequest['channel']>('post');
  const [reference, setReference] = useState('');
  const [opened, { open, close }] = useDisclosure(false);
  const word = t('person.erasureWord');
  const request = { channel, reference: reference.trim() };
  const ready = request.reference.length > 0;

  return (
    <Section title={t('person.requests')} description={t('person.requestsText')}>
      <Stack gap="xs">
        <Text size="sm" fw={500} id="request-channel">
          {t('person.requestChannel')}
        </Text>
        <SegmentedControl
          aria-labelledby="request-channel"
          w="fit-content"
          data={[
            { value: 'post', label: t('person.requestByPost') },
            { value: 'email', label: t('person.requestByEmail') },
          ]}
          value={channel}
          onChange={(v) => setChannel(v as PrivacyRequest['channel'])}
        />
        <TextInput
          label={t('person.requestReference')}
          description={t('person.requestReferenceHint')}
          required
          maxLength={100}
          value={reference}
          onChange={(e) => setReference(e.currentTarget.value)}
        />
        <ErrorAlert message={access.isError ? errorText(access.error, t) : null} />
        <Group gap="xs">
          <Button
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
            disabled={!ready}
            loading={access.isPending}
            onClick={() => access.mutate(request)}
          >
            {t('person.accessRequest')}
          </Button>
          <Button
            color="red"
            variant="light"
            leftSection={<IconTrash size={16} aria-hidden />}
            disabled={!ready}
            onClick={open}
          >
            {t('person.erasureRequest')}
          </Button>
        </Group>
      </Stack>
      <ConfirmWordModal
        opened={opened}
        onClose={() => {
          close();
          erase.reset();
        }}
        title={t('person.erasureTitle')}
        text={t('person.erasureText')}
        word={word}
        typeLabel={t('person.erasureTypeLabel', { word })}
        confirmLabel={t('person.erasureConfirm')}
        onConfirm={() =>
          erase.mutate(request, {
            onSuccess: () => {
              close();
              notifications.show({ color: 'green', message: t('person.erased') });
              void navigate('/hq/people');
            },
          })
        }
        loading={erase.isPending}
        error={erase.isError ? errorText(erase.error, t) : null}
      />
    </Section>
  );
}
