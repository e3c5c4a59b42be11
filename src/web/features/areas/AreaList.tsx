import { Anchor, Badge, Group, Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AreaHit } from './api.ts';
import { ancestorsFromPath, areaLabel } from './labels.ts';

/** Areas as tappable cards: name, code, and how many areas lie below. Villages are leaves. */
export function AreaList({ areas, showLevel = false }: { areas: readonly AreaHit[]; showLevel?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <SimpleGrid
      component="ul"
      cols={{ base: 1, sm: 2, lg: 3 }}
      spacing="sm"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
    >
      {areas.map((area) => {
        const label = areaLabel(area, t, i18n.language);
        return (
          <Paper component="li" key={area.code} withBorder p="sm">
            <Group justify="space-between" wrap="nowrap" gap="xs">
              {area.level === 'village' ? (
                <Text fw={700}>{label}</Text>
              ) : (
                <Anchor component={Link} to={`/areas/${area.code}`} fw={700} className="touch">
                  {label}
                </Anchor>
              )}
              {showLevel && (
                <Badge variant="light" color="gray">
                  {t(`enums.areaLevel.${area.level}`)}
                </Badge>
              )}
            </Group>
            {showLevel && <AreaPathLine area={area} />}
            <Text size="sm" c="dimmed">
              {t('areas.code')} {area.code}
              {area.childCount !== undefined && area.level !== 'village'
                ? ` · ${t('areas.children', { count: area.childCount })}`
                : ''}
            </Text>
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}

/** Where a search hit lies: `อ.สิงหนคร จ.สงขลา`. */
function AreaPathLine({ area }: { area: AreaHit }) {
  const { t, i18n } = useTranslation();
  const ancestors = ancestorsFromPath(area);
  if (!ancestors || ancestors.length === 0) return null;
  const text = [...ancestors]
    .reverse()
    .map((a) => areaLabel(a, t, i18n.language))
    .join(i18n.language === 'en' ? ', ' : ' ');
  return <Text size="sm">{text}</Text>;
}
