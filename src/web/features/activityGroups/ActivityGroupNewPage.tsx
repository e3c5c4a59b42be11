import { Anchor, Box, Button, Group, NativeSelect, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { AreaDetail } from '../../../core/schemas/index.ts';
import { get } from '../../app/api.ts';
import { fieldErrorsFor, shownPaths } from '../../app/validation.ts';
import { AreaPicker } from '../../components/AreaPicker.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Notice } from '../../components/Notice.tsx';
import { notifySuccess } from '../../components/notifySuccess.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { areaKeys, useAreaChildren } from '../areas/api.ts';
import { areaLabel } from '../areas/labels.ts';
import { OrganizationSelect } from '../organizations/OrganizationSelect.tsx';
import { useActivities } from '../plans/api.ts';
import { activityTitle, dimensionLabel, useLang } from '../plans/parts.tsx';
import { useGroupAreas } from './access.ts';
import { useCreateActivityGroup } from './api.ts';
import { isGroupArea } from './attendance.ts';
import { emptyGroupForm, type GroupFormProblem, type GroupFormValues, toGroupCreate } from './form.ts';

const FIELDS = ['activityId', 'areaCode', 'name', 'organizationId', 'schedule'] as const;

/** `/activity-groups/new`: form a group activity from a library activity that can be done as a group. */
export default function ActivityGroupNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const areas = useGroupAreas();
  const create = useCreateActivityGroup();
  const [values, setValues] = useState<GroupFormValues>(() =>
    emptyGroupForm(!areas.wide && areas.codes.length === 1 ? areas.codes[0]! : null),
  );
  const [problems, setProblems] = useState<Record<string, GroupFormProblem>>({});
  const server = fieldErrorsFor(create.error, FIELDS).byField;
  const set = (changes: Partial<GroupFormValues>) => {
    setValues((v) => ({ ...v, ...changes }));
    // A field changed: its old complaint goes (the area's covers its village too).
    setProblems((p) => {
      const keys = Object.keys(changes).map((k) => (k === 'villageCode' ? 'areaCode' : k));
      return Object.fromEntries(Object.entries(p).filter(([k]) => !keys.includes(k)));
    });
  };
  const errorOf = (field: (typeof FIELDS)[number]) => {
    const p = problems[field];
    if (p === 'required') return t('validation.required');
    if (p === 'areaLevel') return t('activityGroups.form.areaLevel');
    if (p === 'tooLong') return t('validation.maxLength', { max: field === 'name' ? 200 : 500 });
    return server[field];
  };

  function submit() {
    const result = toGroupCreate(values);
    if (!result.ok) {
      setProblems(result.problems);
      return;
    }
    setProblems({});
    create.mutate(result.body, {
      onSuccess: (group) => {
        notifySuccess(t('activityGroups.form.created'));
        navigate(`/activity-groups/${group.id}`, { replace: true });
      },
    });
  }

  return (
    <Box maw={640}>
      <Anchor component={Link} to="/activity-groups" size="sm" mb="xs" display="inline-block">
        ← {t('activityGroups.title')}
      </Anchor>
      <PageTitle title={t('activityGroups.form.title')} intro={t('activityGroups.form.intro')} />
      {!areas.any ? (
        <Notice color="yellow" title={t('common.forbidden')} />
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <Stack gap="md">
            <ActivityPicker
              value={values.activityId}
              onChange={(id, title) => set({ activityId: id, name: values.name || title })}
              error={errorOf('activityId')}
            />
            <TextInput
              size="md"
              label={t('activityGroups.form.name')}
              description={t('activityGroups.form.nameHint')}
              required
              maxLength={200}
              value={values.name}
              onChange={(e) => set({ name: e.currentTarget.value })}
              error={errorOf('name')}
            />
            <AreaFields
              wide={areas.wide}
              codes={areas.codes}
              values={values}
              onChange={set}
              error={errorOf('areaCode')}
            />
            <OrganizationSelect
              label={t('activityGroups.form.organization')}
              value={values.organizationId}
              onChange={(id) => set({ organizationId: id })}
              error={errorOf('organizationId')}
            />
            <Textarea
              size="md"
              label={t('activityGroups.form.schedule')}
              description={t('activityGroups.form.scheduleHint')}
              autosize
              minRows={2}
              maxLength={500}
              value={values.schedule}
              onChange={(e) => set({ schedule: e.currentTarget.value })}
              error={errorOf('schedule')}
            />
            {create.error && (
              <ErrorAlert error={create.error} shownFields={shownPaths(create.error, FIELDS)} />
            )}
            <Group gap="sm" grow preventGrowOverflow={false}>
              <Button variant="default" size="lg" component={Link} to="/activity-groups">
                {t('common.cancel')}
              </Button>
              <Button type="submit" size="lg" loading={create.isPending}>
                {t('activityGroups.form.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Box>
  );
}

/** A library activity that can be done as a group, found by typing part of its name. */
function ActivityPicker({
  value,
  onChange,
  error,
}: {
  value: string | null;
  onChange: (id: string | null, title: string) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const typedChoice = chosen?.label === debounced;
  const found = useActivities({ dimension: '', mode: 'group', q: typedChoice ? '' : debounced });
  const items = (found.data?.pages ?? []).flatMap((p) => p.items).filter((a) => a.modes.includes('group'));
  const options = items.map((a) => ({
    value: a.id,
    label: `${activityTitle(a, lang)} (${dimensionLabel(t, a.dimension)})`,
  }));
  if (chosen && chosen.value === value && !options.some((o) => o.value === chosen.value)) {
    options.unshift(chosen);
  }
  return (
    <Select
      size="md"
      label={t('activityGroups.form.activity')}
      description={t('activityGroups.form.activityHint')}
      placeholder={t('activityGroups.form.activityPlaceholder')}
      required
      searchable
      data={options}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      onChange={(id) => {
        const activity = items.find((a) => a.id === id);
        const label = options.find((o) => o.value === id)?.label ?? '';
        setChosen(id ? { value: id, label } : null);
        onChange(id, activity ? activityTitle(activity, lang) : '');
      }}
      nothingFoundMessage={found.isFetching ? t('common.loading') : t('common.noResults')}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/**
 * Where the group meets: one of the person's own subdistricts or villages (a village of a chosen
 * subdistrict narrows it further), or, for wider areas, any subdistrict or village found by name.
 */
function AreaFields({
  wide,
  codes,
  values,
  onChange,
  error,
}: {
  wide: boolean;
  codes: readonly string[];
  values: GroupFormValues;
  onChange: (changes: Partial<GroupFormValues>) => void;
  error?: string;
}) {
  const { t, i18n } = useTranslation();
  const details = useQueries({
    queries: wide
      ? []
      : codes.map((code) => ({
          queryKey: areaKeys.detail(code),
          queryFn: ({ signal }: { signal: AbortSignal }) =>
            get<AreaDetail>(`/areas/${encodeURIComponent(code)}`, undefined, signal),
          staleTime: 5 * 60_000,
        })),
  });
  const subdistrict = values.areaCode && values.areaCode.length === 6 ? values.areaCode : null;
  const villages = useAreaChildren(subdistrict);
  const villageOptions = (villages.data?.pages.flatMap((p) => p.items) ?? []).map((a) => ({
    value: a.code,
    label: areaLabel(a, t, i18n.language),
  }));

  const main = wide ? (
    <AreaPicker
      label={t('activityGroups.form.area')}
      description={t('activityGroups.form.areaHint')}
      required
      value={values.areaCode}
      onChange={(code) => onChange({ areaCode: code, villageCode: null })}
      error={
        error ??
        (values.areaCode && !isGroupArea(values.areaCode) ? t('activityGroups.form.areaLevel') : undefined)
      }
    />
  ) : (
    <NativeSelect
      size="md"
      label={t('activityGroups.form.area')}
      description={t('activityGroups.form.areaHint')}
      required
      value={values.areaCode ?? ''}
      onChange={(e) => onChange({ areaCode: e.currentTarget.value || null, villageCode: null })}
      error={error}
      data={[
        ...(codes.length > 1 ? [{ value: '', label: t('activityGroups.form.areaChoose') }] : []),
        ...codes.map((code, i) => {
          const d = details[i]?.data;
          return { value: code, label: d ? areaLabel(d, t, i18n.language) : code };
        }),
      ]}
    />
  );
  return (
    <>
      {main}
      {subdistrict && villageOptions.length > 0 && (
        <NativeSelect
          size="md"
          label={t('activityGroups.form.village')}
          value={values.villageCode ?? ''}
          onChange={(e) => onChange({ villageCode: e.currentTarget.value || null })}
          data={[{ value: '', label: t('activityGroups.form.wholeSubdistrict') }, ...villageOptions]}
        />
      )}
    </>
  );
}
