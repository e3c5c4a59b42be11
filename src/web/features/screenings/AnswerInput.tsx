import { Checkbox, Group, NumberInput, Radio, Stack, Text } from '@mantine/core';
import type { AnswerValue, Item } from '../../../core/instruments/index.ts';
import { type Lang, say } from './instruments.ts';

interface Props {
  item: Item;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue | undefined) => void;
  lang: Lang;
  /** The id of the question's heading: names the group of answers. */
  labelledBy: string;
  /** The id of the message under the answers, when there is one. */
  describedBy?: string;
  invalid: boolean;
}

/** Big answers for a thumb: each option a full-width card at least 56 px tall, worded as on the form. */
export function AnswerInput({ item, value, onChange, lang, labelledBy, describedBy, invalid }: Props) {
  switch (item.kind) {
    case 'choice':
      return (
        <Choices
          name={item.code}
          options={item.options.map((o) => ({ key: String(o.value), label: say(o.label, lang) }))}
          selected={value === undefined ? null : String(value)}
          onSelect={(key) => onChange(Number(key))}
          labelledBy={labelledBy}
          describedBy={describedBy}
          invalid={invalid}
          required={item.required}
        />
      );
    case 'yes_no':
      return (
        <Choices
          name={item.code}
          options={[
            { key: 'yes', label: say(item.labels.yes, lang) },
            { key: 'no', label: say(item.labels.no, lang) },
          ]}
          selected={value === true ? 'yes' : value === false ? 'no' : null}
          onSelect={(key) => onChange(key === 'yes')}
          labelledBy={labelledBy}
          describedBy={describedBy}
          invalid={invalid}
          required={item.required}
        />
      );
    case 'number':
      return (
        <NumberInput
          aria-labelledby={labelledBy}
          aria-describedby={describedBy}
          error={invalid || undefined}
          size="lg"
          maw={260}
          min={item.min}
          max={item.max}
          allowDecimal={!item.integer}
          allowNegative={item.min < 0}
          inputMode={item.integer ? 'numeric' : 'decimal'}
          hideControls
          value={typeof value === 'number' ? value : ''}
          onChange={(v) => onChange(typeof v === 'number' && Number.isFinite(v) ? v : undefined)}
          rightSection={item.unit ? <Text size="sm">{say(item.unit, lang)}</Text> : undefined}
          rightSectionWidth={item.unit ? 80 : undefined}
        />
      );
    case 'multi': {
      const picked = Array.isArray(value) ? value : [];
      return (
        <Stack gap="sm" role="group" aria-labelledby={labelledBy} aria-describedby={describedBy}>
          {item.options.map((o) => {
            const checked = picked.includes(o.value);
            return (
              <Checkbox.Card
                key={o.value}
                checked={checked}
                onClick={() => onChange(checked ? picked.filter((v) => v !== o.value) : [...picked, o.value])}
                radius="md"
                p="md"
                mih={56}
                bg={checked ? 'blue.0' : undefined}
              >
                <Group wrap="nowrap" align="center" gap="md">
                  <Checkbox.Indicator size="md" />
                  <Text fz="lg" lh={1.4}>
                    {say(o.label, lang)}
                  </Text>
                </Group>
              </Checkbox.Card>
            );
          })}
        </Stack>
      );
    }
  }
}

interface ChoicesProps {
  name: string;
  options: { key: string; label: string }[];
  selected: string | null;
  onSelect: (key: string) => void;
  labelledBy: string;
  describedBy: string | undefined;
  invalid: boolean;
  required: boolean;
}

/** A radio group of cards: arrow keys move between answers, as in any radio group. */
function Choices(props: ChoicesProps) {
  const { name, options, selected, onSelect, labelledBy, describedBy, invalid, required } = props;
  return (
    <Stack
      gap="sm"
      role="radiogroup"
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
      aria-required={required}
    >
      {options.map((o) => {
        const checked = selected === o.key;
        return (
          <Radio.Card
            key={o.key}
            name={`answer-${name}`}
            value={o.key}
            checked={checked}
            onClick={() => onSelect(o.key)}
            radius="md"
            p="md"
            mih={56}
            bg={checked ? 'blue.0' : undefined}
          >
            <Group wrap="nowrap" align="center" gap="md">
              <Radio.Indicator size="md" />
              <Text fz="lg" lh={1.4} fw={checked ? 700 : 400}>
                {o.label}
              </Text>
            </Group>
          </Radio.Card>
        );
      })}
    </Stack>
  );
}
