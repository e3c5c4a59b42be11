import { Button, CloseButton, FileButton, Group, Paper, Stack, Text } from '@mantine/core';
import { type DragEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

const ACCEPT =
  '.csv,.txt,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ALLOWED = /\.(csv|txt|xlsx)$/i;

interface Props {
  file: File | null;
  onFile: (file: File | null) => void;
  error?: string;
}

/** Drag a file onto the box, or press the button to pick one (the only way on a phone). */
export function FileDrop({ file, onFile, error }: Props) {
  const { t } = useTranslation();
  const [over, setOver] = useState(false);
  const [typeError, setTypeError] = useState<string | null>(null);

  function take(f: File | null) {
    if (f && !ALLOWED.test(f.name)) {
      setTypeError(t('imports.wrongType'));
      return;
    }
    setTypeError(null);
    onFile(f);
  }

  function drop(e: DragEvent<HTMLDivElement>) {
    e.preventDefault();
    setOver(false);
    take(e.dataTransfer.files[0] ?? null);
  }

  const shownError = typeError ?? error;
  return (
    <Paper
      withBorder
      p="lg"
      radius="md"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      style={{
        borderStyle: 'dashed',
        borderWidth: 2,
        borderColor: shownError
          ? 'var(--mantine-color-red-9)'
          : over
            ? 'var(--mantine-color-blue-8)'
            : 'var(--mantine-color-gray-5)',
        background: over ? 'var(--mantine-color-blue-0)' : undefined,
      }}
    >
      <Stack gap="sm" align="center" ta="center">
        <Text fw={600}>{over ? t('imports.dropActive') : t('imports.dropHere')}</Text>
        <Text size="sm" c="dimmed">
          {t('imports.fileTypes')}
        </Text>
        <FileButton onChange={take} accept={ACCEPT}>
          {(props) => (
            <Button {...props} size="md" variant={file ? 'default' : 'filled'}>
              {t('imports.chooseFile')}
            </Button>
          )}
        </FileButton>
        {file && (
          <Group gap="xs" wrap="nowrap" role="status">
            <Text fw={700} className="break-anywhere">
              {t('imports.chosen', { name: file.name, size: formatSize(file.size) })}
            </Text>
            <CloseButton aria-label={t('imports.removeFile')} onClick={() => take(null)} />
          </Group>
        )}
        {shownError && (
          <Text c="red.9" size="sm" role="alert">
            {shownError}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
