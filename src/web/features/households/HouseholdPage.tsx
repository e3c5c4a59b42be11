import { Anchor, Badge, Button, Group, Modal, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Household, Person } from '../../../core/schemas/index.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { type Fact, FactList } from '../../components/FactList.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { notifySuccess } from '../../components/notifySuccess.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { AreaNames } from '../areas/AreaNames.tsx';
import { useCan } from '../auth/session.ts';
import { useHouseholdMembers } from '../persons/api.ts';
import { enumLabel, enumOptions, personName } from '../persons/labels.ts';
import { PersonSelect } from '../persons/PersonSelect.tsx';
import { useAddMember, useHousehold, useUpdateHousehold } from './api.ts';

/** `/households/:id`: the address, housing, head and members with their relation to the head. */
export default function HouseholdPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const household = useHousehold(id);
  const members = useHouseholdMembers(id);

  if (household.isPending) return <LoadingState rows={6} />;
  if (household.error) {
    return (
      <>
        <BackLink />
        <PageTitle title={t('households.title')} />
        <ErrorAlert error={household.error} onRetry={() => void household.refetch()} />
      </>
    );
  }
  const h = household.data;
  const people = members.data?.items ?? [];
  return (
    <>
      <BackLink />
      <PageTitle
        title={
          h.address.houseNo ? t('households.house', { no: h.address.houseNo }) : t('households.noHouseNo')
        }
        intro={<AreaNames codes={[h.address.villageCode ?? h.address.areaCode]} empty={t('common.none')} />}
      />
      <Stack gap="lg">
        <Details household={h} members={people} />
        <section aria-labelledby="members-title">
          <Title order={2} size="h4" id="members-title" mb="sm">
            {t('households.members')}
          </Title>
          {members.isPending ? (
            <LoadingState rows={3} />
          ) : members.error ? (
            <ErrorAlert error={members.error} onRetry={() => void members.refetch()} />
          ) : people.length === 0 ? (
            <Text c="dimmed">{t('households.noMembers')}</Text>
          ) : (
            <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
              {sortMembers(people, h.headPersonId).map((p) => (
                <Paper component="li" key={p.id} withBorder p="sm">
                  <Group justify="space-between" gap="xs">
                    <div>
                      <Anchor component={Link} to={`/persons/${p.id}`} fw={700} className="touch">
                        {personName(p, t)}
                      </Anchor>
                      <Text size="sm">
                        {enumLabel(t, 'sex', p.sex)} · {t('persons.age', { count: p.age })}
                      </Text>
                    </div>
                    <Badge variant="light" color={p.id === h.headPersonId ? 'blue' : 'gray'}>
                      {p.id === h.headPersonId
                        ? t('households.head')
                        : enumLabel(t, 'relationToHead', p.relationToHead)}
                    </Badge>
                  </Group>
                </Paper>
              ))}
            </Stack>
          )}
        </section>
        <AddMember household={h} members={people} />
      </Stack>
    </>
  );
}

function sortMembers(people: readonly Person[], headId: string | null): Person[] {
  return [...people].sort((a, b) => (a.id === headId ? -1 : b.id === headId ? 1 : b.age - a.age));
}

function Details({ household: h, members }: { household: Household; members: readonly Person[] }) {
  const { t } = useTranslation();
  const can = useCan();
  const canEdit = can({ action: 'person.update', areaCode: h.address.areaCode });
  const headPerson = members.find((m) => m.id === h.headPersonId);
  const none = t('common.none');
  const facts: Fact[] = [
    {
      label: t('households.address'),
      value: <AreaNames codes={[h.address.villageCode ?? h.address.areaCode]} empty={none} />,
    },
    ...(h.address.villageCode
      ? []
      : [{ label: t('persons.field.villageNo'), value: h.address.villageNo ?? none }]),
    { label: t('persons.field.houseNo'), value: h.address.houseNo ?? none },
    { label: t('persons.field.postcode'), value: h.address.postcode ?? none },
    { label: t('households.housingType'), value: enumLabel(t, 'housingType', h.housingType) },
    {
      label: t('households.head'),
      value: headPerson ? (
        <Anchor component={Link} to={`/persons/${headPerson.id}`}>
          {personName(headPerson, t)}
        </Anchor>
      ) : (
        t('households.noHead')
      ),
    },
    { label: t('households.members'), value: t('households.memberCount', { count: h.memberCount }) },
  ];

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="household-details">
      <Title order={2} size="h4" id="household-details" mb="sm">
        {t('households.details')}
      </Title>
      <FactList facts={facts} />
      {canEdit && <EditHousehold household={h} members={members} />}
    </Paper>
  );
}

/** Housing type and head of household, in a dialog. */
function EditHousehold({ household: h, members }: { household: Household; members: readonly Person[] }) {
  const { t } = useTranslation();
  const update = useUpdateHousehold(h.id);
  const [opened, setOpened] = useState(false);
  const [housingType, setHousingType] = useState<string | null>(h.housingType);
  const [head, setHead] = useState<string | null>(h.headPersonId);
  const title = t('households.edit');
  return (
    <>
      <Group mt="md">
        <Button variant="outline" onClick={() => setOpened(true)}>
          {title}
        </Button>
      </Group>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={title}
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            update.mutate(
              { housingType: housingType as Household['housingType'], headPersonId: head },
              {
                onSuccess: () => {
                  notifySuccess(t('households.saved'));
                  setOpened(false);
                },
              },
            );
          }}
        >
          <Stack gap="sm">
            {update.error && <ErrorAlert error={update.error} />}
            <Select
              label={t('households.housingType')}
              clearable
              data={enumOptions(t, 'housingType')}
              value={housingType}
              onChange={setHousingType}
              comboboxProps={{ withinPortal: true }}
            />
            <Select
              label={t('households.head')}
              clearable
              placeholder={t('households.noHeadOption')}
              data={members.map((m) => ({ value: m.id, label: personName(m, t) }))}
              value={head}
              onChange={setHead}
              comboboxProps={{ withinPortal: true }}
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => setOpened(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={update.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

function AddMember({ household: h, members }: { household: Household; members: readonly Person[] }) {
  const { t } = useTranslation();
  const can = useCan();
  const add = useAddMember(h.id);
  const [personId, setPersonId] = useState<string | null>(null);
  const [relation, setRelation] = useState<string | null>(null);
  const [errors, setErrors] = useState<{ person?: string; relation?: string }>({});
  if (!can({ action: 'person.update', areaCode: h.address.areaCode })) return null;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="add-member">
      <Title order={2} size="h4" id="add-member" mb="sm">
        {t('households.addMember')}
      </Title>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const problems = {
            person: personId ? undefined : t('validation.required'),
            relation: relation ? undefined : t('validation.required'),
          };
          setErrors(problems);
          if (!personId || !relation) return;
          add.mutate(
            { personId, relationToHead: relation },
            {
              onSuccess: () => {
                notifySuccess(t('households.memberAdded'));
                setPersonId(null);
                setRelation(null);
              },
            },
          );
        }}
      >
        <Stack gap="sm" maw={480}>
          {add.error && <ErrorAlert error={add.error} />}
          <PersonSelect
            label={t('households.memberPerson')}
            required
            area={h.address.areaCode}
            exclude={members.map((m) => m.id)}
            value={personId}
            onChange={(id) => setPersonId(id)}
            error={errors.person}
          />
          <Select
            label={t('households.relation')}
            required
            data={enumOptions(t, 'relationToHead')}
            value={relation}
            onChange={setRelation}
            error={errors.relation}
            comboboxProps={{ withinPortal: true }}
          />
          <Group>
            <Button type="submit" loading={add.isPending}>
              {t('households.addMember')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/households" size="sm" mb="xs" display="inline-block">
      ← {t('households.title')}
    </Anchor>
  );
}
