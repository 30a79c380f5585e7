import { Button, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useId } from 'react';
import { useT } from '../../core/i18n/index.tsx';

interface Props {
  onClick: () => void;
  /** Without a filter or a search there is nothing to save: the button says why. */
  reasonDisabled: boolean;
}

export function SaveSegmentButton({ onClick, reasonDisabled }: Props) {
  const t = useT();
  const hintId = useId();
  const button = (
    <Button
      variant="default"
      leftSection={<IconDeviceFloppy size={16} aria-hidden />}
      // Not `disabled`: a disabled button cannot be focused, so its reason could not be read.
      data-disabled={reasonDisabled || undefined}
      aria-disabled={reasonDisabled || undefined}
      aria-describedby={reasonDisabled ? hintId : undefined}
      onClick={(event) => {
        if (reasonDisabled) event.preventDefault();
        else onClick();
      }}
    >
      {t('people.saveSegment')}
    </Button>
  );
  return (
    <>
      <Tooltip
        label={t('people.saveSegmentHint')}
        disabled={!reasonDisabled}
        events={{ hover: true, focus: true, touch: true }}
        withArrow
        multiline
        maw={260}
      >
        {button}
      </Tooltip>
      {reasonDisabled && <VisuallyHidden id={hintId}>{t('people.saveSegmentHint')}</VisuallyHidden>}
    </>
  );
}
