import { Button, Checkbox, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  type Organization,
  organizationServices,
  organizationTiers,
  organizationTypes,
} from '../../../core/schemas/index.ts';
import type { OpeningSession } from '../../../core/services/directory.ts';
import { schemaErrors, shownPaths } from '../../app/validation.ts';
import { AreaPicker } from '../../components/AreaPicker.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { CatchmentField } from './CatchmentField.tsx';
import { OpeningHoursField } from './OpeningHoursField.tsx';

export const FIELDS = [
  'name',
  'nameEn',
  'type',
  'areaCode',
  'tier',
  'services',
  'phone',
  'email',
  'contactName',
  'address',
  'catchmentVillageCodes',
  'openingHours',
] as const;

export interface OrganizationValues {
  name: string;
  nameEn: string;
  type: string | null;
  areaCode: string | null;
  tier: string | null;
  services: string[];
  phone: string;
  email: string;
  contactName: string;
  address: string;
  catchmentVillageCodes: string[];
  openingHours: OpeningSession[];
}

export function valuesOf(org?: Organization): OrganizationValues {
  return {
    name: org?.name ?? '',
    nameEn: org?.nameEn ?? '',
    type: org?.type ?? null,
    areaCode: org?.areaCode ?? null,
    tier: org?.tier ?? null,
    services: org?.services ?? [],
    phone: org?.phone ?? '',
    email: org?.email ?? '',
    contactName: org?.contactName ?? '',
    address: org?.address ?? '',
    catchmentVillageCodes: org?.catchmentVillageCodes ?? [],
    openingHours: org?.openingHours ?? [],
  };
}

interface Props<Body> {
  initial: OrganizationValues;
  /** The shared schema the body must pass (create or patch). */
  schema: z.ZodType<Body>;
  toBody: (values: OrganizationValues) => unknown;
  onSubmit: (body: Body, setErrors: (errors: Record<string, string>) => void) => void;
  submitting: boolean;
  error: unknown;
}

/** The organisation's fields; validated with the same schema as the server. */
export function OrganizationForm<Body>({
  initial,
  schema,
  toBody,
  onSubmit,
  submitting,
  error,
}: Props<Body>) {
  const { t } = useTranslation();
  const form = useForm<OrganizationValues>({
    initialValues: initial,
    validate: (values) => schemaErrors(schema, toBody(values), t),
  });

  const submit = form.onSubmit((values) => {
    const body = schema.parse(toBody(values));
    onSubmit(body, (errors) => form.setErrors(errors));
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {error !== null && error !== undefined && (
          <ErrorAlert error={error} shownFields={shownPaths(error, FIELDS)} />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput label={t('organizations.field.name')} required {...form.getInputProps('name')} />
          <TextInput label={t('organizations.field.nameEn')} lang="en" {...form.getInputProps('nameEn')} />
          <Select
            label={t('organizations.field.type')}
            required
            data={organizationTypes.map((v) => ({ value: v, label: t(`enums.organizationType.${v}`) }))}
            {...form.getInputProps('type')}
          />
          <AreaPicker
            label={t('organizations.field.area')}
            required
            value={form.values.areaCode}
            onChange={(code) => form.setFieldValue('areaCode', code)}
            error={form.errors.areaCode}
          />
          <Select
            label={t('organizations.field.tier')}
            placeholder={t('organizations.noTier')}
            clearable
            data={organizationTiers.map((v) => ({ value: v, label: t(`enums.tier.${v}`) }))}
            {...form.getInputProps('tier')}
          />
          <TextInput
            label={t('organizations.field.phone')}
            type="tel"
            autoComplete="off"
            {...form.getInputProps('phone')}
          />
          <TextInput
            label={t('organizations.field.email')}
            type="email"
            autoComplete="off"
            {...form.getInputProps('email')}
          />
          <TextInput label={t('organizations.field.contactName')} {...form.getInputProps('contactName')} />
        </SimpleGrid>
        <Textarea
          label={t('organizations.field.address')}
          autosize
          minRows={2}
          {...form.getInputProps('address')}
        />
        <Checkbox.Group label={t('organizations.field.services')} {...form.getInputProps('services')}>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="xs" mt="xs">
            {organizationServices.map((s) => (
              <Checkbox key={s} value={s} label={t(`enums.service.${s}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <CatchmentField
          areaCode={form.values.areaCode}
          value={form.values.catchmentVillageCodes}
          onChange={(codes) => form.setFieldValue('catchmentVillageCodes', codes)}
          error={catchmentError(form.errors)}
        />
        <OpeningHoursField
          value={form.values.openingHours}
          onChange={(hours) => form.setFieldValue('openingHours', hours)}
          errors={form.errors}
        />
        <Group>
          <Button type="submit" loading={submitting}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The first problem with the catchment, whether the form (`catchmentVillageCodes.2`) or the server named it. */
function catchmentError(errors: Record<string, unknown>): string | undefined {
  const key = Object.keys(errors).find(
    (k) => k === 'catchmentVillageCodes' || k.startsWith('catchmentVillageCodes.'),
  );
  const message = key ? errors[key] : undefined;
  return typeof message === 'string' ? message : undefined;
}
