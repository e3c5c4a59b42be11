import { Group, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LevelIcon } from '../../components/LevelIcon.tsx';
import { DIMENSIONS, type Levels } from './types.ts';

/** One traffic light per dimension, each with its word: the shape, the word and the colour all carry it. */
export function LevelsLine({ levels }: { levels: Levels | null }) {
  const { t } = useTranslation();
  if (!levels) {
    return (
      <Text size="sm" c="dimmed">
        {t('groups.people.notScreened')}
      </Text>
    );
  }
  return (
    <Group
      gap="sm"
      wrap="wrap"
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('groups.people.levels')}
    >
      {DIMENSIONS.map((d) => {
        const level = levels[d];
        if (!level) return null;
        return (
          <Group key={d} gap={4} component="li" wrap="nowrap">
            <LevelIcon level={level} size={18} />
            <Text size="sm">{t(`screenings.dimensions.${d}`)}</Text>
            <VisuallyHidden>{t(`screenings.level.${level}`)}</VisuallyHidden>
          </Group>
        );
      })}
    </Group>
  );
}
