import { Badge, Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Level } from '../../../core/instruments/index.ts';
import type { PlanDimension } from '../../../core/schemas/plan.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LevelIcon, levelColor } from '../../components/LevelIcon.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { useActivity } from './api.ts';
import { addressLabel, adherenceColor, adherencePercent, effectKind } from './grouping.ts';
import type { Activity, ActivityEffect, LatestProgress } from './types.ts';

export type Lang = 'th' | 'en';

export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'th';
}

export const activityTitle = (a: Pick<Activity, 'titleTh' | 'titleEn'>, lang: Lang) =>
  lang === 'en' && a.titleEn ? a.titleEn : a.titleTh;
export const activityDescription = (a: Pick<Activity, 'descriptionTh' | 'descriptionEn'>, lang: Lang) =>
  lang === 'en' && a.descriptionEn ? a.descriptionEn : a.descriptionTh;
export const activityHow = (a: Pick<Activity, 'howTh' | 'howEn'>, lang: Lang) =>
  (lang === 'en' && a.howEn ? a.howEn : a.howTh) ?? '';

export const dimensionLabel = (t: TFunction, d: PlanDimension) => t(`plans.dimension.${d}`);

/** A dimension's heading, with the latest screening's traffic light in shape and words when known. */
export function DimensionHeading({
  dimension,
  level,
  order = 2,
  id,
}: {
  dimension: PlanDimension;
  level?: Level;
  order?: 2 | 3;
  id?: string;
}) {
  const { t } = useTranslation();
  return (
    <Group
      gap="sm"
      wrap="nowrap"
      pl="xs"
      style={{ borderInlineStart: `6px solid ${level ? levelColor[level] : 'var(--mantine-color-gray-4)'}` }}
      data-dimension={dimension}
      data-level={level}
    >
      {level && <LevelIcon level={level} size={26} />}
      <Title order={order} size="h4" id={id}>
        {dimensionLabel(t, dimension)}
        {level && (
          <Text span fw={400} size="sm" c="dimmed">
            {' '}
            · {t(`plans.level.${level}`)}
          </Text>
        )}
      </Title>
    </Group>
  );
}

/** "ทำตามแผน 75%" in a badge coloured by how well it goes; "ยังไม่มีรายงาน" before any report. */
export function AdherenceBadge({
  value,
  size = 'lg',
}: {
  value: number | { percent: number | null } | null | undefined;
  size?: 'md' | 'lg';
}) {
  const { t } = useTranslation();
  const percent = adherencePercent(value);
  return (
    <Badge
      size={size}
      variant="light"
      color={adherenceColor(percent)}
      c="dark.9"
      data-adherence={percent ?? ''}
      styles={{ label: { textTransform: 'none' } }}
    >
      {percent === null ? t('plans.adherence.none') : t('plans.adherence.value', { percent })}
    </Badge>
  );
}

const STATUS_COLOR = { done: 'teal', partly: 'yellow', not_done: 'red' } as const;

/** The latest month's report on an activity. */
export function LatestProgressLine({ progress }: { progress: LatestProgress | null }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (!progress)
    return (
      <Text size="sm" c="dimmed">
        {t('plans.progress.noneYet')}
      </Text>
    );
  return (
    <Group gap="xs" wrap="wrap">
      <Badge
        variant="light"
        color={STATUS_COLOR[progress.status]}
        c="dark.9"
        styles={{ label: { textTransform: 'none' } }}
      >
        {t(`plans.progress.status.${progress.status}`)}
      </Badge>
      <Text size="sm" c="dimmed">
        {monthLabel(progress.month, lang, t)}
      </Text>
      {progress.note && (
        <Text size="sm" className="break-anywhere">
          “{progress.note}”
        </Text>
      )}
    </Group>
  );
}

/** `พฤศจิกายน 2569` / `November 2026`. */
export function monthLabel(month: string, lang: Lang, t: TFunction): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${t(`enums.month.${m}` as 'enums.month.1')} ${lang === 'th' ? y + 543 : y}`;
}

/** What an activity addresses, as small grey labels. */
export function AddressesLine({ codes }: { codes: readonly string[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (codes.length === 0) return null;
  return (
    <Text size="sm" c="dimmed">
      {t('plans.addresses')}: {codes.map((c) => addressLabel(c, lang)).join(', ')}
    </Text>
  );
}

/** A button that opens the library's description and how-to of one activity. */
export function ActivityInfoButton({ activityId, title }: { activityId: string; title: string }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button variant="subtle" size="compact-md" onClick={open} aria-label={t('plans.info.open', { title })}>
        {t('plans.info.button')}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={title}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {opened && <ActivityInfo activityId={activityId} />}
      </Modal>
    </>
  );
}

function ActivityInfo({ activityId }: { activityId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const activity = useActivity(activityId);
  if (activity.isPending) return <LoadingState rows={3} />;
  if (activity.error) return <ErrorAlert error={activity.error} onRetry={() => void activity.refetch()} />;
  const a = activity.data;
  const how = activityHow(a, lang);
  return (
    <Stack gap="sm">
      <Text style={{ whiteSpace: 'pre-line' }}>{activityDescription(a, lang)}</Text>
      {how && (
        <div>
          <Text fw={700}>{t('plans.library.how')}</Text>
          <Text style={{ whiteSpace: 'pre-line' }}>{how}</Text>
        </div>
      )}
      <EffectLine effect={a.effect} />
    </Stack>
  );
}

/** The library's evidence, said honestly: the difference, how many people, and "too few yet" when so. */
export function EffectLine({ effect }: { effect: ActivityEffect | null }) {
  const { t } = useTranslation();
  const kind = effect ? effectKind(effect) : 'none';
  if (!effect || kind === 'none') {
    return (
      <Text c="dimmed" data-effect="none">
        {t('plans.effect.unknown')}
      </Text>
    );
  }
  const values = {
    amount: Math.round(Math.abs(effect.estimate ?? 0) * 10) / 10,
    n: effect.n,
    comparisonN: effect.comparisonN,
  };
  const text =
    kind === 'better'
      ? t('plans.effect.better', values)
      : kind === 'worse'
        ? t('plans.effect.worse', values)
        : kind === 'small'
          ? t('plans.effect.tooFew', values)
          : t('plans.effect.noDifference', values);
  return (
    <Stack gap={4} data-effect={kind}>
      <Text fw={600}>{text}</Text>
      {effect.small && (
        <Badge color="gray" variant="light" styles={{ label: { textTransform: 'none' } }}>
          {t('plans.effect.small')}
        </Badge>
      )}
    </Stack>
  );
}
