import {
  Anchor,
  Box,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NativeSelect,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { getInstrument } from '../../../core/instruments/index.ts';
import {
  type ActivityCreate,
  activityCreate,
  activityModes,
  planDimensions,
} from '../../../core/schemas/plan.ts';
import { fieldErrorsFor, optionalText, schemaErrors, shownPaths } from '../../app/validation.ts';
import { AreaPicker } from '../../components/AreaPicker.tsx';
import { Empty } from '../../components/Empty.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { notifySuccess } from '../../components/notifySuccess.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useCurrentUser } from '../auth/session.ts';
import { useCanAddActivity } from './ActivitiesPage.tsx';
import { useCreateActivity } from './api.ts';
import { addressLabel } from './grouping.ts';
import { dimensionLabel, useLang } from './parts.tsx';

const FIELDS = [
  'dimension',
  'titleTh',
  'titleEn',
  'descriptionTh',
  'descriptionEn',
  'howTh',
  'howEn',
  'addresses',
  'modes',
  'durationWeeks',
  'minAge',
  'maxAge',
  'source',
  'areaCode',
] as const;

interface Values {
  dimension: string;
  titleTh: string;
  titleEn: string;
  descriptionTh: string;
  descriptionEn: string;
  howTh: string;
  howEn: string;
  addresses: string[];
  modes: string[];
  durationWeeks: string;
  minAge: string;
  maxAge: string;
  source: string;
  areaCode: string | null;
}

const number = (text: string) => (text.trim() === '' ? undefined : Number(text.trim()));

function toBody(v: Values): Record<string, unknown> {
  return {
    dimension: v.dimension || undefined,
    titleTh: v.titleTh,
    titleEn: optionalText(v.titleEn),
    descriptionTh: v.descriptionTh,
    descriptionEn: optionalText(v.descriptionEn),
    howTh: optionalText(v.howTh),
    howEn: optionalText(v.howEn),
    addresses: v.addresses,
    modes: v.modes,
    durationWeeks: number(v.durationWeeks),
    minAge: number(v.minAge),
    maxAge: number(v.maxAge),
    source: optionalText(v.source),
    areaCode: v.areaCode ?? undefined,
  };
}

/** The item codes an activity may address: the 20 screening questions. */
function addressOptions(lang: 'th' | 'en') {
  const items = getInstrument('wellbeing20')?.items ?? [];
  return items.map((i) => ({ value: i.code, label: `${i.code} ${addressLabel(i.code, lang)}` }));
}

/** `/activities/new`: an area admin adds their area's own activity, an operator a platform-wide one. */
export default function ActivityNewPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const user = useCurrentUser();
  const canAdd = useCanAddActivity();
  const navigate = useNavigate();
  const create = useCreateActivity();
  const operator = user.roles.includes('operator');
  const form = useForm<Values>({
    initialValues: {
      dimension: '',
      titleTh: '',
      titleEn: '',
      descriptionTh: '',
      descriptionEn: '',
      howTh: '',
      howEn: '',
      addresses: [],
      modes: [],
      durationWeeks: '',
      minAge: '',
      maxAge: '',
      source: '',
      areaCode: operator ? null : (user.areaCodes[0] ?? null),
    },
    validate: (values) => {
      const errors = schemaErrors(activityCreate, toBody(values), t);
      if (!operator && !values.areaCode) errors.areaCode = t('validation.required');
      return errors;
    },
  });

  const back = (
    <Anchor component={Link} to="/activities" size="sm" mb="xs" display="inline-block">
      ← {t('plans.library.title')}
    </Anchor>
  );
  if (!canAdd) {
    return (
      <Box maw={760}>
        {back}
        <PageTitle title={t('plans.library.add')} />
        <Empty title={t('common.forbidden')} />
      </Box>
    );
  }

  const submit = form.onSubmit((values) => {
    const body = activityCreate.parse(toBody(values)) as ActivityCreate;
    create.mutate(body, {
      onSuccess: (activity) => {
        notifySuccess(t('plans.library.added'));
        navigate(`/activities/${activity.id}`);
      },
      onError: (error) => form.setErrors(fieldErrorsFor(error, FIELDS).byField),
    });
  });

  return (
    <Box maw={760}>
      {back}
      <PageTitle title={t('plans.library.add')} />
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {create.error && <ErrorAlert error={create.error} shownFields={shownPaths(create.error, FIELDS)} />}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <NativeSelect
              size="md"
              label={t('plans.library.dimension')}
              required
              data={[
                { value: '', label: '—' },
                ...planDimensions.map((d) => ({ value: d, label: dimensionLabel(t, d) })),
              ]}
              {...form.getInputProps('dimension')}
            />
            <AreaPicker
              label={t('plans.library.area')}
              description={operator ? t('plans.library.areaHintOperator') : undefined}
              required={!operator}
              clearable={operator}
              value={form.values.areaCode}
              onChange={(code) => form.setFieldValue('areaCode', code)}
              error={form.errors.areaCode}
            />
            <TextInput
              size="md"
              label={t('plans.library.titleTh')}
              required
              {...form.getInputProps('titleTh')}
            />
            <TextInput
              size="md"
              label={t('plans.library.titleEn')}
              lang="en"
              {...form.getInputProps('titleEn')}
            />
          </SimpleGrid>
          <Textarea
            size="md"
            autosize
            minRows={3}
            label={t('plans.library.descriptionTh')}
            required
            {...form.getInputProps('descriptionTh')}
          />
          <Textarea
            size="md"
            autosize
            minRows={2}
            label={t('plans.library.descriptionEn')}
            lang="en"
            {...form.getInputProps('descriptionEn')}
          />
          <Textarea
            size="md"
            autosize
            minRows={3}
            label={t('plans.library.howTh')}
            {...form.getInputProps('howTh')}
          />
          <Textarea
            size="md"
            autosize
            minRows={2}
            label={t('plans.library.howEn')}
            lang="en"
            {...form.getInputProps('howEn')}
          />
          <Checkbox.Group label={t('plans.library.modes')} required {...form.getInputProps('modes')}>
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt="xs">
              {activityModes.map((m) => (
                <Checkbox key={m} size="md" value={m} label={t(`plans.mode.${m}`)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <MultiSelect
            size="md"
            label={t('plans.library.addressesField')}
            searchable
            data={addressOptions(lang)}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('addresses')}
          />
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
            <TextInput
              size="md"
              inputMode="numeric"
              label={t('plans.library.durationWeeks')}
              {...form.getInputProps('durationWeeks')}
            />
            <TextInput
              size="md"
              inputMode="numeric"
              label={t('plans.library.minAge')}
              {...form.getInputProps('minAge')}
            />
            <TextInput
              size="md"
              inputMode="numeric"
              label={t('plans.library.maxAge')}
              {...form.getInputProps('maxAge')}
            />
          </SimpleGrid>
          <Textarea
            size="md"
            autosize
            minRows={2}
            label={t('plans.library.source')}
            {...form.getInputProps('source')}
          />
          <Group justify="flex-end">
            <Button type="submit" size="md" loading={create.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Box>
  );
}
