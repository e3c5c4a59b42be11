import {
  Anchor,
  Autocomplete,
  Box,
  Button,
  Group,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import {
  type AssistanceKind,
  type AssistanceRecord,
  assistanceKinds,
} from '../../../core/schemas/assistance.ts';
import type { Person } from '../../../core/schemas/index.ts';
import { OLDEST_YEARS } from '../../../core/services/assistance.ts';
import { thaiToday } from '../../../core/thai/birthDate.ts';
import { fieldErrorsFor, shownPaths } from '../../app/validation.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { DateFields } from '../../components/DateFields.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { Notice } from '../../components/Notice.tsx';
import { notifySuccess } from '../../components/notifySuccess.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useCurrentUser } from '../auth/session.ts';
import { usePerson } from '../persons/api.ts';
import { ProblemError } from '../persons/http.ts';
import { personName } from '../persons/labels.ts';
import { AssistanceEntry } from './AssistanceEntry.tsx';
import { useRecordAssistance } from './api.ts';
import {
  type AssistanceFormValues,
  emptyForm,
  FORM_FIELDS,
  type FormField,
  type FormProblem,
  givenOnOf,
  toRequest,
} from './form.ts';
import { kindLabel } from './labels.ts';
import { OrganizationSelect } from './OrganizationSelect.tsx';
import { RecentHelp } from './RecentHelp.tsx';

/** Funds the district's partners name most; the field takes any other too. Names of funds, not UI text. */
const FUNDING_SUGGESTIONS = [
  'กองทุนหลักประกันสุขภาพตำบล (กปท.)',
  'งบประมาณ อบต.',
  'งบประมาณเทศบาล',
  'กองทุนฟื้นฟูสมรรถภาพที่จังหวัด',
  'งบปรับสภาพที่อยู่อาศัย (พมจ.)',
  'เงินบริจาค',
];

/** The 409's earlier help of the same kind, and the window it was looked for in. */
interface Duplicate {
  similar: AssistanceRecord[];
  windowDays: number;
}

/**
 * `/persons/:id/assistance/new`: first what the person already received recently from anyone, then the
 * form. A probable duplicate (409) shows the earlier help and asks before recording it anyway.
 */
export default function AssistanceNewPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const person = usePerson(id);
  return (
    <Box maw={860}>
      <Anchor component={Link} to={`/persons/${id}`} size="sm" mb="xs" display="inline-block">
        ← {t('assistance.record.back')}
      </Anchor>
      {person.isPending && <LoadingState rows={6} />}
      {person.error && <ErrorAlert error={person.error} onRetry={() => void person.refetch()} />}
      {person.data && <RecordHelp person={person.data} />}
    </Box>
  );
}

function RecordHelp({ person }: { person: Person }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const today = thaiToday();
  const [values, setValues] = useState<AssistanceFormValues>(() => emptyForm(today, user.organizationId));
  const [problems, setProblems] = useState<Partial<Record<FormField, FormProblem>>>({});
  const [clientId, setClientId] = useState(() => crypto.randomUUID());
  const [duplicate, setDuplicate] = useState<Duplicate | null>(null);
  const record = useRecordAssistance(person.id);

  const name = personName(person, t);
  if (person.mergedInto) {
    return (
      <>
        <PageTitle title={t('assistance.record.title')} intro={name} />
        <Notice color="orange" title={t('assistance.record.merged')} />
      </>
    );
  }

  const change = (next: Partial<AssistanceFormValues>) => {
    setValues((v) => ({ ...v, ...next }));
    setProblems((p) => {
      const cleared = { ...p };
      for (const key of Object.keys(next)) delete cleared[key as FormField];
      return cleared;
    });
    // Another kind or date is another question: the warning was about the old one.
    setDuplicate(null);
    record.reset();
  };

  const submit = (confirmDuplicate: boolean) => {
    const request = toRequest(values, { personId: person.id, clientId }, today, confirmDuplicate);
    if (!request.ok) {
      setProblems(request.errors);
      return Promise.resolve();
    }
    setProblems({});
    return record
      .mutateAsync(request.body)
      .then(() => {
        notifySuccess(t('assistance.record.saved'));
        setClientId(crypto.randomUUID());
        navigate(`/persons/${person.id}`);
      })
      .catch((error: unknown) => {
        const ext = error instanceof ProblemError ? error.extensions : {};
        if (error instanceof ProblemError && error.status === 409 && Array.isArray(ext.similar)) {
          setDuplicate({ similar: ext.similar as AssistanceRecord[], windowDays: Number(ext.windowDays) });
        }
      });
  };

  const server = fieldErrorsFor(record.error, FORM_FIELDS);
  const message = (field: FormField) => {
    const local = problems[field];
    return local ? problemText(t, local) : server.byField[field];
  };
  const date = givenOnOf(values.givenOn, today);
  const isDuplicate = duplicate !== null;

  return (
    <>
      <PageTitle title={t('assistance.record.title')} intro={name} />
      <Stack gap="lg">
        <RecentHelp personId={person.id} kind={values.kind} on={'iso' in date ? date.iso : null} />

        <Paper
          component="form"
          withBorder
          p="md"
          radius="md"
          noValidate
          aria-labelledby="assistance-form-title"
          onSubmit={(e) => {
            e.preventDefault();
            void submit(false);
          }}
        >
          <Stack gap="md">
            <Title order={2} size="h3" id="assistance-form-title">
              {t('assistance.record.formTitle')}
            </Title>
            <KindChoice value={values.kind} onChange={(kind) => change({ kind })} error={message('kind')} />
            <Textarea
              label={t('assistance.record.description')}
              description={t('assistance.record.descriptionHint')}
              required
              size="md"
              autosize
              minRows={2}
              maxLength={1000}
              value={values.description}
              onChange={(e) => change({ description: e.currentTarget.value })}
              error={message('description')}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput
                label={t('assistance.record.value')}
                description={t('assistance.record.valueHint')}
                size="md"
                inputMode="decimal"
                autoComplete="off"
                value={values.value}
                onChange={(e) => change({ value: e.currentTarget.value })}
                error={message('value')}
              />
              <Autocomplete
                label={t('assistance.record.fundingSource')}
                description={t('assistance.record.fundingHint')}
                size="md"
                maxLength={200}
                data={FUNDING_SUGGESTIONS}
                value={values.fundingSource}
                onChange={(fundingSource) => change({ fundingSource })}
                error={message('fundingSource')}
                comboboxProps={{ withinPortal: true }}
              />
            </SimpleGrid>
            <DateFields
              legend={t('assistance.record.givenOn')}
              value={values.givenOn}
              onChange={(givenOn) => change({ givenOn })}
              error={message('givenOn')}
            />
            <OrganizationField
              value={values.organizationId}
              onChange={(organizationId) => change({ organizationId })}
              error={message('organizationId')}
            />

            {record.error && !isDuplicate && (
              <ErrorAlert error={record.error} shownFields={shownPaths(record.error, FORM_FIELDS)} />
            )}
            {duplicate && values.kind && (
              <DuplicateWarning
                duplicate={duplicate}
                kind={values.kind}
                saving={record.isPending}
                onConfirm={() => submit(true)}
                onChange={() => {
                  setDuplicate(null);
                  record.reset();
                }}
              />
            )}
            {!isDuplicate && (
              <Group>
                <Button type="submit" size="lg" loading={record.isPending}>
                  {t('assistance.record.submit')}
                </Button>
              </Group>
            )}
          </Stack>
        </Paper>
      </Stack>
    </>
  );
}

function problemText(t: TFunction, problem: FormProblem): string {
  switch (problem) {
    case 'required':
      return t('validation.required');
    case 'tooLong':
      return t('validation.maxLength', { max: 1000 });
    case 'dateIncomplete':
      return t('assistance.record.errors.dateIncomplete');
    case 'dateInvalid':
      return t('assistance.record.errors.dateInvalid');
    case 'future':
      return t('assistance.record.errors.future');
    case 'tooOld':
      return t('assistance.record.errors.tooOld', { years: OLDEST_YEARS });
    case 'value':
      return t('assistance.record.errors.value');
    case 'invalid':
      return t('validation.invalid');
  }
}

/** The kinds as big radio cards: arrow keys move between them, as in any radio group. */
function KindChoice({
  value,
  onChange,
  error,
}: {
  value: AssistanceKind | null;
  onChange: (kind: AssistanceKind) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      label={t('assistance.record.kind')}
      required
      value={value}
      onChange={(v) => onChange(v as AssistanceKind)}
      error={error}
      size="md"
      styles={{ label: { fontWeight: 700, marginBottom: 6 } }}
    >
      <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing="sm">
        {assistanceKinds.map((kind) => (
          <Radio.Card
            key={kind}
            value={kind}
            radius="md"
            p="sm"
            mih={72}
            bg={value === kind ? 'blue.0' : undefined}
            data-kind={kind}
          >
            <Group wrap="nowrap" align="flex-start" gap="xs">
              <Radio.Indicator size="md" mt={2} />
              <Stack gap={0}>
                <Text fw={700} fz="lg">
                  {kindLabel(t, kind)}
                </Text>
                <Text size="xs" c="gray.8">
                  {t(`assistance.kindHint.${kind}`)}
                </Text>
              </Stack>
            </Group>
          </Radio.Card>
        ))}
      </SimpleGrid>
    </Radio.Group>
  );
}

function OrganizationField(props: {
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  return <OrganizationSelect label={t('assistance.record.organization')} {...props} />;
}

/** The 409: what the person already got of this kind in the window, and "record anyway" after a question. */
function DuplicateWarning({
  duplicate,
  kind,
  saving,
  onConfirm,
  onChange,
}: {
  duplicate: Duplicate;
  kind: AssistanceKind;
  saving: boolean;
  onConfirm: () => Promise<void>;
  onChange: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Notice color="orange" title={t('assistance.record.duplicateTitle')} role="alert">
      <Stack gap="sm" mt="xs">
        <Text size="sm">
          {t('assistance.record.duplicateIntro', {
            kind: kindLabel(t, kind),
            count: duplicate.similar.length,
            days: duplicate.windowDays,
          })}
        </Text>
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {duplicate.similar.map((r) => (
            <li key={r.id}>
              <AssistanceEntry record={r} />
            </li>
          ))}
        </Stack>
        <Text size="sm">{t('assistance.record.duplicateAsk')}</Text>
        <Group gap="sm">
          <ConfirmButton
            label={t('assistance.record.recordAnyway')}
            question={t('assistance.record.recordAnywayQuestion')}
            color="orange.9"
            size="md"
            loading={saving}
            onConfirm={onConfirm}
          />
          <Button variant="default" size="md" onClick={onChange}>
            {t('assistance.record.change')}
          </Button>
        </Group>
      </Stack>
    </Notice>
  );
}
