import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TransportRequestDto } from '../../../core/schemas/index.ts';
import { DateText } from '../../components/DateText.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { Notice } from '../../components/Notice.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useTransport } from './api.ts';
import { destinationOf, NeedsBadges, personLine, StatusBadge, TransportHistory } from './parts.tsx';
import { TransportActions } from './TransportActions.tsx';

/** `/transport/:id`: one ride, its status and history for both sides, and the moves the reader may make. */
export default function TransportPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const request = useTransport(id);

  if (request.isPending) return <LoadingState rows={6} />;
  if (request.error) {
    return (
      <>
        <BackLink />
        <PageTitle title={t('transport.title')} />
        <ErrorAlert error={request.error} onRetry={() => void request.refetch()} />
      </>
    );
  }
  return <Ride request={request.data} />;
}

function Ride({ request: r }: { request: TransportRequestDto }) {
  const { t } = useTranslation();
  const none = t('common.none');
  const facts: { label: string; value: ReactNode }[] = [
    {
      label: t('transport.field.person'),
      value: r.person ? (
        <Anchor component={Link} to={`/persons/${r.person.id}`}>
          {personLine(r, t)}
        </Anchor>
      ) : (
        personLine(r, t)
      ),
    },
    { label: t('transport.field.pickupAt'), value: <DateText value={r.pickupAt} withTime /> },
    { label: t('transport.field.pickupAddress'), value: r.pickupAddress ?? r.villageName ?? none },
    { label: t('transport.field.destination'), value: destinationOf(r) || none },
    { label: t('transport.field.provider'), value: r.providerName },
    {
      label: t('transport.field.requestedBy'),
      value: `${r.requestedBy.displayName}${r.requestedBy.organizationName ? ` (${r.requestedBy.organizationName})` : ''}`,
    },
    { label: t('transport.field.needs'), value: r.needs.length ? <NeedsBadges needs={r.needs} /> : none },
    { label: t('transport.field.note'), value: r.note || none },
  ];

  return (
    <>
      <BackLink />
      <PageTitle title={t('transport.title')} actions={<StatusBadge status={r.status} />} />
      <Stack gap="md">
        {r.view === 'pseudonymous' && <Notice color="gray" title={t('transport.pseudonymousHint')} />}
        <TransportActions request={r} />
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" component="dl" m={0}>
            {facts.map((f) => (
              <div key={f.label}>
                <Text component="dt" size="sm" c="dimmed">
                  {f.label}
                </Text>
                <Text
                  component="dd"
                  fw={600}
                  m={0}
                  className="break-anywhere"
                  style={{ whiteSpace: 'pre-line' }}
                >
                  {f.value}
                </Text>
              </div>
            ))}
          </SimpleGrid>
        </Paper>
        <Paper withBorder p="md" component="section" aria-labelledby="transport-history">
          <Title order={2} size="h3" id="transport-history" mb="sm">
            {t('transport.field.history')}
          </Title>
          <TransportHistory history={r.history} />
        </Paper>
        <Group>
          <Text size="sm" c="dimmed">
            {t('common.updatedAt')} <DateText value={r.updatedAt} withTime />
          </Text>
        </Group>
      </Stack>
    </>
  );
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/transport" size="sm" mb="xs" display="inline-block">
      ← {t('transport.back')}
    </Anchor>
  );
}
