import { NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  type ActivityMode,
  activityModes,
  type PlanResponsible,
  planResponsibles,
} from '../../../core/schemas/plan.ts';
import { OrganizationSelect } from '../organizations/OrganizationSelect.tsx';

export interface ResponsibleValue {
  responsible: PlanResponsible;
  organizationId: string | null;
  organizationName: string | null;
  responsibleName: string;
  mode: ActivityMode | '';
  goal: string;
}

/** Who carries one activity out, how, and its own small goal. */
export function ResponsibleFields({
  value,
  onChange,
  errors = {},
  modes,
  title,
}: {
  value: ResponsibleValue;
  onChange: (changes: Partial<ResponsibleValue>) => void;
  errors?: { organizationId?: string };
  /** The modes the library allows for it (all when unknown). */
  modes?: readonly ActivityMode[];
  /** The activity's title: makes each field's name unique on a page of many. */
  title: string;
}) {
  const { t } = useTranslation();
  const allowed = modes && modes.length > 0 ? modes : activityModes;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <NativeSelect
          size="md"
          label={t('plans.editor.responsible')}
          aria-label={t('plans.editor.responsibleFor', { title })}
          value={value.responsible}
          onChange={(e) => onChange({ responsible: e.currentTarget.value as PlanResponsible })}
          data={planResponsibles.map((r) => ({ value: r, label: t(`plans.responsible.${r}`) }))}
        />
        <NativeSelect
          size="md"
          label={t('plans.editor.mode')}
          aria-label={t('plans.editor.modeFor', { title })}
          value={value.mode}
          onChange={(e) => onChange({ mode: e.currentTarget.value as ActivityMode | '' })}
          data={[
            { value: '', label: t('plans.editor.modeDefault') },
            ...allowed.map((m) => ({ value: m, label: t(`plans.mode.${m}`) })),
          ]}
        />
      </SimpleGrid>
      {value.responsible === 'organization' && (
        <OrganizationSelect
          label={t('plans.editor.organization')}
          value={value.organizationId}
          valueLabel={value.organizationName}
          onChange={(id) => onChange({ organizationId: id, organizationName: null })}
          error={errors.organizationId}
        />
      )}
      {(value.responsible === 'family' || value.responsible === 'volunteer') && (
        <TextInput
          size="md"
          label={t('plans.editor.responsibleName')}
          description={t('plans.editor.responsibleNameHint')}
          value={value.responsibleName}
          maxLength={200}
          onChange={(e) => onChange({ responsibleName: e.currentTarget.value })}
        />
      )}
      <TextInput
        size="md"
        label={t('plans.editor.activityGoal')}
        value={value.goal}
        maxLength={1000}
        onChange={(e) => onChange({ goal: e.currentTarget.value })}
      />
    </Stack>
  );
}
