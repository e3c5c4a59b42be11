import { Loader, Skeleton, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Grey placeholder rows while a list or form loads; announced to screen readers. */
export function LoadingState({ rows = 4 }: { rows?: number }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" aria-busy="true">
      <VisuallyHidden role="status">{t('common.loading')}</VisuallyHidden>
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
        <Skeleton key={i} height={48} radius="md" />
      ))}
    </Stack>
  );
}

export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Stack align="center" py="xl" role="status">
      <Loader color="blue.8" />
      <Text c="dimmed">{t('app.loadingPage')}</Text>
    </Stack>
  );
}
