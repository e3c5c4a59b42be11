import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { placeOf } from '../../../core/policy/index.ts';
import { usePerson } from '../persons/api.ts';
import { useActivityGroups } from './api.ts';
import { groupsFor } from './attendance.ts';

/**
 * For a plan activity done as a group: which existing group of the person's area it joins
 * (optional). Only groups of the same library activity, in the person's place or above/below it.
 */
export function ActivityGroupSelect({
  personId,
  activityId,
  title,
  value,
  onChange,
  error,
}: {
  personId: string;
  activityId: string;
  /** The activity's title: makes the field's name unique on a page of many. */
  title: string;
  value: string | null;
  onChange: (id: string | null, name: string | null) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const person = usePerson(personId);
  const address = person.data?.address;
  const groups = useActivityGroups(address?.areaCode ?? '', Boolean(address));
  const all = groups.data?.pages.flatMap((p) => p.items) ?? [];
  const options = address ? groupsFor(all, activityId, placeOf(address)) : [];
  const pending = person.isPending || groups.isPending;
  const data = [
    { value: '', label: t('activityGroups.pick.none') },
    ...options.map((g) => ({
      value: g.id,
      label: g.schedule ? `${g.name} (${g.schedule})` : g.name,
    })),
  ];
  if (value && !options.some((g) => g.id === value)) {
    data.push({ value, label: t('activityGroups.pick.current') });
  }
  const hint = pending
    ? t('common.loading')
    : groups.error || person.error
      ? t('activityGroups.pick.failed')
      : options.length === 0
        ? t('activityGroups.pick.noGroups')
        : t('activityGroups.pick.hint');
  return (
    <div data-group-pick={activityId}>
      <NativeSelect
        size="md"
        label={t('activityGroups.pick.label')}
        aria-label={t('activityGroups.pick.labelFor', { title })}
        description={hint}
        value={value ?? ''}
        disabled={pending || (options.length === 0 && !value)}
        onChange={(e) => {
          const id = e.currentTarget.value || null;
          onChange(id, options.find((g) => g.id === id)?.name ?? null);
        }}
        data={data}
        error={error}
      />
    </div>
  );
}
