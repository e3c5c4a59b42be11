import { Button, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WellbeingReport } from '../../../core/schemas/report.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { notifySuccess } from '../../components/notifySuccess.ts';
import { downloadText } from '../organizations/csv.ts';
import { useLang } from '../screenings/instruments.ts';
import {
  type ExportContext,
  fileHeading,
  reportFileName,
  reportSections,
  sectionsCsv,
} from './exportRows.ts';
import type { ReportParams } from './params.ts';

/** Saves a finished file under its name (what `downloadText` does for text, for any blob). */
function saveBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The figures on screen as CSV or as an Excel workbook (ExcelJS loads on the first click). */
export function ExportButtons({
  report,
  params,
  scopeName,
  period,
}: {
  report: WellbeingReport;
  params: ReportParams;
  scopeName: string;
  period: string;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const [busy, setBusy] = useState<'csv' | 'xlsx' | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function run(kind: 'csv' | 'xlsx') {
    setError(null);
    setBusy(kind);
    try {
      const ctx: ExportContext = { t, lang, scopeName, period };
      const heading = fileHeading(ctx, report.suppressed);
      const sections = reportSections(report, ctx);
      const name = reportFileName(params, kind);
      if (kind === 'csv') downloadText(name, sectionsCsv(heading, sections));
      else {
        const { reportWorkbook } = await import('./xlsx.ts');
        saveBlob(name, await reportWorkbook(heading, sections));
      }
      notifySuccess(t('reports.export.done', { name }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }

  return (
    <Stack gap="xs">
      <Group gap="sm">
        <Button variant="outline" size="md" loading={busy === 'csv'} onClick={() => void run('csv')}>
          {t('reports.export.csv')}
        </Button>
        <Button variant="outline" size="md" loading={busy === 'xlsx'} onClick={() => void run('xlsx')}>
          {t('reports.export.xlsx')}
        </Button>
      </Group>
      {error !== null && <ErrorAlert error={error} />}
    </Stack>
  );
}
