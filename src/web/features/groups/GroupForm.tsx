import { Button, Group, MultiSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { groupCreate, groupPatch } from '../../../core/schemas/group.ts';
import {
  fieldErrorsFor,
  nullableText,
  optionalText,
  schemaErrors,
  shownPaths,
} from '../../app/validation.ts';
import {
  type BuddhistDate,
  NO_DATE,
  parseBuddhistDate,
  toBuddhistDate,
} from '../../components/buddhistDate.ts';
import { DateFields } from '../../components/DateFields.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useAreaChildren } from '../areas/api.ts';
import { areaLabel } from '../areas/labels.ts';
import { SubdistrictSelect } from './SubdistrictSelect.tsx';
import type { Group as GroupData } from './types.ts';

const FIELDS = ['name', 'areaCode', 'villageCodes', 'purpose', 'endsAt'] as const;

interface Props {
  /** The group being edited; none when creating one. */
  group?: GroupData;
  /** Where a new group may be (the admin's areas), null for anywhere. */
  scopes?: readonly string[] | null;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (body: Record<string, unknown>) => void;
  onCancel?: () => void;
}

/** Name, subdistrict (new groups only), villages, purpose and end date in the Buddhist era. */
export function GroupForm({ group, scopes = null, submitLabel, pending, error, onSubmit, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const [name, setName] = useState(group?.name ?? '');
  const [areaCode, setAreaCode] = useState<string | null>(
    group?.areaCode ?? (scopes?.length === 1 && scopes[0]!.length === 6 ? scopes[0]! : null),
  );
  const [villageCodes, setVillageCodes] = useState<string[]>(group?.villageCodes ?? []);
  const [purpose, setPurpose] = useState(group?.purpose ?? '');
  const [endDate, setEndDate] = useState<BuddhistDate>(group ? toBuddhistDate(group.endsAt) : NO_DATE);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const villages = useAreaChildren(areaCode);
  const villageOptions = (villages.data?.pages.flatMap((p) => p.items) ?? []).map((a) => ({
    value: a.code,
    label: areaLabel(a, t, i18n.language),
  }));
  const serverErrors = fieldErrorsFor(error, FIELDS).byField;
  const shown = { ...serverErrors, ...errors };

  function submit() {
    const end = parseBuddhistDate(endDate);
    const dateError = end.ok
      ? undefined
      : t(end.problem === 'incomplete' ? 'groups.form.dateIncomplete' : 'groups.form.dateInvalid');
    const endsAt = end.ok ? end.iso : null;
    const body = group
      ? { name: name.trim(), villageCodes, purpose: nullableText(purpose), endsAt }
      : {
          name: name.trim(),
          areaCode: areaCode ?? '',
          villageCodes,
          purpose: optionalText(purpose),
          ...(endsAt ? { endsAt } : {}),
        };
    const problems = schemaErrors(group ? groupPatch : groupCreate, body, t);
    if (dateError) problems.endsAt = dateError;
    setErrors(problems);
    if (Object.keys(problems).length === 0) onSubmit(body);
  }

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="md">
        <TextInput
          label={t('groups.form.name')}
          required
          size="md"
          maxLength={200}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={shown.name}
        />
        {!group && (
          <SubdistrictSelect
            scopes={scopes}
            value={areaCode}
            onChange={(code) => {
              setAreaCode(code);
              setVillageCodes([]);
            }}
            error={shown.areaCode}
          />
        )}
        {areaCode && villageOptions.length > 0 && (
          <MultiSelect
            label={t('groups.form.villages')}
            description={t('groups.form.villagesHint')}
            size="md"
            data={villageOptions}
            value={villageCodes}
            onChange={setVillageCodes}
            clearable
            error={shown.villageCodes}
            comboboxProps={{ withinPortal: true }}
          />
        )}
        <Textarea
          label={t('groups.form.purpose')}
          size="md"
          autosize
          minRows={2}
          maxLength={2000}
          value={purpose}
          onChange={(e) => setPurpose(e.currentTarget.value)}
          error={shown.purpose}
        />
        <DateFields
          legend={t('groups.form.endDate')}
          hint={t('groups.form.endDateHint')}
          value={endDate}
          onChange={setEndDate}
          error={shown.endsAt}
        />
        {Boolean(error) && <ErrorAlert error={error} shownFields={shownPaths(error, FIELDS)} />}
        <Group justify="flex-end" gap="sm">
          {onCancel && (
            <Button variant="default" size="md" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
          <Button type="submit" size="md" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
