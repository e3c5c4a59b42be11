import { Group, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  title: string;
  intro?: ReactNode;
  actions?: ReactNode;
}

/** The page's one h1, its intro line and its main actions; also names the browser tab. */
export function PageTitle({ title, intro, actions }: Props) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);

  return (
    <Group justify="space-between" align="flex-end" gap="sm" mb="lg" wrap="wrap">
      <Stack gap={4}>
        <Title order={1} fz={{ base: 'h2', sm: 'h1' }} className="break-anywhere">
          {title}
        </Title>
        {intro && <Text c="dimmed">{intro}</Text>}
      </Stack>
      {actions && <Group gap="sm">{actions}</Group>}
    </Group>
  );
}
