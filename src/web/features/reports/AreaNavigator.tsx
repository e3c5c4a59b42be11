import { Anchor, Breadcrumbs, NativeSelect, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useArea, useAreaChildren } from '../areas/api.ts';
import { areaLabel } from '../areas/labels.ts';
import { childLevel, type ReportParams } from './params.ts';

interface Props {
  area: string | null;
  hrefOf: (change: Partial<ReportParams>) => string;
  onPick: (code: string) => void;
}

/**
 * Down the tree and back up: the breadcrumb of the area shown (each level a link up), and the
 * areas one level below to go down to (province → district → subdistrict → village).
 */
export function AreaNavigator({ area, hrefOf, onPick }: Props) {
  return (
    <Stack gap="xs">
      <AreaBreadcrumbs area={area} hrefOf={hrefOf} />
      <ChildPicker area={area} onPick={onPick} />
    </Stack>
  );
}

function AreaBreadcrumbs({ area, hrefOf }: Pick<Props, 'area' | 'hrefOf'>) {
  const { t, i18n } = useTranslation();
  const detail = useArea(area);
  if (area && detail.isPending) return <Skeleton h={28} w="60%" />;
  const ancestors = detail.data?.ancestors ?? [];
  return (
    <nav aria-label={t('reports.area.breadcrumb')}>
      <Breadcrumbs separator="›" style={{ flexWrap: 'wrap' }} separatorMargin={6}>
        {area ? (
          <Anchor component={Link} to={hrefOf({ area: null })} className="touch">
            {t('reports.area.allProvinces')}
          </Anchor>
        ) : (
          <Text span fw={700} aria-current="page">
            {t('reports.area.allProvinces')}
          </Text>
        )}
        {ancestors.map((a) => (
          <Anchor component={Link} to={hrefOf({ area: a.code })} key={a.code} className="touch">
            {areaLabel(a, t, i18n.language)}
          </Anchor>
        ))}
        {detail.data && (
          <Text span fw={700} aria-current="page">
            {areaLabel(detail.data, t, i18n.language)}
          </Text>
        )}
      </Breadcrumbs>
    </nav>
  );
}

function ChildPicker({ area, onPick }: Pick<Props, 'area' | 'onPick'>) {
  const level = childLevel(area);
  return level ? <ChildSelect area={area} level={level} onPick={onPick} /> : null;
}

function ChildSelect({
  area,
  level,
  onPick,
}: Pick<Props, 'area' | 'onPick'> & { level: NonNullable<ReturnType<typeof childLevel>> }) {
  const { t, i18n } = useTranslation();
  const children = useAreaChildren(area);
  if (children.isPending) return <Skeleton h={64} maw={420} />;
  if (children.error) return <ErrorAlert error={children.error} onRetry={() => void children.refetch()} />;
  const items = children.data.pages.flatMap((p) => p.items);
  const levelName = t(`enums.areaLevel.${level}`);
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('reports.area.noChildren', { level: levelName })}
      </Text>
    );
  }
  return (
    <NativeSelect
      label={t('reports.area.down', { level: levelName })}
      size="md"
      maw={420}
      value=""
      onChange={(e) => e.currentTarget.value && onPick(e.currentTarget.value)}
      data={[
        { value: '', label: t('reports.area.choose', { level: levelName }) },
        ...items.map((a) => ({ value: a.code, label: areaLabel(a, t, i18n.language) })),
      ]}
    />
  );
}
