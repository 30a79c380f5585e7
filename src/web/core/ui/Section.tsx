import { Paper, Stack, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';

/** A titled card grouping one task of a page. */
export function Section({
  title,
  description,
  children,
  anchor,
}: {
  title: string;
  description?: string;
  children: ReactNode;
  /** The section's id, for a link that leads to it (`#anchor`). */
  anchor?: string;
}) {
  const id = useId();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id} id={anchor}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {description && (
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        )}
        {children}
      </Stack>
    </Paper>
  );
}
