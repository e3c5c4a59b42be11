import { Box, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  dimensionRange,
  type InstrumentDefinition,
  type ScoredResponse,
} from '../../../core/instruments/index.ts';
import { LevelIcon, levelColor } from '../../components/LevelIcon.tsx';
import { type Lang, say } from './instruments.ts';

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * A traffic light per dimension: colour, a shape with its own symbol, and the
 * result in words with the score, so nobody needs to tell colours apart.
 */
export function TrafficLights({
  definition,
  scored,
  lang,
}: {
  definition: InstrumentDefinition;
  scored: Pick<ScoredResponse, 'results' | 'scores'>;
  lang: Lang;
}) {
  const { t } = useTranslation();
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
      {definition.scoring.dimensions.map((dimension) => {
        const result = scored.results.find((r) => r.dimension === dimension.code);
        const score = scored.scores[dimension.code];
        if (!result || score === undefined) return null;
        const { max } = dimensionRange(definition, dimension);
        const scoreText = Number.isFinite(max)
          ? t('screenings.result.score', { score: round(score), max })
          : t('screenings.result.figure', { score: round(score) });
        const direction =
          dimension.worseWhen === 'lower'
            ? t('screenings.result.higherBetter')
            : t('screenings.result.lowerBetter');
        return (
          <Paper
            component="li"
            key={dimension.code}
            withBorder
            p="sm"
            radius="md"
            style={{ borderInlineStart: `8px solid ${levelColor[result.level]}` }}
            data-level={result.level}
          >
            <Group wrap="nowrap" gap="md" align="center">
              <LevelIcon level={result.level} size={36} />
              <Box>
                <Text fw={700}>{say(dimension.label, lang)}</Text>
                <Text fz="lg" fw={700} lh={1.4}>
                  {say(result.label, lang)}
                </Text>
                <Text size="sm" c="dimmed">
                  {scoreText} · {direction}
                </Text>
              </Box>
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}

/** Dimensions without cut-offs are figures (BMI, a count): shown as they are. */
export function Measures({
  definition,
  scored,
  lang,
}: {
  definition: InstrumentDefinition;
  scored: Pick<ScoredResponse, 'results' | 'scores'>;
  lang: Lang;
}) {
  const { t } = useTranslation();
  const rows = definition.scoring.dimensions.filter((d) => !d.bands && scored.scores[d.code] !== undefined);
  const total = scored.scores.total;
  if (rows.length === 0 && (total === undefined || !definition.scoring.total)) return null;
  return (
    <Stack gap={4}>
      {definition.scoring.total && total !== undefined && (
        <Text fw={700}>
          {t('screenings.result.total', {
            score: round(total),
            max: definition.scoring.dimensions.reduce((n, d) => n + dimensionRange(definition, d).max, 0),
          })}{' '}
          · {t('screenings.result.lowerBetter')}
        </Text>
      )}
      {rows.map((d) => (
        <Text key={d.code}>
          {say(d.label, lang)}: <b>{round(scored.scores[d.code] ?? 0)}</b>
        </Text>
      ))}
    </Stack>
  );
}
