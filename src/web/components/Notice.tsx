import { Alert, type AlertProps, Text } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props extends Omit<AlertProps, 'title'> {
  title: ReactNode;
  children?: ReactNode;
}

/**
 * An alert box whose title is bold text, not the box's accessible name, so a
 * message like "wrong username or password" never matches a field's label.
 */
export function Notice({ title, children, ...alert }: Props) {
  return (
    <Alert variant="light" {...alert}>
      <Text fw={700} size="sm">
        {title}
      </Text>
      {children}
    </Alert>
  );
}
