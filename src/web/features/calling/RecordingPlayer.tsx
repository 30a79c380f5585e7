import { recordingsApi, type Recording } from '../../../contracts/calling-media.ts';
import { urlOf } from '../../core/api.ts';
import { useT } from '../../core/i18n/index.tsx';

/** Plays a recording as the carrier will (the file is fetched when played). */
export function RecordingPlayer({ recording }: { recording: Recording }) {
  const t = useT();
  return (
    <audio
      controls
      preload="none"
      src={urlOf(recordingsApi.audio, { params: { id: recording.id } })}
      aria-label={t('calling.recordings.listenTo', { name: recording.name })}
      // A definite width: in a table cell or a phone's card a percentage would collapse it.
      style={{ display: 'block', width: 300, maxWidth: '100%' }}
    />
  );
}
