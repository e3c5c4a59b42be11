import { Button, Group, Paper, SimpleGrid, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ageOn, thaiToday } from '../../../../core/thai/birthDate.ts';
import { AreaNames } from '../../areas/AreaNames.tsx';
import { birthDateText, enumLabel, nationalityLabel } from '../labels.ts';
import type { ConsentValues } from '../validate.ts';
import { birthDateOf, type PersonValues } from '../values.ts';
import { STEPS } from './steps.ts';

interface Props {
  values: PersonValues;
  consent: ConsentValues;
  onEdit: (step: number) => void;
}

/** Everything typed, step by step, each with a way back to fix it. */
export function ReviewStep({ values: v, consent, onEdit }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'th';
  const none = t('common.none');
  const list = (name: Parameters<typeof enumLabel>[1], codes: readonly string[]) =>
    codes.length ? codes.map((c) => enumLabel(t, name, c)).join(', ') : none;
  const birth = birthDateOf(v);
  const born =
    'date' in birth
      ? `${birthDateText(t, lang, birth.date, v.birthDateEstimated)} · ${t('persons.birth.ageNow', { count: ageOn(birth.date, thaiToday()) })}`
      : none;

  const sections: { step: number; facts: [string, ReactNode][] }[] = [
    {
      step: 0,
      facts: [
        [t('persons.field.idType'), enumLabel(t, 'idType', v.idType)],
        v.idType === 'none'
          ? [t('persons.field.noIdReason'), v.noIdReason || none]
          : [t('persons.field.nationalId'), v.nationalId || none],
      ],
    },
    {
      step: 1,
      facts: [
        [
          t('persons.field.name'),
          [v.title ? enumLabel(t, 'title', v.title) : '', v.firstName, v.lastName].filter(Boolean).join(' '),
        ],
        [t('persons.field.sex'), enumLabel(t, 'sex', v.sex)],
        [t('persons.field.birthDate'), born],
        [t('persons.field.nationality'), nationalityLabel(t, v.nationality)],
        [t('persons.field.religion'), enumLabel(t, 'religion', v.religion)],
        [t('persons.field.maritalStatus'), enumLabel(t, 'maritalStatus', v.maritalStatus)],
        [t('persons.field.education'), enumLabel(t, 'education', v.education)],
        [t('persons.field.occupation'), v.occupation || none],
      ],
    },
    {
      step: 2,
      facts: [
        [
          t('persons.field.area'),
          <AreaNames key="area" codes={[v.villageCode ?? v.areaCode ?? ''].filter(Boolean)} empty={none} />,
        ],
        ...(v.villageCode
          ? []
          : [[t('persons.field.villageNo'), v.villageNo || none] as [string, ReactNode]]),
        [t('persons.field.houseNo'), v.houseNo || none],
        [t('persons.field.postcode'), v.postcode || none],
        [t('persons.field.phone'), v.phone || none],
        [
          t('persons.field.location'),
          v.location ? t('persons.address.locationSet', { lat: v.location.lat, lon: v.location.lon }) : none,
        ],
      ],
    },
    {
      step: 3,
      facts: [
        [t('persons.field.vulnerability'), list('vulnerability', v.vulnerability)],
        [t('persons.field.chronicConditions'), list('chronicCondition', v.chronicConditions)],
        [
          t('persons.field.disability'),
          v.hasDisability
            ? `${list('disabilityType', v.disabilityTypes)}${v.disabilityCard ? ` · ${v.disabilityCard}` : ''}`
            : none,
        ],
        [t('persons.field.healthCoverage'), enumLabel(t, 'healthCoverage', v.healthCoverage)],
        [t('persons.field.incomeBand'), enumLabel(t, 'incomeBand', v.incomeBand)],
      ],
    },
    {
      step: 4,
      facts: [
        [
          t('persons.field.caregiver'),
          v.hasCaregiver
            ? [enumLabel(t, 'caregiverRelation', v.caregiverRelation), v.caregiverName, v.caregiverPhone]
                .filter(Boolean)
                .join(' · ')
            : none,
        ],
        [
          t('persons.field.consent'),
          consent.consentGiven
            ? `${t('persons.consent.granted')} · ${enumLabel2(t, consent.consentMethod)}${
                consent.consentMethod === 'verbal_witnessed'
                  ? ` · ${t('persons.consent.witnessBy', { name: consent.witnessName })}`
                  : ''
              }`
            : t('persons.consentNo'),
        ],
      ],
    },
  ];

  return (
    <Stack gap="md">
      <Text>{t('persons.wizard.reviewIntro')}</Text>
      {sections.map((s) => {
        const title = t(`persons.wizard.steps.${STEPS[s.step]!.id}`);
        return (
          <Paper key={s.step} withBorder p="md" component="section" aria-labelledby={`review-${s.step}`}>
            <Group justify="space-between" wrap="nowrap" mb="xs">
              <Title order={3} size="h4" id={`review-${s.step}`}>
                {title}
              </Title>
              <Button variant="default" size="sm" onClick={() => onEdit(s.step)}>
                {t('common.edit')}
                <VisuallyHidden> {title}</VisuallyHidden>
              </Button>
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" component="dl" m={0}>
              {shown(s.facts, none).map(([label, value]) => (
                <div key={label}>
                  <Text component="dt" size="sm" c="dimmed">
                    {label}
                  </Text>
                  <Text component="dd" fw={600} m={0} className="break-anywhere">
                    {value}
                  </Text>
                </div>
              ))}
            </SimpleGrid>
          </Paper>
        );
      })}
    </Stack>
  );
}

/** Optional items left empty are not listed: the review stays short on a phone. */
function shown(facts: [string, ReactNode][], none: string): [string, ReactNode][] {
  const filled = facts.filter(([, value]) => value !== none);
  return filled.length > 0 ? filled : facts.slice(0, 1);
}

function enumLabel2(t: TFunction, method: string | null): string {
  return method === 'paper' || method === 'verbal_witnessed' || method === 'self'
    ? t(`enums.consentMethod.${method}`)
    : t('common.none');
}
