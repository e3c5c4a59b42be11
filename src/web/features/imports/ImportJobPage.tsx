import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { DateText } from '../../components/DateText.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { Notice } from '../../components/Notice.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { type ImportJob, isRunning, useCommitImport, useImportJob } from './api.ts';
import { JobCounts } from './JobCounts.tsx';
import { JobProgress } from './JobProgress.tsx';
import { ErrorTable, PreviewTable } from './JobTables.tsx';
import { StatusBadge } from './StatusBadge.tsx';

/** `/imports/:id`: a dry run's preview and errors with the way to commit, or a commit's progress. */
export default function ImportJobPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const job = useImportJob(id);

  if (job.isPending) return <LoadingState rows={6} />;
  if (job.error && !job.data) {
    return (
      <>
        <BackLink />
        <PageTitle title={t('imports.title')} />
        <ErrorAlert error={job.error} onRetry={() => void job.refetch()} />
      </>
    );
  }
  return <JobView job={job.data} pollError={job.error} />;
}

function JobView({ job, pollError }: { job: ImportJob; pollError: unknown }) {
  const { t } = useTranslation();
  const dryRun = job.mode === 'dry-run';
  const title = dryRun
    ? t('imports.job.dryRunTitle', { name: job.fileName })
    : job.status === 'done'
      ? t('imports.job.doneTitle')
      : t('imports.job.commitTitle', { name: job.fileName });

  return (
    <>
      <BackLink />
      <PageTitle
        title={title}
        intro={
          <>
            <StatusBadge status={job.status} /> {job.fileName} · <DateText value={job.createdAt} withTime />
          </>
        }
      />
      <Stack gap="lg" maw={960}>
        {pollError ? <ErrorAlert error={pollError} /> : null}
        <JobProgress job={job} />
        {job.status === 'failed' && (
          <Notice color="red" title={t('imports.job.failed')} role="alert">
            {job.failure && <Text size="sm">{job.failure}</Text>}
          </Notice>
        )}
        {!isRunning(job.status) && (
          <>
            {dryRun && job.status === 'done' && <Notice color="blue" title={t('imports.job.dryRunNote')} />}
            <JobCounts job={job} />
            {dryRun && job.status === 'done' && job.commitJobId && (
              <Committed commitJobId={job.commitJobId} />
            )}
            {dryRun && job.status === 'done' && !job.commitJobId && <CommitAction job={job} />}
            {dryRun && <PreviewTable job={job} />}
            <ErrorTable job={job} />
          </>
        )}
        {!dryRun && job.status === 'done' && (
          <Group>
            <Button component={Link} to="/persons" variant="default">
              {t('persons.title')}
            </Button>
            <Button component={Link} to="/imports" variant="default">
              {t('imports.job.another')}
            </Button>
          </Group>
        )}
      </Stack>
    </>
  );
}

function CommitAction({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const commit = useCommitImport(job.id);
  const importable = job.created + job.updated;
  if (importable === 0) {
    return <Notice color="yellow" title={t('imports.job.nothingToCommit')} />;
  }
  return (
    <Stack gap="xs">
      {commit.error && <ErrorAlert error={commit.error} />}
      <Group>
        <ConfirmButton
          label={t('imports.job.commit')}
          question={
            job.errorCount > 0
              ? t('imports.job.commitQuestion', { errors: job.errorCount })
              : t('imports.job.commitQuestionClean')
          }
          color="blue.8"
          size="md"
          loading={commit.isPending}
          onConfirm={() =>
            commit.mutateAsync().then(
              (next) => navigate(`/imports/${next.id}`),
              () => undefined,
            )
          }
        />
      </Group>
    </Stack>
  );
}

/** A dry run is committed once: after that it leads to its import instead of offering another. */
function Committed({ commitJobId }: { commitJobId: string }) {
  const { t } = useTranslation();
  return (
    <Notice color="green" title={t('imports.job.alreadyCommitted')}>
      <Anchor component={Link} to={`/imports/${commitJobId}`} size="sm">
        {t('imports.job.viewCommit')}
      </Anchor>
    </Notice>
  );
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/imports" size="sm" mb="xs" display="inline-block">
      ← {t('imports.title')}
    </Anchor>
  );
}
