import { SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface Fact {
  label: string;
  value: ReactNode;
}

/** Label–value pairs as a description list: one column on phones, two on wider screens. */
export function FactList({ facts, cols = 2 }: { facts: readonly Fact[]; cols?: 1 | 2 | 3 }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: cols }} spacing="md" verticalSpacing="sm" component="dl" m={0}>
      {facts.map((f) => (
        <div key={f.label}>
          <Text component="dt" size="sm" c="dimmed">
            {f.label}
          </Text>
          <Text component="dd" fw={600} m={0} className="break-anywhere" style={{ whiteSpace: 'pre-line' }}>
            {f.value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}
