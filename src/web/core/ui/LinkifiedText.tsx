import { Anchor } from '@mantine/core';
import type { ReactNode } from 'react';

const URL_PATTERN = /(https?:\/\/[^\s<>"']+)/g;

/** Plain text with http(s) addresses made clickable; everything else stays text. */
export function LinkifiedText({ text }: { text: string }) {
  const parts: ReactNode[] = text.split(URL_PATTERN).map((part, i) =>
    i % 2 === 1 ? (
      <Anchor key={i} href={part} rel="noopener noreferrer">
        {part}
      </Anchor>
    ) : (
      part
    ),
  );
  return (
    <pre
      className="levier-pre"
      style={{ fontFamily: 'inherit', fontSize: 'var(--mantine-font-size-sm)', margin: 0 }}
    >
      {parts}
    </pre>
  );
}
