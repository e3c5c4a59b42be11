import { useTranslation } from 'react-i18next';
import { CsvExportButton } from '../../components/CsvExportButton.tsx';
import { downloadText } from '../organizations/csv.ts';
import { fetchAllPersons } from './api.ts';
import { personsCsv } from './csv.ts';
import type { PersonFilters } from './filters.ts';

/** Downloads everyone matching the filters as CSV. */
export function PersonExportButton({ filters }: { filters: PersonFilters }) {
  const { t, i18n } = useTranslation();
  return (
    <CsvExportButton
      fetchAll={(onProgress) => fetchAllPersons(filters, onProgress)}
      toCsv={(rows) => personsCsv(rows, t, i18n.language === 'en' ? 'en' : 'th')}
      fileStem="persons"
      download={downloadText}
      labels={{
        button: t('persons.exportCsv'),
        exporting: (count) => t('persons.exporting', { count }),
        done: (count) => t('persons.exportDone', { count }),
      }}
    />
  );
}
