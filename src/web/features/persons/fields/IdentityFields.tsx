import { Radio, Stack, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NationalIdInput } from '../../../components/NationalIdInput.tsx';
import { enumOptions } from '../labels.ts';
import type { PersonValues } from '../values.ts';

interface Props {
  form: UseFormReturnType<PersonValues>;
  /** Shown under the number, e.g. a link to the person already registered with it. */
  idNotice?: ReactNode;
  /** Editing: an empty number keeps the stored one. */
  keepHint?: boolean;
}

/** Item 1: the identifier, by type. */
export function IdentityFields({ form, idNotice, keepHint }: Props) {
  const { t } = useTranslation();
  const { idType } = form.values;

  return (
    <Stack gap="md">
      <Radio.Group
        label={t('persons.field.idType')}
        required
        value={idType}
        onChange={(v) => form.setFieldValue('idType', v)}
        error={form.errors.idType}
      >
        <Stack gap="xs" mt="xs">
          {enumOptions(t, 'idType').map((o) => (
            <Radio key={o.value} value={o.value} label={o.label} size="md" />
          ))}
        </Stack>
      </Radio.Group>
      {idType === 'thai_id' && (
        <NationalIdInput
          label={t('persons.id.thaiIdLabel')}
          required={!keepHint}
          description={keepHint ? t('persons.edit.nationalIdKeep') : t('persons.id.thaiIdHint')}
          value={form.values.nationalId}
          onChange={(v) => form.setFieldValue('nationalId', v)}
          error={form.errors.nationalId}
        />
      )}
      {(idType === 'passport' || idType === 'alien_id') && (
        <TextInput
          label={t('persons.id.otherLabel')}
          required={!keepHint}
          description={keepHint ? t('persons.edit.nationalIdKeep') : undefined}
          autoComplete="off"
          size="md"
          {...form.getInputProps('nationalId')}
        />
      )}
      {idType === 'none' && (
        <Textarea
          label={t('persons.field.noIdReason')}
          description={t('persons.id.noIdReasonHint')}
          required
          autosize
          minRows={2}
          size="md"
          {...form.getInputProps('noIdReason')}
        />
      )}
      {idNotice}
    </Stack>
  );
}
