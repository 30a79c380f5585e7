import { ActionIcon, CopyButton, Group, TextInput, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useT } from '../../core/i18n/index.tsx';

/** A supporter's recruitment link, read-only and selected on focus, with a copy button. */
export function RecruitLinkField({ url }: { url: string }) {
  const t = useT();
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <TextInput
        label={t('me.recruitLink')}
        value={url}
        readOnly
        style={{ flex: 1, minWidth: 0 }}
        onFocus={(e) => e.currentTarget.select()}
      />
      <CopyButton value={url} timeout={2000}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t('common.copied') : t('common.copy')} withArrow>
            <ActionIcon
              size="lg"
              mb={2}
              variant={copied ? 'filled' : 'light'}
              color={copied ? 'teal' : undefined}
              onClick={copy}
              aria-label={copied ? t('common.copied') : t('me.copyLink')}
            >
              {copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
