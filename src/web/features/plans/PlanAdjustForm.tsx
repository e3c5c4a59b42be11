import { Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { planPatch } from '../../../core/schemas/plan.ts';
import { fieldErrorsFor, shownPaths } from '../../app/validation.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { notifySuccess } from '../../components/notifySuccess.ts';
import { ActivityGroupSelect } from '../activityGroups/ActivityGroupSelect.tsx';
import { type AdjustRow, rowsOf, toPatch } from './adjust.ts';
import { usePatchPlan } from './api.ts';
import { LibraryAdder } from './LibraryAdder.tsx';
import { activityTitle, dimensionLabel, useLang } from './parts.tsx';
import { ResponsibleFields } from './ResponsibleFields.tsx';
import type { Plan } from './types.ts';

const FIELDS = ['reason', 'activities', 'goals'] as const;

/** Adjust the plan: a new version with a reason; dropping an activity asks first (it stays in the history). */
export function PlanAdjustForm({ plan, onDone }: { plan: Plan; onDone: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [rows, setRows] = useState<AdjustRow[]>(() => rowsOf(plan));
  const [personal, setPersonal] = useState(plan.goals.personal ?? '');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const patch = usePatchPlan(plan.id);
  const server = fieldErrorsFor(patch.error, FIELDS);

  const update = (index: number, changes: Partial<AdjustRow>) =>
    setRows((all) =>
      all.map((r, i) => {
        if (i !== index) return r;
        const next = { ...r, ...changes };
        if (next.responsible !== 'organization') {
          next.organizationId = null;
          next.organizationName = null;
        }
        // Only an activity done as a group joins a group.
        if (changes.mode !== undefined && next.mode !== 'group') next.activityGroupId = null;
        return next;
      }),
    );

  function save() {
    const body = toPatch(plan, rows, personal, reason);
    const found: Record<string, string> = {};
    if (!planPatch.safeParse(body).success || !body.reason) found.reason = t('plans.adjust.reasonRequired');
    if ((body.activities ?? []).length === 0) found.activities = t('plans.editor.pickOne');
    const orgMissing = rows.find((r) => !r.removed && r.responsible === 'organization' && !r.organizationId);
    if (orgMissing) found.activities = t('plans.editor.organizationMissing', { title: orgMissing.title });
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    patch.mutate(body, {
      onSuccess: () => {
        notifySuccess(t('plans.adjust.saved'));
        onDone();
      },
    });
  }

  return (
    <Stack gap="md" component="section" aria-labelledby="adjust-title">
      <Title order={2} size="h3" id="adjust-title">
        {t('plans.adjust.title')}
      </Title>
      {rows.map((r, index) => (
        <Paper key={r.id ?? `new-${r.activityId}`} withBorder p="sm" radius="md" data-removed={r.removed}>
          <Stack gap="xs">
            <Group justify="space-between" gap="xs" wrap="wrap">
              <Text fw={700} td={r.removed ? 'line-through' : undefined}>
                {r.title}
              </Text>
              <Badge variant="light" color="gray" styles={{ label: { textTransform: 'none' } }}>
                {dimensionLabel(t, r.dimension)}
              </Badge>
            </Group>
            {r.removed ? (
              <Group gap="sm">
                <Text size="sm" c="red.9" fw={600}>
                  {t('plans.adjust.willDrop')}
                </Text>
                <Button size="sm" variant="default" onClick={() => update(index, { removed: false })}>
                  {t('plans.adjust.keep')}
                </Button>
              </Group>
            ) : (
              <>
                <ResponsibleFields title={r.title} value={r} onChange={(changes) => update(index, changes)} />
                {r.mode === 'group' && (
                  <ActivityGroupSelect
                    personId={plan.personId}
                    activityId={r.activityId}
                    title={r.title}
                    value={r.activityGroupId}
                    onChange={(id) => update(index, { activityGroupId: id })}
                  />
                )}
                <Group>
                  {r.id ? (
                    <ConfirmButton
                      label={t('plans.adjust.drop')}
                      ariaLabel={t('plans.adjust.dropNamed', { title: r.title })}
                      question={t('plans.adjust.dropQuestion', { title: r.title })}
                      variant="outline"
                      size="sm"
                      onConfirm={() => update(index, { removed: true })}
                    />
                  ) : (
                    <Button
                      size="sm"
                      variant="outline"
                      color="red.9"
                      onClick={() => setRows((all) => all.filter((_, i) => i !== index))}
                    >
                      {t('plans.adjust.undoAdd')}
                    </Button>
                  )}
                </Group>
              </>
            )}
          </Stack>
        </Paper>
      ))}
      <LibraryAdder
        exclude={new Set(rows.filter((r) => !r.removed).map((r) => r.activityId))}
        onAdd={(a) =>
          setRows((all) => [
            ...all,
            {
              activityId: a.id,
              dimension: a.dimension,
              title: activityTitle(a, lang),
              responsible: 'self',
              organizationId: null,
              organizationName: null,
              responsibleName: '',
              mode: '',
              goal: '',
              startsOn: null,
              endsOn: null,
              activityGroupId: null,
              removed: false,
            },
          ])
        }
      />
      {(errors.activities || server.byField.activities) && (
        <Text c="red.9" fw={600} role="alert">
          {errors.activities ?? server.byField.activities}
        </Text>
      )}
      <Textarea
        size="md"
        label={t('plans.editor.personal')}
        autosize
        minRows={2}
        maxLength={1000}
        value={personal}
        onChange={(e) => setPersonal(e.currentTarget.value)}
      />
      <Textarea
        size="md"
        label={t('plans.adjust.reason')}
        description={t('plans.adjust.reasonHint')}
        required
        autosize
        minRows={2}
        maxLength={1000}
        value={reason}
        error={errors.reason ?? server.byField.reason}
        onChange={(e) => setReason(e.currentTarget.value)}
      />
      {patch.error && <ErrorAlert error={patch.error} shownFields={shownPaths(patch.error, FIELDS)} />}
      <Group gap="sm" grow preventGrowOverflow={false}>
        <Button variant="default" size="lg" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button size="lg" onClick={save} loading={patch.isPending}>
          {t('plans.adjust.save')}
        </Button>
      </Group>
    </Stack>
  );
}
