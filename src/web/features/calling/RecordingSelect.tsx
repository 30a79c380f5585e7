import { Button, Group, Select, Stack } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useT } from '../../core/i18n/index.tsx';
import { AppModal } from '../../core/ui/AppModal.tsx';
import { recordingLabel } from './labels.ts';
import { useRecordings } from './media-hooks.ts';
import { RecordingPlayer } from './RecordingPlayer.tsx';
import { RecordingUploadForm } from './RecordingUploadForm.tsx';

/**
 * A recording of the campaign's, with a player for the one chosen, or a new one sent at once
 * (it is then chosen).
 */
export function RecordingSelect({
  label,
  description,
  placeholder,
  uploadLabel,
  value,
  onChange,
  error,
  required,
}: {
  label: string;
  description?: string;
  placeholder?: string;
  /** The button that sends a new recording for this field. */
  uploadLabel: string;
  value: string | null;
  onChange: (id: string | null) => void;
  error?: ReactNode;
  required?: boolean;
}) {
  const t = useT();
  const recordings = useRecordings();
  const [uploading, setUploading] = useState(false);
  const items = recordings.data?.items ?? [];
  const chosen = items.find((recording) => String(recording.id) === value);
  return (
    <Stack gap="xs">
      <Select
        label={label}
        description={description}
        placeholder={placeholder ?? t('calling.form.pickRecording')}
        data={items.map((recording) => ({
          value: String(recording.id),
          label: recordingLabel(recording),
        }))}
        value={value}
        onChange={onChange}
        error={error}
        required={required}
        clearable={!required}
        searchable
        nothingFoundMessage={t('calling.form.noRecording')}
      />
      {chosen && <RecordingPlayer recording={chosen} />}
      <Group>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconUpload size={16} aria-hidden />}
          onClick={() => setUploading(true)}
        >
          {uploadLabel}
        </Button>
      </Group>
      <AppModal opened={uploading} onClose={() => setUploading(false)} title={uploadLabel}>
        <RecordingUploadForm
          onUploaded={(recording) => {
            onChange(String(recording.id));
            setUploading(false);
          }}
        />
      </AppModal>
    </Stack>
  );
}
