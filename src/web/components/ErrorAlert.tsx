import { Button, List, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError, type FieldError } from '../app/api.ts';
import { Notice } from './Notice.tsx';

interface Props {
  error: unknown;
  onRetry?: () => void;
  /** Field errors already shown next to their fields: not repeated here. */
  shownFields?: readonly string[];
}

/** The general error box: the server's title and detail, or a plain-words fallback. */
export function ErrorAlert({ error, onRetry, shownFields }: Props) {
  const { t } = useTranslation();
  const { title, detail, rest } = describe(error, t, shownFields);

  return (
    <Notice color="red" title={title} role="alert">
      <Stack gap="xs">
        {detail && <Text size="sm">{detail}</Text>}
        {rest.length > 0 && (
          <List size="sm">
            {rest.map((e) => (
              <List.Item key={`${e.path}:${e.message}`}>
                {e.path ? `${e.path}: ` : ''}
                {e.message}
              </List.Item>
            ))}
          </List>
        )}
        {onRetry && isTransient(error) && (
          <div>
            <Button variant="outline" color="red.9" size="xs" onClick={onRetry}>
              {t('common.retry')}
            </Button>
          </div>
        )}
      </Stack>
    </Notice>
  );
}

/** `TFunction`, not `ReturnType<typeof useTranslation>['t']`: that form is too deep for tsc with many keys. */
type Translate = TFunction;

function describe(error: unknown, t: Translate, shownFields: readonly string[] = []) {
  if (!(error instanceof ApiError)) return { title: t('common.errorTitle'), detail: undefined, rest: [] };
  if (error.isNetwork) return { title: t('common.errorTitle'), detail: t('common.networkError'), rest: [] };
  const rest: FieldError[] = error.errors.filter((e) => !shownFields.includes(e.path));
  if (error.errors.length > 0) {
    return { title: rest.length === 0 ? t('common.fixFields') : error.title, detail: undefined, rest };
  }
  const fallback =
    error.status === 403 ? t('common.forbidden') : error.status === 404 ? t('common.notFound') : undefined;
  const title = error.title || fallback || t('common.errorTitle');
  return { title, detail: error.detail === title ? undefined : error.detail, rest };
}

/** Worth trying again: the network or the server failed, not the request. */
function isTransient(error: unknown): boolean {
  return !(error instanceof ApiError) || error.status === 0 || error.status >= 500;
}
