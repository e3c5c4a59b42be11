import {
  Button,
  Checkbox,
  Fieldset,
  NumberInput,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Visit,
  type VisitOutcome,
  type VisitRecordInput,
  type VitalSigns,
  visitRecordInput,
  vitalSigns,
} from '../../../core/schemas/visit.ts';
import { fieldErrorsFor, schemaErrors, shownPaths } from '../../app/validation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { notifySuccess } from '../../components/notifySuccess.ts';
import { useCurrentUser } from '../auth/session.ts';
import { useRecordVisit } from './api.ts';

type VitalKey = keyof VitalSigns;

/** The measures a volunteer takes at home, with their unit and whether they take decimals. */
const VITALS: { key: VitalKey; unit: 'mmHg' | 'bpm' | 'celsius' | 'mgdl' | 'kg'; decimal: boolean }[] = [
  { key: 'systolic', unit: 'mmHg', decimal: false },
  { key: 'diastolic', unit: 'mmHg', decimal: false },
  { key: 'pulse', unit: 'bpm', decimal: false },
  { key: 'temperature', unit: 'celsius', decimal: true },
  { key: 'glucose', unit: 'mgdl', decimal: true },
  { key: 'weight', unit: 'kg', decimal: true },
];

/** The range the server accepts for a measure (from the shared schema), said in the field. */
function rangeOf(key: VitalKey): { min: number; max: number } {
  const n = vitalSigns.shape[key].unwrap();
  return { min: n.minValue ?? 0, max: n.maxValue ?? 0 };
}

const FIELDS = [
  'status',
  'attendees',
  'activities',
  'notes',
  'followUpNeeded',
  'followUpNote',
  'doneAt',
  'vitals',
  ...VITALS.map((v) => `vitals.${v.key}`),
];

/**
 * Recording a visit on a phone: one column, big targets, the vital signs optional. The clientId stays
 * the same until it is saved, so a retry after a lost answer records once.
 */
export function RecordForm({ visit }: { visit: Visit }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const record = useRecordVisit(visit.id);
  const [clientId] = useState(() => crypto.randomUUID());
  const people = [
    ...visit.assignees,
    ...(visit.assignees.some((a) => a.id === user.id)
      ? []
      : [{ id: user.id, displayName: user.displayName }]),
  ];
  const [status, setStatus] = useState<VisitOutcome>('done');
  const [attendees, setAttendees] = useState<string[]>([user.id]);
  const [activities, setActivities] = useState('');
  const [vitals, setVitals] = useState<Partial<Record<VitalKey, number | string>>>({});
  const [notes, setNotes] = useState('');
  const [followUp, setFollowUp] = useState<'yes' | 'no'>('no');
  const [followUpNote, setFollowUpNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const server = fieldErrorsFor(record.error, FIELDS);
  const shown = { ...server.byField, ...errors };
  const done = status === 'done';

  const submit = () => {
    const measured = Object.fromEntries(
      Object.entries(vitals).filter(([, v]) => v !== '' && v !== undefined),
    ) as VitalSigns;
    const body: VisitRecordInput = {
      status,
      attendees,
      ...(done && activities.trim() ? { activities: activities.trim() } : {}),
      ...(done && Object.keys(measured).length > 0 ? { vitals: measured } : {}),
      ...(notes.trim() ? { notes: notes.trim() } : {}),
      followUpNeeded: followUp === 'yes',
      ...(followUp === 'yes' && followUpNote.trim() ? { followUpNote: followUpNote.trim() } : {}),
      clientId,
    };
    const problems = schemaErrors(visitRecordInput, body, t);
    // A measure out of range says which range, in the reader's words.
    for (const v of VITALS) {
      if (`vitals.${v.key}` in problems && v.key !== 'diastolic') {
        problems[`vitals.${v.key}`] = t('validation.numberRange', rangeOf(v.key));
      }
    }
    if (Object.keys(problems).length > 0) return setErrors(problems);
    record.mutate(body, { onSuccess: () => notifySuccess(t('visits.record.saved')) });
  };

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="record-title">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          <Title order={2} size="h3" id="record-title">
            {t('visits.record.title')}
          </Title>
          <div>
            <Text fw={700} mb={4} id="record-outcome">
              {t('visits.record.outcome')}
            </Text>
            <SegmentedControl
              aria-labelledby="record-outcome"
              fullWidth
              size="lg"
              value={status}
              onChange={(v) => {
                setStatus(v as VisitOutcome);
                setErrors({});
              }}
              data={[
                { value: 'done', label: t('visits.record.done') },
                { value: 'missed', label: t('visits.record.missed') },
              ]}
            />
          </div>
          <Checkbox.Group
            label={t('visits.record.attendees')}
            value={attendees}
            onChange={setAttendees}
            error={shown.attendees}
            styles={{ label: { fontWeight: 700 } }}
          >
            <Stack gap="sm" mt="xs">
              {people.map((p) => (
                <Checkbox key={p.id} value={p.id} label={p.displayName} size="md" />
              ))}
            </Stack>
          </Checkbox.Group>
          {done && (
            <Textarea
              size="md"
              label={t('visits.record.activities')}
              description={t('visits.record.activitiesHint')}
              autosize
              minRows={2}
              maxLength={2000}
              value={activities}
              onChange={(e) => setActivities(e.currentTarget.value)}
              error={shown.activities}
            />
          )}
          {done && (
            <Fieldset
              legend={t('visits.record.vitals')}
              variant="unstyled"
              p={0}
              styles={{
                legend: { fontWeight: 700, fontSize: 'var(--mantine-font-size-md)', marginBottom: 4 },
              }}
            >
              <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
                {VITALS.map((v) => (
                  <NumberInput
                    key={v.key}
                    size="md"
                    label={t(`visits.record.${v.key}`)}
                    rightSection={
                      <Text size="xs" c="dimmed" pr={4}>
                        {t(`visits.record.units.${v.unit}`)}
                      </Text>
                    }
                    rightSectionWidth={64}
                    inputMode={v.decimal ? 'decimal' : 'numeric'}
                    allowDecimal={v.decimal}
                    decimalScale={v.decimal ? 1 : 0}
                    allowNegative={false}
                    hideControls
                    placeholder={`${rangeOf(v.key).min}–${rangeOf(v.key).max}`}
                    value={vitals[v.key] ?? ''}
                    onChange={(value) => setVitals((all) => ({ ...all, [v.key]: value }))}
                    error={shown[`vitals.${v.key}`]}
                  />
                ))}
              </SimpleGrid>
              {shown.vitals && (
                <Text c="red.9" size="sm" mt={4} role="alert">
                  {shown.vitals}
                </Text>
              )}
            </Fieldset>
          )}
          <Textarea
            size="md"
            label={t('visits.record.notes')}
            autosize
            minRows={2}
            maxLength={4000}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
            error={shown.notes}
          />
          <div>
            <Text fw={700} mb={4} id="record-follow-up">
              {t('visits.record.followUp')}
            </Text>
            <SegmentedControl
              aria-labelledby="record-follow-up"
              fullWidth
              size="lg"
              value={followUp}
              onChange={(v) => setFollowUp(v as 'yes' | 'no')}
              data={[
                { value: 'no', label: t('visits.record.followUpNo') },
                { value: 'yes', label: t('visits.record.followUpYes') },
              ]}
            />
          </div>
          {followUp === 'yes' && (
            <Textarea
              size="md"
              label={t('visits.record.followUpNote')}
              autosize
              minRows={2}
              maxLength={1000}
              value={followUpNote}
              onChange={(e) => setFollowUpNote(e.currentTarget.value)}
              error={shown.followUpNote}
            />
          )}
          {record.error && <ErrorAlert error={record.error} shownFields={shownPaths(record.error, FIELDS)} />}
          <Button type="submit" size="lg" fullWidth loading={record.isPending}>
            {t('visits.record.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
