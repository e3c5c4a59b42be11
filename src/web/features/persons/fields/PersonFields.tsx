import { Button, Collapse, Radio, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ageOn, thaiToday } from '../../../../core/thai/birthDate.ts';
import { BuddhistDateFields } from '../../../components/BuddhistDateFields.tsx';
import { enumOptions } from '../labels.ts';
import { birthDateOf, type PersonValues } from '../values.ts';

/** Items 2–13 that describe the person: name, sex, birth date, and the optional social details. */
export function PersonFields({
  form,
  expanded = false,
}: {
  form: UseFormReturnType<PersonValues>;
  expanded?: boolean;
}) {
  const { t } = useTranslation();
  const v = form.values;
  const moreFilled = Boolean(
    v.religion || v.maritalStatus || v.education || v.occupation || v.nationality !== 'TH',
  );
  const [more, { toggle }] = useDisclosure(expanded || moreFilled);
  const birth = birthDateOf(v);
  const age = 'date' in birth ? ageOn(birth.date, thaiToday()) : null;

  return (
    <Stack gap="md">
      <Select
        label={t('persons.field.title')}
        clearable
        size="md"
        data={enumOptions(t, 'title')}
        {...form.getInputProps('title')}
        comboboxProps={{ withinPortal: true }}
      />
      <TextInput
        label={t('persons.field.firstName')}
        required
        size="md"
        autoComplete="off"
        {...form.getInputProps('firstName')}
      />
      <TextInput
        label={t('persons.field.lastName')}
        required
        size="md"
        autoComplete="off"
        {...form.getInputProps('lastName')}
      />
      <Radio.Group
        label={t('persons.field.sex')}
        required
        value={v.sex ?? ''}
        onChange={(s) => form.setFieldValue('sex', s)}
        error={form.errors.sex}
      >
        <SimpleGrid cols={2} mt="xs" maw={320}>
          {enumOptions(t, 'sex').map((o) => (
            <Radio key={o.value} value={o.value} label={o.label} size="md" />
          ))}
        </SimpleGrid>
      </Radio.Group>
      <BuddhistDateFields
        legend={t('persons.field.birthDate')}
        required
        value={{
          day: v.birthDay,
          month: v.birthMonth,
          yearBE: v.birthYearBE,
          estimated: v.birthDateEstimated,
        }}
        onChange={(next) => {
          if (next.day !== undefined) form.setFieldValue('birthDay', next.day);
          if (next.month !== undefined) form.setFieldValue('birthMonth', next.month);
          if (next.yearBE !== undefined) form.setFieldValue('birthYearBE', next.yearBE);
          if (next.estimated !== undefined) form.setFieldValue('birthDateEstimated', next.estimated);
          form.clearFieldError('birthDay');
          form.clearFieldError('birthMonth');
          form.clearFieldError('birthYearBE');
        }}
        errors={{
          day: form.errors.birthDay as string | undefined,
          month: form.errors.birthMonth as string | undefined,
          yearBE: form.errors.birthYearBE as string | undefined,
        }}
        summary={
          age !== null
            ? `${t('persons.birth.ageNow', { count: age })}${v.birthDateEstimated ? ` ${t('persons.birth.estimatedMark')}` : ''}`
            : undefined
        }
      />
      <div>
        <Button variant="default" onClick={toggle} aria-expanded={more} aria-controls="person-more">
          {t('persons.wizard.moreDetails')}
        </Button>
        <Collapse expanded={more} id="person-more">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" mt="xs">
            <Select
              label={t('persons.field.religion')}
              clearable
              size="md"
              data={enumOptions(t, 'religion')}
              {...form.getInputProps('religion')}
            />
            <Select
              label={t('persons.field.maritalStatus')}
              clearable
              size="md"
              data={enumOptions(t, 'maritalStatus')}
              {...form.getInputProps('maritalStatus')}
            />
            <Select
              label={t('persons.field.education')}
              clearable
              size="md"
              data={enumOptions(t, 'education')}
              {...form.getInputProps('education')}
            />
            <TextInput
              label={t('persons.field.occupation')}
              size="md"
              {...form.getInputProps('occupation')}
            />
            <TextInput
              label={t('persons.field.nationality')}
              description={t('persons.nationalityHint')}
              size="md"
              maxLength={2}
              autoCapitalize="characters"
              {...form.getInputProps('nationality')}
            />
          </SimpleGrid>
        </Collapse>
      </div>
    </Stack>
  );
}
