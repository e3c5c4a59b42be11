import { Anchor, Badge, Box, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { getInstrument, type InstrumentDefinition } from '../../../core/instruments/index.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useCurrentUser } from '../auth/session.ts';
import { usePerson } from '../persons/api.ts';
import { personName } from '../persons/labels.ts';
import { draftsFor } from './draft.ts';
import { otherInstruments, say, useLang, WELLBEING } from './instruments.ts';

/** `/persons/:id/screen`: the monthly screening and the elders' instruments, to pick one. */
export default function InstrumentPickerPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const user = useCurrentUser();
  const person = usePerson(id);
  const name = person.data ? personName(person.data, t) : '';
  const waiting = new Set(draftsFor(user.id, id).map((d) => d.flow));
  const monthly = getInstrument(WELLBEING);

  const list = (definitions: readonly InstrumentDefinition[]) => (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
      {definitions.map((d) => (
        <Card component="li" key={d.code} withBorder padding="md" radius="md">
          <Anchor component={Link} to={`/persons/${id}/screen/${d.code}`} fw={700} fz="lg" className="touch">
            {say(d.title, lang)}
          </Anchor>
          <Group gap="xs" mt={4}>
            <Text size="sm" c="dimmed">
              {t('screenings.picker.questions', { count: d.items.length })}
            </Text>
            {waiting.has(d.code) && (
              <Badge variant="light" color="blue" size="md">
                {t('screenings.picker.inProgress')}
              </Badge>
            )}
          </Group>
        </Card>
      ))}
    </Stack>
  );

  return (
    <Box maw={640}>
      <Anchor component={Link} to={`/persons/${id}`} size="sm" mb="xs" display="inline-block">
        ← {name || t('persons.title')}
      </Anchor>
      <PageTitle title={t('screenings.picker.title')} intro={name || t('screenings.picker.intro')} />
      <Stack gap="xl">
        <section aria-labelledby="picker-monthly">
          <Title order={2} size="h3" id="picker-monthly" mb="sm">
            {t('screenings.picker.monthly')}
          </Title>
          {monthly && list([monthly])}
        </section>
        <section aria-labelledby="picker-elders">
          <Title order={2} size="h3" id="picker-elders" mb="sm">
            {t('screenings.picker.elders')}
          </Title>
          {list(otherInstruments)}
        </section>
      </Stack>
    </Box>
  );
}
