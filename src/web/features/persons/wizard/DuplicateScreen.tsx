import { Anchor, Button, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Notice } from '../../../components/Notice.tsx';
import type { PersonMatch } from '../api.ts';
import { birthDateText, houseLine, personName } from '../labels.ts';

interface Props {
  matches: readonly PersonMatch[];
  onNotSame: () => void;
  onBack: () => void;
  saving: boolean;
}

/** The server thinks this may be someone already registered: show who, and let the person decide. */
export function DuplicateScreen({ matches, onNotSame, onBack, saving }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'th';
  return (
    <Stack gap="md">
      <Notice color="yellow" title={t('persons.duplicate.intro')} role="alert" />
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {matches.map((m) => {
          const name = personName(m);
          return (
            <Paper component="li" key={m.id} withBorder p="md">
              <Title order={3} size="h4">
                {name}
              </Title>
              <Text>{t('persons.duplicate.born', { date: birthDateText(t, lang, m.birthDate, false) })}</Text>
              <Text c="dimmed" size="sm">
                {houseLine(t, m.address)}
              </Text>
              <Anchor component={Link} to={`/persons/${m.id}`} fw={700} className="touch">
                {t('persons.duplicate.open')}
                <VisuallyHidden> {name}</VisuallyHidden>
              </Anchor>
            </Paper>
          );
        })}
      </Stack>
      <Stack gap="sm">
        <Button size="md" onClick={onNotSame} loading={saving}>
          {t('persons.duplicate.notSame')}
        </Button>
        <Button size="md" variant="default" onClick={onBack}>
          {t('persons.duplicate.backToEdit')}
        </Button>
      </Stack>
    </Stack>
  );
}
