import { Text } from '@mantine/core';

/** An address on one line, cut with an ellipsis when too long; the full one is in its title. */
export function EmailText({ email, maxWidth }: { email: string | null; maxWidth?: number }) {
  if (!email) return null;
  return (
    <Text size="sm" c="dimmed" truncate="end" title={email} maw={maxWidth ?? '100%'}>
      {email}
    </Text>
  );
}
