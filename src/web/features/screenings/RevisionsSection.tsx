import { Badge, Box, Button, Collapse, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Answers, InstrumentDefinition, ScoredResult } from '../../../core/instruments/index.ts';
import { DateText } from '../../components/DateText.tsx';
import { LevelIcon } from '../../components/LevelIcon.tsx';
import { useCurrentUser } from '../auth/session.ts';
import { answerChanges } from './correction.ts';
import { answerText, type Lang, say, visibleItems } from './instruments.ts';
import type { ScreeningDetail } from './types.ts';

interface Version {
  n: number;
  current: boolean;
  by: string | null;
  /** Sent by the server when it knows the name (not yet: see the report); the id otherwise. */
  byName: string | null;
  at: string;
  reason: string | null;
  answers: Answers;
  results: ScoredResult[];
}

/** Names the server may add to a screening and its revisions; read when present. */
type Named = { revisedByName?: string | null; takenByName?: string | null; madeByName?: string | null };

/** Every version of the screening, newest first: who, when, why, what changed, and its answers on request. */
export function RevisionsSection({
  screening: s,
  definition,
  lang,
}: {
  screening: ScreeningDetail;
  definition: InstrumentDefinition;
  lang: Lang;
}) {
  const { t } = useTranslation();
  if (s.revisions.length === 0) return null;
  const named = s as ScreeningDetail & Named;
  const versions: Version[] = [
    {
      n: s.revision,
      current: true,
      by: s.revisedBy ?? s.takenBy,
      byName: (s.revisedBy ? named.revisedByName : named.takenByName) ?? null,
      at: s.revisedAt ?? s.createdAt,
      reason: s.revisionReason,
      answers: s.answers,
      results: s.results,
    },
    ...s.revisions.map((r) => ({
      n: r.revision,
      current: false,
      by: r.madeBy,
      byName: (r as typeof r & Named).madeByName ?? null,
      at: r.madeAt,
      reason: r.reason,
      answers: r.answers,
      results: r.results,
    })),
  ];

  return (
    <section aria-labelledby="result-revisions">
      <Title order={2} size="h3" id="result-revisions" mb={4}>
        {t('correction.revisions')}
      </Title>
      <Text c="dimmed" mb="sm">
        {t('correction.revisionsIntro', { count: s.revision - 1 })}
      </Text>
      <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {versions.map((v, i) => (
          <VersionCard key={v.n} version={v} previous={versions[i + 1]} definition={definition} lang={lang} />
        ))}
      </Stack>
    </section>
  );
}

function VersionCard({
  version: v,
  previous,
  definition,
  lang,
}: {
  version: Version;
  previous: Version | undefined;
  definition: InstrumentDefinition;
  lang: Lang;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const answersId = useId();
  const who = useWho(v.by, v.byName);
  const changes = previous ? answerChanges(definition, previous.answers, v.answers) : [];
  const none = t('correction.notAsked');
  const dimensionLabel = (code: string) =>
    say(definition.scoring.dimensions.find((d) => d.code === code)?.label, lang) || code;

  return (
    <Paper component="li" withBorder p="sm" radius="md" data-revision={v.n} data-current={v.current}>
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <Text fw={700}>{t('correction.revisionN', { n: v.n })}</Text>
          {v.current && (
            <Badge color="blue.9" variant="filled">
              {t('correction.current')}
            </Badge>
          )}
          {v.n === 1 && <Text size="sm">({t('correction.original')})</Text>}
        </Group>
        <Text size="sm" c="dimmed">
          <DateText value={v.at} withTime /> · {t('correction.by', { name: who })}
        </Text>
        {v.reason && <Text size="sm">{t('correction.reasonLine', { reason: v.reason })}</Text>}
        {changes.length > 0 && (
          <List size="sm" spacing={2}>
            {changes.map((c) => (
              <List.Item key={c.item.code}>
                {say(c.item.text, lang)}:{' '}
                <b>
                  {t('correction.answerLine', {
                    before: answerText(c.item, c.before, lang, none),
                    after: answerText(c.item, c.after, lang, none),
                  })}
                </b>
              </List.Item>
            ))}
          </List>
        )}
        {v.results.length > 0 && (
          <Group gap="sm" wrap="wrap">
            {v.results.map((r) => (
              <Group key={r.dimension} gap={4} wrap="nowrap" data-level={r.level}>
                <LevelIcon level={r.level} size={18} />
                <Text size="sm">
                  {dimensionLabel(r.dimension)}: {say(r.label, lang)}
                </Text>
              </Group>
            ))}
          </Group>
        )}
        <Box>
          <Button
            variant="default"
            size="md"
            aria-expanded={open}
            aria-controls={answersId}
            onClick={() => setOpen((o) => !o)}
          >
            {open ? t('correction.hideAnswers', { n: v.n }) : t('correction.showAnswers', { n: v.n })}
          </Button>
        </Box>
        <Collapse expanded={open} id={answersId}>
          <Stack component="ol" gap={4} pl="md" m={0}>
            {visibleItems(definition, v.answers).map((item) => (
              <li key={item.code}>
                <Text size="sm">
                  {say(item.text, lang)}: <b>{answerText(item, v.answers[item.code], lang, none)}</b>
                </Text>
              </li>
            ))}
          </Stack>
        </Collapse>
      </Stack>
    </Paper>
  );
}

/** "คุณ (name)" for oneself; otherwise the name the server sends, else "another user". */
function useWho(id: string | null, name: string | null): string {
  const { t } = useTranslation();
  const me = useCurrentUser();
  if (id && id === me.id) return t('correction.you', { name: me.displayName });
  return name ?? t('correction.someone');
}
