import { Checkbox, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { consentMethods } from '../../../../core/schemas/person.ts';
import type { ConsentValues } from '../validate.ts';

interface Props {
  value: ConsentValues;
  onChange: (next: Partial<ConsentValues>) => void;
  errors: Record<string, string | undefined>;
}

/** Consent to collect, recorded right after the person is saved. */
export function ConsentFields({ value, onChange, errors }: Props) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Text size="sm">{t('persons.care.consentExplain')}</Text>
      <Checkbox
        label={t('persons.care.consentGiven')}
        size="md"
        checked={value.consentGiven}
        onChange={(e) => onChange({ consentGiven: e.currentTarget.checked })}
      />
      {value.consentGiven ? (
        <>
          <Radio.Group
            label={t('persons.care.method')}
            required
            value={value.consentMethod ?? ''}
            onChange={(m) => onChange({ consentMethod: m })}
            error={errors.consentMethod}
          >
            <Stack gap="xs" mt="xs">
              {consentMethods.map((m) => (
                <Radio key={m} value={m} label={t(`enums.consentMethod.${m}`)} size="md" />
              ))}
            </Stack>
          </Radio.Group>
          {value.consentMethod === 'verbal_witnessed' && (
            <TextInput
              label={t('persons.care.witness')}
              required
              size="md"
              autoComplete="off"
              value={value.witnessName}
              onChange={(e) => onChange({ witnessName: e.currentTarget.value })}
              error={errors.witnessName}
            />
          )}
        </>
      ) : (
        <Text size="sm" c="dimmed">
          {t('persons.care.consentLater')}
        </Text>
      )}
    </Stack>
  );
}
