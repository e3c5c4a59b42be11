import { EmptyState } from '@mantine/core';
import type { ReactNode } from 'react';

/** "Nothing here": a short title, a hint, maybe an action. Not a heading, so the outline stays clean. */
export function Empty({ title, hint, action }: { title: string; hint?: string; action?: ReactNode }) {
  return (
    <EmptyState title={title} description={hint} py="xl" withIndicatorBackground={false}>
      {action && <EmptyState.Actions>{action}</EmptyState.Actions>}
    </EmptyState>
  );
}
