import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';

/**
 * When a page fails to load or crashes (often: a new version was deployed
 * and an old chunk is gone), say so plainly and offer a reload.
 */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (error) console.error(error);
  return (
    <Container component="main" size={520} py="xl">
      <Stack align="flex-start">
        <Title order={1}>{t('common.errorTitle')}</Title>
        <Text>{t('common.pageFailed')}</Text>
        <Button onClick={() => window.location.reload()}>{t('common.reload')}</Button>
      </Stack>
    </Container>
  );
}
