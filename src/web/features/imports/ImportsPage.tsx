import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle.tsx';
import { RecentImports } from './RecentImports.tsx';
import { UploadForm } from './UploadForm.tsx';

/** `/imports`: upload a file for a check, and the recent imports. */
export default function ImportsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t('imports.title')} intro={t('imports.intro')} />
      <Stack gap="xl" maw={960}>
        <UploadForm />
        <RecentImports />
      </Stack>
    </>
  );
}
