import { Alert, Button, FileButton, Group, Image, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Committee } from '../../../contracts/committees.ts';
import { errorText } from '../../core/errors.ts';
import { useT } from '../../core/i18n/index.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { useCommitteePhoto } from './hooks.ts';

const ACCEPTED = 'image/jpeg,image/png,image/webp,image/gif,image/heic,image/heif,image/avif';

/** The organisers' photo: chosen from the phone's gallery or a file, sent at once. */
export function CommitteePhoto({ committee }: { committee: Committee }) {
  const t = useT();
  const { upload, remove } = useCommitteePhoto(committee.id);
  const failure = upload.error ?? remove.error;
  const busy = upload.isPending || remove.isPending;
  const choose = (file: File | null) => {
    if (!file) return;
    remove.reset();
    upload.mutate(file, {
      onSuccess: () => notifications.show({ color: 'green', message: t('committees.photo.saved') }),
    });
  };
  return (
    <Section title={t('committees.photo.title')} description={t('committees.photo.hint')}>
      <Stack gap="sm">
        {committee.photoUrl ? (
          <Image
            src={committee.photoUrl}
            alt={t('committees.photo.alt', { name: committee.name })}
            radius="sm"
            maw={360}
          />
        ) : (
          <Text size="sm" c="dimmed">
            {t('committees.photo.none')}
          </Text>
        )}
        {failure && (
          <Alert color="red" role="alert">
            {errorText(failure, t)}
          </Alert>
        )}
        <Group gap="sm">
          <FileButton onChange={choose} accept={ACCEPTED} disabled={busy}>
            {(props) => (
              <Button {...props} loading={upload.isPending}>
                {t(committee.photoUrl ? 'committees.photo.replace' : 'committees.photo.choose')}
              </Button>
            )}
          </FileButton>
          {committee.photoUrl && (
            <Button
              variant="light"
              color="red"
              loading={remove.isPending}
              disabled={busy}
              onClick={() => {
                upload.reset();
                remove.mutate(undefined, {
                  onSuccess: () =>
                    notifications.show({ color: 'green', message: t('committees.photo.removed') }),
                });
              }}
            >
              {t('committees.photo.remove')}
            </Button>
          )}
        </Group>
      </Stack>
    </Section>
  );
}
