import { Stack, Text } from '@mantine/core';

/** Plain text with blank lines as paragraph breaks (never rendered as HTML). */
export function Paragraphs({ text }: { text: string }) {
  const paragraphs = text.split(/\n\s*\n/).filter((p) => p.trim());
  return (
    <Stack gap="sm">
      {paragraphs.map((p, i) => (
        <Text key={i} style={{ whiteSpace: 'pre-line' }}>
          {p.trim()}
        </Text>
      ))}
    </Stack>
  );
}
