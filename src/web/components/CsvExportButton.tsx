import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from './ErrorAlert.tsx';
import { notifySuccess } from './notifySuccess.ts';

export interface CsvExportLabels {
  button: string;
  exporting: (count: number) => string;
  done: (count: number) => string;
}

/**
 * Downloads every row of a filtered list as CSV: fetches all pages first,
 * showing how many so far, then saves the file. One button for every list.
 */
export function CsvExportButton<T>(props: {
  fetchAll: (onProgress: (count: number) => void) => Promise<T[]>;
  toCsv: (rows: T[]) => string;
  fileStem: string;
  labels: CsvExportLabels;
  download: (fileName: string, text: string) => void;
}) {
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function run() {
    setError(null);
    setProgress(0);
    try {
      const rows = await props.fetchAll(setProgress);
      const day = new Date().toISOString().slice(0, 10);
      props.download(`${props.fileStem}-${day}.csv`, props.toCsv(rows));
      notifySuccess(props.labels.done(rows.length));
    } catch (e) {
      setError(e);
    } finally {
      setProgress(null);
    }
  }

  return (
    <Stack gap="xs">
      <Group>
        <Button variant="outline" onClick={() => void run()} loading={progress !== null}>
          {props.labels.button}
        </Button>
      </Group>
      {progress !== null && (
        <div role="status">
          <Progress value={100} animated striped aria-label={props.labels.button} />
          <Text size="sm" mt={4}>
            {props.labels.exporting(progress)}
          </Text>
        </div>
      )}
      {error !== null && <ErrorAlert error={error} />}
    </Stack>
  );
}
