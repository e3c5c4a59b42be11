import {
  Anchor,
  Button,
  Checkbox,
  Chip,
  Group,
  Paper,
  Radio,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { placeOf } from '../../../core/policy/index.ts';
import type { Person } from '../../../core/schemas/index.ts';
import {
  type ReferralDiscipline,
  type ReferralUrgency,
  referralCreate,
  referralDisciplines,
  referralUrgencies,
} from '../../../core/schemas/referral.ts';
import { formatDate } from '../../../core/thai/buddhistEra.ts';
import { fieldErrorsFor, schemaErrors, shownPaths } from '../../app/validation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { Notice } from '../../components/Notice.tsx';
import { notifySuccess } from '../../components/notifySuccess.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useCan } from '../auth/session.ts';
import { OrganizationSelect } from '../organizations/OrganizationSelect.tsx';
import { usePerson } from '../persons/api.ts';
import { personName } from '../persons/labels.ts';
import { usePersonPlans } from '../plans/api.ts';
import { usePersonScreenings } from '../screenings/api.ts';
import { WELLBEING } from '../screenings/instruments.ts';
import { useCreateReferral } from './api.ts';
import { dueWithin } from './parts.tsx';

const FIELDS = [
  'toOrganizationId',
  'reason',
  'urgency',
  'disciplines',
  'share.screeningId',
  'share.planId',
] as const;

/** `/persons/:id/refer`: send this person's case to an organisation, with what goes along. */
export default function ReferPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const person = usePerson(id);
  if (person.isPending) return <LoadingState rows={6} />;
  if (person.error) {
    return (
      <>
        <PageTitle title={t('referrals.refer.title')} />
        <ErrorAlert error={person.error} onRetry={() => void person.refetch()} />
      </>
    );
  }
  return <ReferForm person={person.data} />;
}

function ReferForm({ person }: { person: Person }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const create = useCreateReferral();
  // Made once per form: a resend after a lost answer returns the stored referral, never a second one.
  const [clientId] = useState(() => crypto.randomUUID());
  const [toOrganizationId, setTo] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [urgency, setUrgency] = useState<ReferralUrgency>('routine');
  const [disciplines, setDisciplines] = useState<ReferralDiscipline[]>([]);
  const [sendScreening, setSendScreening] = useState(true);
  const [sendPlan, setSendPlan] = useState(true);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const place = placeOf(person.address);
  const screenings = usePersonScreenings(person.id, WELLBEING);
  const plans = usePersonPlans(person.id);
  const latest = screenings.data?.items[0];
  const active = plans.data?.items.find((p) => p.status === 'active');
  const name = personName(person, t);
  const lang = i18n.language === 'en' ? 'en' : 'th';

  if (person.mergedInto || !can({ action: 'referral.create', areaCode: place })) {
    return (
      <>
        <PageTitle title={t('referrals.refer.forPerson', { name })} />
        <Notice color="yellow" title={t('referrals.refer.notAllowed')}>
          <Anchor component={Link} to={`/persons/${person.id}`}>
            ← {name}
          </Anchor>
        </Notice>
      </>
    );
  }

  const server = fieldErrorsFor(create.error, FIELDS).byField;
  /** A field's own message goes once it is changed. */
  const clear = (field: string) => setErrors(({ [field]: _gone, ...rest }) => rest);
  const shown = { ...server, ...errors };

  function submit() {
    const body = {
      personId: person.id,
      toOrganizationId: toOrganizationId ?? '',
      reason: reason.trim(),
      urgency,
      disciplines,
      share: {
        screeningId: sendScreening && latest ? latest.id : null,
        planId: sendPlan && active ? active.id : null,
      },
      clientId,
    };
    const problems = schemaErrors(referralCreate, body, t);
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    create.mutate(body, {
      onSuccess: (referral) => {
        notifySuccess(t('referrals.refer.done'));
        navigate(`/referrals/${referral.id}`);
      },
    });
  }

  return (
    <>
      <Anchor component={Link} to={`/persons/${person.id}`} size="sm" mb="xs" display="inline-block">
        ← {name}
      </Anchor>
      <PageTitle title={t('referrals.refer.forPerson', { name })} intro={t('referrals.refer.intro')} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="lg" maw={720}>
          <OrganizationSelect
            label={t('referrals.refer.organization')}
            placeholder={t('referrals.refer.organizationPlaceholder')}
            value={toOrganizationId}
            onChange={(id) => {
              setTo(id);
              clear('toOrganizationId');
            }}
            error={shown.toOrganizationId}
          />
          <Textarea
            label={t('referrals.refer.reason')}
            description={t('referrals.refer.reasonHint')}
            required
            size="md"
            autosize
            minRows={3}
            maxLength={2000}
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              clear('reason');
            }}
            error={shown.reason}
          />
          <Radio.Group
            label={t('referrals.refer.urgency')}
            required
            value={urgency}
            onChange={(v) => setUrgency(v as ReferralUrgency)}
            error={shown.urgency}
          >
            <Stack gap="sm" mt="xs">
              {[...referralUrgencies].reverse().map((u) => (
                <Radio
                  key={u}
                  value={u}
                  size="md"
                  label={t(`referrals.urgency.${u}`)}
                  description={dueWithin(t, u)}
                />
              ))}
            </Stack>
          </Radio.Group>
          <Stack gap={6}>
            <Text fw={500} size="md" id="disciplines-label">
              {t('referrals.refer.disciplines')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('referrals.refer.disciplinesHint')}
            </Text>
            <Chip.Group
              multiple
              value={disciplines}
              onChange={(v) => setDisciplines(v as ReferralDiscipline[])}
            >
              <Group gap="xs" role="group" aria-labelledby="disciplines-label">
                {referralDisciplines.map((d) => (
                  <Chip key={d} value={d} size="md">
                    {t(`referrals.discipline.${d}`)}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
            {shown.disciplines && (
              <Text size="sm" c="red.9">
                {shown.disciplines}
              </Text>
            )}
          </Stack>
          <Paper withBorder p="md" radius="md" component="fieldset" style={{ margin: 0 }}>
            <Title order={2} size="h4" component="legend" px={4}>
              {t('referrals.refer.shared')}
            </Title>
            <Stack gap="sm">
              {screenings.isPending || plans.isPending ? (
                <LoadingState rows={2} />
              ) : (
                <>
                  {latest ? (
                    <Checkbox
                      size="md"
                      checked={sendScreening}
                      onChange={(e) => setSendScreening(e.currentTarget.checked)}
                      label={t('referrals.refer.shareScreening', {
                        date: formatDate(latest.takenAt, lang),
                      })}
                      error={shown['share.screeningId']}
                    />
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('referrals.refer.noScreening')}
                    </Text>
                  )}
                  {active ? (
                    <Checkbox
                      size="md"
                      checked={sendPlan}
                      onChange={(e) => setSendPlan(e.currentTarget.checked)}
                      label={t('referrals.refer.sharePlan', { version: active.version })}
                      error={shown['share.planId']}
                    />
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('referrals.refer.noPlan')}
                    </Text>
                  )}
                </>
              )}
              <Text size="sm" c="dimmed">
                {t('referrals.refer.sharedHint')}
              </Text>
            </Stack>
          </Paper>
          {Boolean(create.error) && (
            <ErrorAlert error={create.error} shownFields={shownPaths(create.error, FIELDS)} />
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" size="md" component={Link} to={`/persons/${person.id}`}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" size="md" loading={create.isPending}>
              {t('referrals.refer.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
