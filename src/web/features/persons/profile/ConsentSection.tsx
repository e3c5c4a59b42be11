import { Badge, Group, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../core/schemas/index.ts';
import { consentPurposes } from '../../../../core/schemas/person.ts';
import { DateText } from '../../../components/DateText.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { LoadingState } from '../../../components/LoadingState.tsx';
import { useCan } from '../../auth/session.ts';
import { type ConsentState, useConsents } from '../api.ts';
import { ConsentDialog } from './ConsentDialog.tsx';

const STATE_KEY = { collect: 'collect', share_group: 'shareGroup', share_agencies: 'shareAgencies' } as const;

/** PDPA consent: what is in force now, how to change it, and every earlier answer. */
export function ConsentSection({ person }: { person: Person }) {
  const { t } = useTranslation();
  const can = useCan();
  const consents = useConsents(person.id);
  const state: ConsentState = consents.data?.state ?? person.consent;
  const mayRecord =
    !person.mergedInto && can({ action: 'consent.record', areaCode: person.address.areaCode });
  const everGiven = new Set((consents.data?.items ?? []).filter((c) => c.granted).map((c) => c.purpose));

  return (
    <Stack gap="md">
      <Text c="dimmed">{t('persons.consent.intro')}</Text>
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {consentPurposes.map((purpose) => {
          const granted = state[STATE_KEY[purpose]];
          return (
            <Paper component="li" key={purpose} withBorder p="md">
              <Group justify="space-between" gap="sm">
                <div>
                  <Text fw={700}>{t(`persons.consent.purposes.${purpose}`)}</Text>
                  <Badge variant="light" color={granted ? 'teal' : 'gray'} mt={4}>
                    {granted
                      ? t('persons.consent.granted')
                      : everGiven.has(purpose)
                        ? t('persons.consent.withdrawnState')
                        : t('persons.consent.notGranted')}
                  </Badge>
                </div>
                {mayRecord && <ConsentDialog personId={person.id} purpose={purpose} grant={!granted} />}
              </Group>
            </Paper>
          );
        })}
      </Stack>
      <section aria-labelledby="consent-log">
        <Title order={3} size="h4" id="consent-log" mb="sm">
          {t('persons.consent.log')}
        </Title>
        {consents.isPending ? (
          <LoadingState rows={2} />
        ) : consents.error ? (
          <ErrorAlert error={consents.error} onRetry={() => void consents.refetch()} />
        ) : consents.data.items.length === 0 ? (
          <Text c="dimmed">{t('persons.consent.noLog')}</Text>
        ) : (
          <Timeline bulletSize={14} lineWidth={2} active={-1}>
            {consents.data.items.map((c) => (
              <Timeline.Item
                key={c.id}
                title={`${t(`persons.consent.purposes.${c.purpose}`)}: ${
                  c.granted ? t('persons.consent.granted') : t('persons.consent.withdrawnState')
                }`}
              >
                <Text size="sm">
                  <DateText value={c.recordedAt} withTime /> · {t(`enums.consentMethod.${c.method}`)}
                </Text>
                {c.witnessName && (
                  <Text size="sm">{t('persons.consent.witnessBy', { name: c.witnessName })}</Text>
                )}
                {c.note && (
                  <Text size="sm" c="dimmed">
                    {c.note}
                  </Text>
                )}
              </Timeline.Item>
            ))}
          </Timeline>
        )}
      </section>
    </Stack>
  );
}
