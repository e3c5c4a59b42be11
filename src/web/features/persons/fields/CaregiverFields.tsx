import { Checkbox, Select, Stack, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { enumOptions } from '../labels.ts';
import type { PersonValues } from '../values.ts';

/** Item 19: the main caregiver. */
export function CaregiverFields({ form }: { form: UseFormReturnType<PersonValues> }) {
  const { t } = useTranslation();
  const v = form.values;
  return (
    <Stack gap="sm">
      <Checkbox
        label={t('persons.care.hasCaregiver')}
        size="md"
        checked={v.hasCaregiver}
        onChange={(e) => form.setFieldValue('hasCaregiver', e.currentTarget.checked)}
      />
      {v.hasCaregiver && (
        <>
          <Select
            label={t('persons.care.relation')}
            required
            size="md"
            data={enumOptions(t, 'caregiverRelation')}
            {...form.getInputProps('caregiverRelation')}
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            label={t('persons.care.name')}
            size="md"
            autoComplete="off"
            {...form.getInputProps('caregiverName')}
          />
          <TextInput
            label={t('persons.care.phone')}
            type="tel"
            inputMode="tel"
            size="md"
            autoComplete="off"
            {...form.getInputProps('caregiverPhone')}
          />
        </>
      )}
    </Stack>
  );
}
