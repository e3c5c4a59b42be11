import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Person } from '../../../../core/schemas/index.ts';
import { formatNationalId } from '../../../../core/thai/nationalId.ts';
import { type Fact, FactList } from '../../../components/FactList.tsx';
import { AreaNames } from '../../areas/AreaNames.tsx';
import { birthDateText, type EnumName, enumLabel, nationalityLabel } from '../labels.ts';
import { Vulnerabilities } from '../PersonResults.tsx';

/**
 * The 20 basic items, grouped the way a volunteer talks about them. `linkHousehold={false}` where the reader may
 * not open the household page (a citizen's own data): the relation is shown as text.
 */
export function PersonDetails({
  person: p,
  linkHousehold = true,
}: {
  person: Person;
  linkHousehold?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'th';
  const none = t('common.none');
  const list = (name: EnumName, codes: readonly string[]) =>
    codes.length ? codes.map((c) => enumLabel(t, name, c)).join(', ') : none;
  const tel = (phone: string | null) =>
    phone ? <Anchor href={`tel:${phone.replace(/[^0-9+]/g, '')}`}>{phone}</Anchor> : none;

  const identity: Fact[] = [
    { label: t('persons.field.idType'), value: enumLabel(t, 'idType', p.idType) },
    p.idType === 'none'
      ? { label: t('persons.field.noIdReason'), value: p.noIdReason ?? none }
      : {
          label: t('persons.field.nationalId'),
          value: (
            <>
              <span style={{ fontVariantNumeric: 'tabular-nums' }}>
                {p.nationalId && p.idType === 'thai_id' && !p.nationalIdMasked
                  ? formatNationalId(p.nationalId)
                  : (p.nationalId ?? none)}
              </span>
              {p.nationalIdMasked && (
                <Text component="span" c="dimmed" size="sm" fw={400} display="block">
                  {t('persons.id.masked')}
                </Text>
              )}
            </>
          ),
        },
    { label: t('persons.field.sex'), value: enumLabel(t, 'sex', p.sex) },
    {
      label: t('persons.field.birthDate'),
      value: `${birthDateText(t, lang, p.birthDate, p.birthDateEstimated)} · ${t('persons.birth.ageNow', { count: p.age })}`,
    },
    { label: t('persons.field.nationality'), value: nationalityLabel(t, p.nationality) },
    { label: t('persons.field.religion'), value: enumLabel(t, 'religion', p.religion) },
    { label: t('persons.field.maritalStatus'), value: enumLabel(t, 'maritalStatus', p.maritalStatus) },
    { label: t('persons.field.education'), value: enumLabel(t, 'education', p.education) },
    { label: t('persons.field.occupation'), value: p.occupation ?? none },
    { label: t('persons.field.incomeBand'), value: enumLabel(t, 'incomeBand', p.incomeBand) },
  ];

  const address: Fact[] = [
    {
      label: t('persons.field.area'),
      value: <AreaNames codes={[p.address.villageCode ?? p.address.areaCode]} empty={none} />,
    },
    ...(p.address.villageCode
      ? []
      : [{ label: t('persons.field.villageNo'), value: p.address.villageNo ?? none } as Fact]),
    { label: t('persons.field.houseNo'), value: p.address.houseNo ?? none },
    { label: t('persons.field.postcode'), value: p.address.postcode ?? none },
    { label: t('persons.field.phone'), value: tel(p.phone) },
    {
      label: t('persons.field.household'),
      value: !p.householdId ? (
        t('persons.profile.noHousehold')
      ) : linkHousehold ? (
        <Anchor component={Link} to={`/households/${p.householdId}`} className="touch">
          {t('persons.profile.openHousehold', {
            relation: p.relationToHead ? enumLabel(t, 'relationToHead', p.relationToHead) : t('common.none'),
          })}
        </Anchor>
      ) : p.relationToHead ? (
        enumLabel(t, 'relationToHead', p.relationToHead)
      ) : (
        none
      ),
    },
    {
      label: t('persons.field.location'),
      value: p.location ? (
        <Anchor
          href={`https://www.openstreetmap.org/?mlat=${p.location.lat}&mlon=${p.location.lon}#map=18/${p.location.lat}/${p.location.lon}`}
          target="_blank"
          rel="noreferrer"
        >
          {t('persons.profile.mapLink')} ({p.location.lat}, {p.location.lon})
        </Anchor>
      ) : (
        none
      ),
    },
  ];

  const health: Fact[] = [
    {
      label: t('persons.field.vulnerability'),
      value: p.vulnerability.length ? <Vulnerabilities codes={p.vulnerability} /> : none,
    },
    { label: t('persons.field.chronicConditions'), value: list('chronicCondition', p.chronicConditions) },
    {
      label: t('persons.field.disability'),
      value: p.disability ? list('disabilityType', p.disability.types) : none,
    },
    { label: t('persons.field.disabilityCard'), value: p.disability?.cardNumber ?? none },
    { label: t('persons.field.healthCoverage'), value: enumLabel(t, 'healthCoverage', p.healthCoverage) },
  ];

  const care: Fact[] = p.caregiver
    ? [
        { label: t('persons.care.relation'), value: enumLabel(t, 'caregiverRelation', p.caregiver.relation) },
        { label: t('persons.care.name'), value: p.caregiver.name ?? none },
        { label: t('persons.care.phone'), value: tel(p.caregiver.phone) },
        ...(p.caregiver.personId
          ? [
              {
                label: t('persons.field.caregiver'),
                value: (
                  <Anchor component={Link} to={`/persons/${p.caregiver.personId}`}>
                    {t('persons.profile.caregiverPerson')}
                  </Anchor>
                ),
              },
            ]
          : []),
      ]
    : [{ label: t('persons.field.caregiver'), value: none }];

  return (
    <Stack gap="md">
      <Section id="identity" title={t('persons.profile.sections.identity')}>
        <FactList facts={identity} />
      </Section>
      <Section id="address" title={t('persons.profile.sections.address')}>
        <FactList facts={address} />
      </Section>
      <Section id="health" title={t('persons.profile.sections.health')}>
        <FactList facts={health} />
      </Section>
      <Section id="care" title={t('persons.profile.sections.care')}>
        <FactList facts={care} />
      </Section>
    </Stack>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`section-${id}`}>
      <Title order={2} size="h4" id={`section-${id}`} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}
