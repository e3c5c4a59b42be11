import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LiveState } from './live.ts';

const DOT: Record<LiveState, string> = {
  live: 'var(--mantine-color-teal-8)',
  connecting: 'var(--mantine-color-yellow-7)',
  offline: 'var(--mantine-color-gray-6)',
};

/** A small line that says whether the list updates by itself. */
export function LiveNote({ state }: { state: LiveState }) {
  const { t } = useTranslation();
  return (
    <Group gap={8} wrap="nowrap" data-live={state}>
      <span
        aria-hidden="true"
        style={{ width: 10, height: 10, borderRadius: '50%', background: DOT[state], flex: 'none' }}
      />
      <Text size="sm" c="dimmed">
        {t(`referrals.queue.${state}`)}
      </Text>
    </Group>
  );
}
