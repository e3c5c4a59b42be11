import {
  Anchor,
  Button,
  Chip,
  Fieldset,
  Group,
  Radio,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { type Person, transportCreate, transportNeeds } from '../../../core/schemas/index.ts';
import { bangkokDate } from '../../../core/screenings/month.ts';
import { fieldErrorsFor, schemaErrors, shownPaths } from '../../app/validation.ts';
import { toBuddhistDate } from '../../components/buddhistDate.ts';
import { DateFields } from '../../components/DateFields.tsx';
import { Empty } from '../../components/Empty.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { OrganizationSelect } from '../organizations/OrganizationSelect.tsx';
import { DistanceBadge, OpenNowBadge } from '../organizations/parts.tsx';
import { usePerson } from '../persons/api.ts';
import { houseLine, personName } from '../persons/labels.ts';
import { useCreateTransport, useTransportProviders } from './api.ts';
import { type PickupProblem, pickupInstant } from './form.ts';

const FIELDS = [
  'providerOrganizationId',
  'destinationOrganizationId',
  'destination',
  'pickupAt',
  'pickupAddress',
  'needs',
  'note',
] as const;

/** `/persons/:id/transport/new`: ask a transport provider for a ride for this person. */
export default function TransportNewPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const person = usePerson(id);
  if (person.isPending) return <LoadingState rows={8} />;
  if (person.error) {
    return (
      <>
        <PageTitle title={t('transport.new.title')} />
        <ErrorAlert error={person.error} onRetry={() => void person.refetch()} />
      </>
    );
  }
  return <RequestForm person={person.data} />;
}

const DAY = 86_400_000;
const PROBLEM_KEY: Record<
  PickupProblem,
  'transport.new.dateIncomplete' | 'transport.new.dateInvalid' | 'transport.new.datePast'
> = {
  incomplete: 'transport.new.dateIncomplete',
  invalid: 'transport.new.dateInvalid',
  past: 'transport.new.datePast',
};

function RequestForm({ person }: { person: Person }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateTransport(person.id);
  const providers = useTransportProviders(person.address.villageCode);
  // One clientId per form: a resend after a lost answer returns the stored request.
  const [clientId] = useState(() => crypto.randomUUID());
  const [providerId, setProviderId] = useState<string | null>(null);
  const [destinationKind, setDestinationKind] = useState<'organization' | 'text'>('organization');
  const [destinationOrganizationId, setDestinationOrganizationId] = useState<string | null>(null);
  const [destination, setDestination] = useState('');
  const [date, setDate] = useState(() => toBuddhistDate(bangkokDate(new Date(Date.now() + DAY))));
  const [time, setTime] = useState('08:00');
  const [pickupAddress, setPickupAddress] = useState(() => houseLine(t, person.address));
  const [needs, setNeeds] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const items = providers.data?.items ?? [];

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const pickup = pickupInstant(date, time, new Date());
    const body = {
      providerOrganizationId: providerId ?? undefined,
      ...(destinationKind === 'organization'
        ? { destinationOrganizationId: destinationOrganizationId ?? undefined }
        : { destination: destination.trim() || undefined }),
      pickupAt: pickup.ok ? pickup.iso : undefined,
      pickupAddress: pickupAddress.trim(),
      needs,
      note: note.trim() || undefined,
      clientId,
    };
    const found = schemaErrors(transportCreate, body, t);
    if (!pickup.ok) found.pickupAt = t(PROBLEM_KEY[pickup.problem]);
    // One destination box is on screen: its error goes there whichever the schema named.
    if (found.destination && destinationKind === 'organization') {
      found.destinationOrganizationId = found.destination;
      delete found.destination;
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    create.mutate(transportCreate.parse(body), {
      onSuccess: (request) => {
        notifications.show({ color: 'teal.9', message: t('transport.new.sent') });
        navigate(`/transport/${request.id}`, { replace: true });
      },
      onError: (error) => setErrors(fieldErrorsFor(error, FIELDS).byField),
    });
  }

  return (
    <>
      <Anchor component={Link} to={`/persons/${person.id}`} size="sm" mb="xs" display="inline-block">
        ← {personName(person, t)}
      </Anchor>
      <PageTitle
        title={t('transport.new.title')}
        intro={t('transport.new.for', { name: personName(person, t) })}
      />
      <form onSubmit={submit} noValidate>
        <Stack gap="lg" maw={720}>
          {create.error !== null && (
            <ErrorAlert error={create.error} shownFields={shownPaths(create.error, FIELDS)} />
          )}

          <Radio.Group
            label={t('transport.field.provider')}
            description={person.address.villageCode ? t('transport.new.providersNear') : undefined}
            required
            value={providerId}
            onChange={setProviderId}
            error={errors.providerOrganizationId}
            styles={{ label: { fontWeight: 700, fontSize: 'var(--mantine-font-size-md)' } }}
          >
            {providers.isPending ? (
              <LoadingState rows={2} />
            ) : providers.error ? (
              <ErrorAlert error={providers.error} onRetry={() => void providers.refetch()} />
            ) : items.length === 0 ? (
              <Empty title={t('transport.new.noProviders')} />
            ) : (
              <Stack gap="xs" mt="xs">
                {items.map((o) => (
                  <Radio.Card
                    key={o.id}
                    value={o.id}
                    radius="md"
                    p="md"
                    mih={56}
                    bg={providerId === o.id ? 'blue.0' : undefined}
                  >
                    <Group wrap="nowrap" align="center" gap="md">
                      <Radio.Indicator size="md" />
                      <Stack gap={4}>
                        <Text fz="lg" fw={providerId === o.id ? 700 : 500}>
                          {o.name}
                        </Text>
                        <Group gap={6}>
                          <DistanceBadge distance={o.distance} />
                          <OpenNowBadge openNow={o.openNow} />
                          {o.phone && (
                            <Text size="sm" c="dimmed">
                              {o.phone}
                            </Text>
                          )}
                        </Group>
                      </Stack>
                    </Group>
                  </Radio.Card>
                ))}
              </Stack>
            )}
          </Radio.Group>

          <Fieldset
            legend={t('transport.field.destinationKind')}
            variant="unstyled"
            p={0}
            styles={{ legend: { fontWeight: 700, fontSize: 'var(--mantine-font-size-md)', marginBottom: 4 } }}
          >
            <Stack gap="sm">
              <SegmentedControl
                size="md"
                fullWidth
                aria-label={t('transport.field.destinationKind')}
                value={destinationKind}
                onChange={(v) => setDestinationKind(v === 'text' ? 'text' : 'organization')}
                data={[
                  { value: 'organization', label: t('transport.field.destinationOrganization') },
                  { value: 'text', label: t('transport.field.destinationText') },
                ]}
              />
              {destinationKind === 'organization' ? (
                <OrganizationSelect
                  label={t('transport.field.destination')}
                  value={destinationOrganizationId}
                  onChange={setDestinationOrganizationId}
                  error={errors.destinationOrganizationId}
                />
              ) : (
                <TextInput
                  label={t('transport.field.destination')}
                  placeholder={t('transport.field.destinationPlaceholder')}
                  size="md"
                  value={destination}
                  onChange={(e) => setDestination(e.currentTarget.value)}
                  error={errors.destination}
                />
              )}
            </Stack>
          </Fieldset>

          <Group align="flex-start" gap="lg" wrap="wrap">
            <DateFields
              legend={t('transport.field.pickupDate')}
              value={date}
              onChange={setDate}
              error={errors.pickupAt}
            />
            <TextInput
              label={t('transport.field.pickupTime')}
              description={t('transport.new.timeHint')}
              type="time"
              size="md"
              w={160}
              mt={28}
              value={time}
              onChange={(e) => setTime(e.currentTarget.value)}
              error={Boolean(errors.pickupAt)}
            />
          </Group>

          <Textarea
            label={t('transport.field.pickupAddress')}
            description={t('transport.field.pickupAddressHint')}
            required
            autosize
            minRows={2}
            size="md"
            value={pickupAddress}
            onChange={(e) => setPickupAddress(e.currentTarget.value)}
            error={errors.pickupAddress}
          />

          <Chip.Group multiple value={needs} onChange={setNeeds}>
            <Fieldset
              legend={t('transport.field.needs')}
              variant="unstyled"
              p={0}
              styles={{
                legend: { fontWeight: 700, fontSize: 'var(--mantine-font-size-md)', marginBottom: 8 },
              }}
            >
              <Group gap="sm">
                {transportNeeds.map((n) => (
                  <Chip key={n} value={n} size="lg" radius="md">
                    {t(`transport.need.${n}`)}
                  </Chip>
                ))}
              </Group>
            </Fieldset>
          </Chip.Group>

          <Textarea
            label={t('transport.field.note')}
            autosize
            minRows={2}
            maxLength={1000}
            size="md"
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={errors.note}
          />

          <Group>
            <Button type="submit" size="lg" loading={create.isPending}>
              {t('transport.new.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
