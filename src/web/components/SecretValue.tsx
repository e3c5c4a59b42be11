import { Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A password or token shown once, with a copy button. */
export function SecretValue({ label, value, hint }: { label: string; value: string; hint?: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Text fw={700}>{label}</Text>
      <Group gap="sm" wrap="nowrap" align="center">
        <Code block fz="md" style={{ flex: 1 }} className="break-anywhere" aria-label={label}>
          {value}
        </Code>
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Button variant="outline" onClick={copy} aria-live="polite">
              {copied ? t('common.copied') : t('common.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
      {hint && (
        <Text size="sm" c="dimmed">
          {hint}
        </Text>
      )}
    </Stack>
  );
}
