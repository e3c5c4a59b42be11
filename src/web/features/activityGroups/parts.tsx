import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useArea } from '../areas/api.ts';
import { areaLabel } from '../areas/labels.ts';
import { adherenceColor } from '../plans/grouping.ts';

/** An area by name with its level (`หมู่ 1 บ้าน…`, `ต.ป่าขาด`), its code until the name comes. */
export function AreaName({ code }: { code: string }) {
  const { t, i18n } = useTranslation();
  const area = useArea(code);
  if (!area.data) return <>{code}</>;
  const parent = area.data.ancestors.find((a) => a.level === 'subdistrict' && a.code !== code);
  const own = areaLabel(area.data, t, i18n.language);
  return <>{parent ? `${own}, ${areaLabel(parent, t, i18n.language)}` : own}</>;
}

/** "มาร่วม 75%" coloured like adherence; "ยังไม่มีการเช็กชื่อ" before any mark. */
export function AttendanceBadge({ rate, size = 'lg' }: { rate: number | null; size?: 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge
      size={size}
      variant="light"
      color={adherenceColor(rate)}
      c="dark.9"
      data-attendance-rate={rate ?? ''}
      styles={{ label: { textTransform: 'none' } }}
    >
      {rate === null
        ? t('activityGroups.page.rateNone')
        : t('activityGroups.page.rateValue', { percent: rate })}
    </Badge>
  );
}
