import { useTranslation } from 'react-i18next';
import { CsvExportButton } from '../../components/CsvExportButton.tsx';
import { fetchAllOrganizations } from './api.ts';
import { downloadText, organizationsCsv } from './csv.ts';
import type { OrganizationFilters } from './filters.ts';

/** Downloads every organisation matching the filters as CSV. */
export function ExportButton({ filters }: { filters: OrganizationFilters }) {
  const { t, i18n } = useTranslation();
  return (
    <CsvExportButton
      fetchAll={(onProgress) => fetchAllOrganizations(filters, onProgress)}
      toCsv={(rows) => organizationsCsv(rows, t, i18n.language === 'en' ? 'en' : 'th')}
      fileStem="organizations"
      download={downloadText}
      labels={{
        button: t('organizations.exportCsv'),
        exporting: (count) => t('organizations.exporting', { count }),
        done: (count) => t('organizations.exportDone', { count }),
      }}
    />
  );
}
