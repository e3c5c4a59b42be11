import { Checkbox, Radio, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { recordedVulnerabilities } from '../../../../core/schemas/person.ts';
import { enumOptions } from '../labels.ts';
import type { PersonValues } from '../values.ts';

/** Items 12, 13, 16, 17 and 18: income, health coverage, chronic conditions, disability, vulnerability. */
export function HealthFields({ form }: { form: UseFormReturnType<PersonValues> }) {
  const { t } = useTranslation();
  const v = form.values;

  return (
    <Stack gap="lg">
      <Checkbox.Group
        label={t('persons.health.vulnerability')}
        description={t('persons.health.elderlyAuto')}
        {...form.getInputProps('vulnerability')}
      >
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt="xs">
          {enumOptions(t, 'vulnerability', recordedVulnerabilities).map((o) => (
            <Checkbox key={o.value} value={o.value} label={o.label} size="md" />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <Checkbox.Group label={t('persons.health.chronic')} {...form.getInputProps('chronicConditions')}>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt="xs">
          {enumOptions(t, 'chronicCondition').map((o) => (
            <Checkbox key={o.value} value={o.value} label={o.label} size="md" />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <Stack gap="xs">
        <Text fw={500}>{t('persons.field.disability')}</Text>
        <Checkbox
          label={t('persons.health.hasDisability')}
          size="md"
          checked={v.hasDisability}
          onChange={(e) => form.setFieldValue('hasDisability', e.currentTarget.checked)}
        />
        {v.hasDisability && (
          <>
            <Checkbox.Group
              label={t('persons.health.disabilityTypes')}
              required
              {...form.getInputProps('disabilityTypes')}
            >
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt="xs">
                {enumOptions(t, 'disabilityType').map((o) => (
                  <Checkbox key={o.value} value={o.value} label={o.label} size="md" />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
            <TextInput
              label={t('persons.field.disabilityCard')}
              size="md"
              autoComplete="off"
              {...form.getInputProps('disabilityCard')}
            />
          </>
        )}
      </Stack>
      <Radio.Group
        label={t('persons.field.healthCoverage')}
        value={v.healthCoverage ?? ''}
        onChange={(c) => form.setFieldValue('healthCoverage', c || null)}
        error={form.errors.healthCoverage}
      >
        <Stack gap="xs" mt="xs">
          {enumOptions(t, 'healthCoverage').map((o) => (
            <Radio key={o.value} value={o.value} label={o.label} size="md" />
          ))}
        </Stack>
      </Radio.Group>
      <Select
        label={t('persons.field.incomeBand')}
        clearable
        size="md"
        data={enumOptions(t, 'incomeBand')}
        {...form.getInputProps('incomeBand')}
        comboboxProps={{ withinPortal: true }}
      />
    </Stack>
  );
}
