import { Paper, Progress, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { WellbeingReport } from '../../../core/schemas/report.ts';
import { useLang } from '../screenings/instruments.ts';
import { Count, Percent } from './figures.tsx';
import { monthName } from './labels.ts';

/** People registered, screened, coverage, due and overdue: the first thing a committee asks. */
export function PopulationCards({ report }: { report: WellbeingReport }) {
  const { t } = useTranslation();
  const lang = useLang();
  const p = report.population;
  const dueMonth = monthName(t, lang, p.dueMonth);
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm">
      <Figure
        name="registered"
        label={t('reports.population.registered')}
        hint={t('reports.population.registeredHint')}
      >
        <Count value={p.registered} />
      </Figure>
      <Figure
        name="screened"
        label={t('reports.population.screened')}
        hint={t('reports.population.screenedHint')}
      >
        <Count value={p.screened} />
      </Figure>
      <Figure
        name="coverage"
        label={t('reports.population.coverage')}
        hint={<Progress value={p.coverage ?? 0} color="blue.8" size="lg" aria-hidden="true" />}
      >
        <Percent value={p.coverage} none={p.registered === 0} />
      </Figure>
      <Figure
        name="due"
        label={t('reports.population.dueIn', { month: dueMonth })}
        hint={t('reports.population.dueHint')}
      >
        <Count value={p.due} />
      </Figure>
      <Figure
        name="overdue"
        label={t('reports.population.overdue')}
        hint={t('reports.population.overdueHint')}
      >
        <Count value={p.overdue} />
      </Figure>
    </SimpleGrid>
  );
}

function Figure({
  name,
  label,
  hint,
  children,
}: {
  name: string;
  label: string;
  hint: ReactNode;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="md" radius="md" data-figure={name}>
      <Text size="sm" fw={600} c="gray.8">
        {label}
      </Text>
      <Text fz="2rem" fw={700} lh={1.3}>
        {children}
      </Text>
      {typeof hint === 'string' ? (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      ) : (
        hint
      )}
    </Paper>
  );
}
