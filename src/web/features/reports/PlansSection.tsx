import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportPlans } from '../../../core/schemas/report.ts';
import { Count, Percent } from './figures.tsx';
import { ReportSection } from './ReportSection.tsx';

/** Individual plans: how many of the screened have one, report on it, and how well it is followed. */
export function PlansSection({ plans, screened }: { plans: ReportPlans; screened: number | null }) {
  const { t } = useTranslation();
  return (
    <ReportSection id="plans" title={t('reports.plans.title')} intro={t('reports.plans.intro')}>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        <PlanFigure label={t('reports.plans.withPlan')}>
          <Count value={plans.withPlan} />
        </PlanFigure>
        <PlanFigure label={t('reports.plans.coverage')}>
          <Percent value={plans.coverage} none={screened === 0} />
        </PlanFigure>
        <PlanFigure label={t('reports.plans.reporting')}>
          <Count value={plans.reporting} />
        </PlanFigure>
        <PlanFigure label={t('reports.plans.adherence')}>
          <Percent value={plans.adherence} none={plans.reporting === 0} />
        </PlanFigure>
      </SimpleGrid>
    </ReportSection>
  );
}

function PlanFigure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Text size="sm" fw={600} c="gray.8">
        {label}
      </Text>
      <Text fz="1.75rem" fw={700}>
        {children}
      </Text>
    </Paper>
  );
}
