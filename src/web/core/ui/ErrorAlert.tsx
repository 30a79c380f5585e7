import { Alert, type MantineSpacing } from '@mantine/core';
import type { ReactNode } from 'react';

/** A failure announced to assistive technology; renders nothing while there is none. */
export function ErrorAlert({ message, mb }: { message: ReactNode; mb?: MantineSpacing }) {
  if (!message) return null;
  return (
    <Alert color="red" role="alert" mb={mb}>
      {message}
    </Alert>
  );
}
