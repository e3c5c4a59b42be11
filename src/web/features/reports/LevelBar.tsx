import { Anchor, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Level } from '../../../core/instruments/index.ts';
import type { LevelCounts, ReportCount } from '../../../core/schemas/report.ts';
import { LevelIcon } from '../../components/LevelIcon.tsx';
import { Count, Percent } from './figures.tsx';
import { levelName } from './labels.ts';
import { formatPercent, levelShares, levels } from './shape.ts';
import './reports.css';

/** Below this share a segment is too narrow for its number (the legend still has it). */
const LABEL_MIN_SHARE = 8;

interface Props {
  label: string;
  counts: LevelCounts;
  /** What the shares are of when a light is hidden. */
  screened: ReportCount;
  /** Big type for the slides. */
  large?: boolean;
  /** The people behind a light, for those who may see them. */
  drillHref?: (level: Level) => string | null;
}

/**
 * One stacked traffic-light bar: green, yellow, red side by side in proportion, with the counts
 * and shares written below (each with its own symbol, so colour is never the only cue). A hidden
 * light leaves a hatched "hidden" part; nothing is worked out from the others.
 */
export function LevelBar({ label, counts, screened, large = false, drillHref }: Props) {
  const { t } = useTranslation();
  const shares = levelShares(counts, screened);
  const known = levels.reduce((sum, level) => sum + (shares.share[level] ?? 0), 0);
  const hiddenShare = shares.hidden ? Math.max(0, 100 - known) : 0;
  const summary = levels
    .map(
      (level) => `${levelName(t, level)} ${formatPercent(shares.share[level]) ?? t('reports.hidden.short')}`,
    )
    .join(', ');

  return (
    <Stack gap={6} data-dimension-bar={label}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Text fw={700} fz={large ? '2rem' : 'lg'}>
          {label}
        </Text>
        {shares.whole !== null && (
          <Text size={large ? 'xl' : 'sm'} c="gray.8">
            {t('reports.dimensions.of', { count: shares.whole })}
          </Text>
        )}
      </Group>
      {shares.whole === 0 ? (
        <Text c="dimmed">{t('reports.dimensions.noneScreened')}</Text>
      ) : (
        <div
          className="level-bar"
          role="img"
          aria-label={`${label}: ${summary}`}
          style={
            large ? ({ '--level-bar-height': '4rem', '--level-bar-font': '1.6rem' } as never) : undefined
          }
        >
          {levels.map((level) => {
            const share = shares.share[level];
            if (!share) return null;
            return (
              <div key={level} className="level-seg" data-level={level} style={{ width: `${share}%` }}>
                {share >= LABEL_MIN_SHARE ? formatPercent(share) : ''}
              </div>
            );
          })}
          {(hiddenShare > 0 || shares.whole === null) && (
            <div className="level-seg" data-level="hidden" style={{ flex: 1 }}>
              {t('reports.hidden.short')}
            </div>
          )}
        </div>
      )}
      <Group gap={large ? 'xl' : 'md'} wrap="wrap">
        {levels.map((level) => (
          <LevelFigure
            key={level}
            level={level}
            count={counts[level]}
            share={shares.share[level]}
            large={large}
            href={drillHref?.(level) ?? null}
          />
        ))}
      </Group>
    </Stack>
  );
}

function LevelFigure({
  level,
  count,
  share,
  large,
  href,
}: {
  level: Level;
  count: ReportCount;
  share: number | null;
  large: boolean;
  href: string | null;
}) {
  const { t } = useTranslation();
  const body = (
    <>
      {levelName(t, level)}{' '}
      <b>
        <Count value={count} />
      </b>
      {share !== null && (
        <>
          {' '}
          (<Percent value={share} />)
        </>
      )}
    </>
  );
  return (
    <Group gap={6} wrap="nowrap" data-level-figure={level}>
      <LevelIcon level={level} size={large ? 40 : 22} />
      {href && count ? (
        <Anchor component={Link} to={href} fz={large ? '1.6rem' : 'md'} className="touch">
          {body}
          <VisuallyHidden> {t('reports.people.seeWho')}</VisuallyHidden>
        </Anchor>
      ) : (
        <Text fz={large ? '1.6rem' : 'md'}>{body}</Text>
      )}
    </Group>
  );
}
