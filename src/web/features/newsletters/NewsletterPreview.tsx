import { Box, Group, Loader, SegmentedControl, Stack, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useId, useState } from 'react';
import type { NewsletterPreviewInput } from '../../../contracts/newsletters.ts';
import { useT } from '../../core/i18n/index.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { useIsPhone } from '../../core/ui/useIsPhone.ts';
import { useNewsletterPreview } from './hooks.ts';
import { PREVIEW_WIDTHS, type PreviewWidth } from './newsletter-form.ts';
import { newsletterErrorText } from './newsletterErrors.ts';

/** The frame's height before it is scaled to the column. */
const FRAME_HEIGHT = 640;

/**
 * The mail at a mail client's width, scaled down when the column is narrower (so a phone sees
 * the whole computer layout). The server's HTML runs in a frame that may do nothing: no script,
 * no form, no navigation of this page.
 */
function MailFrame({ html, width, title }: { html: string; width: number; title: string }) {
  const { ref, width: room } = useElementSize();
  const scale = room > 0 ? Math.min(1, room / width) : 1;
  return (
    <Box ref={ref} w="100%">
      <Box
        w={width * scale}
        h={FRAME_HEIGHT * scale}
        mx="auto"
        style={{ overflow: 'hidden', border: '1px solid var(--mantine-color-default-border)' }}
      >
        <iframe
          title={title}
          srcDoc={html}
          sandbox=""
          style={{
            width,
            height: FRAME_HEIGHT,
            border: 0,
            display: 'block',
            background: 'white',
            transform: `scale(${scale})`,
            transformOrigin: '0 0',
          }}
        />
      </Box>
    </Box>
  );
}

/**
 * The newsletter as the staff member would receive it, asked again as the text changes; the
 * frame at a computer's or a phone's width.
 */
export function NewsletterPreview({
  input,
  tooLong = false,
}: {
  /** Null while there is nothing to show. */
  input: NewsletterPreviewInput | null;
  /** Something is too long to be previewed (the editor says what under its field). */
  tooLong?: boolean;
}) {
  const t = useT();
  const widthLabel = useId();
  // A phone sees first what phones will show; the computer's layout is a tap away.
  const phone = useIsPhone();
  const [width, setWidth] = useState<PreviewWidth>(phone ? 'phone' : 'desktop');
  const preview = useNewsletterPreview(input);
  const shown = input !== null ? preview.data : undefined;
  return (
    <Section title={t('newsletters.preview.title')} description={t('newsletters.preview.intro')}>
      <Stack gap={4}>
        <Text size="sm" fw={500} id={widthLabel}>
          {t('newsletters.preview.width')}
        </Text>
        <SegmentedControl
          aria-labelledby={widthLabel}
          value={width}
          onChange={(value) => setWidth(value as PreviewWidth)}
          data={[
            { value: 'desktop', label: t('newsletters.preview.desktop') },
            { value: 'phone', label: t('newsletters.preview.phone') },
          ]}
          maw={320}
        />
      </Stack>
      {input === null ? (
        <Text size="sm" c={tooLong ? 'red.8' : 'dimmed'}>
          {t(tooLong ? 'newsletters.preview.tooLong' : 'newsletters.preview.empty')}
        </Text>
      ) : (
        <>
          <ErrorAlert message={preview.error ? newsletterErrorText(preview.error, t) : null} />
          {shown ? (
            <Stack gap="xs">
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere', flex: 1 }}>
                  {t('newsletters.preview.subject', { subject: shown.subject })}
                </Text>
                {preview.isFetching && (
                  <Loader size="xs" aria-label={t('newsletters.preview.updating')} />
                )}
              </Group>
              <MailFrame
                html={shown.html}
                width={PREVIEW_WIDTHS[width]}
                title={t('newsletters.preview.frame')}
              />
            </Stack>
          ) : (
            !preview.error && <Loader size="sm" aria-label={t('newsletters.preview.updating')} />
          )}
        </>
      )}
    </Section>
  );
}
