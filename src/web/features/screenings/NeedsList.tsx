import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Answers, InstrumentDefinition } from '../../../core/instruments/index.ts';
import { type Lang, say } from './instruments.ts';

/** The needs picked in the needs survey, by dimension. */
export function NeedsList({
  definition,
  answers,
  lang,
}: {
  definition: InstrumentDefinition;
  answers: Answers;
  lang: Lang;
}) {
  const { t } = useTranslation();
  const groups = definition.items.flatMap((item) => {
    const picked = answers[item.code];
    if (item.kind !== 'multi' || !Array.isArray(picked) || picked.length === 0) return [];
    const dimension = definition.scoring.dimensions.find((d) => d.code === item.dimension);
    const labels = picked.map((v) => say(item.options.find((o) => o.value === v)?.label, lang) || v);
    return [
      { code: item.code, title: dimension ? say(dimension.label, lang) : say(item.text, lang), labels },
    ];
  });
  if (groups.length === 0) return <Text>{t('screenings.result.noNeeds')}</Text>;
  return (
    <List spacing="xs">
      {groups.map((g) => (
        <List.Item key={g.code}>
          <Text fw={700} span>
            {g.title}:
          </Text>{' '}
          {g.labels.join(', ')}
        </List.Item>
      ))}
    </List>
  );
}
