import { Button, NumberInput, Paper, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { villageCreate } from '../../../core/schemas/index.ts';
import { fieldErrorsFor, optionalText, schemaErrors, shownPaths } from '../../app/validation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useCreateVillage } from './api.ts';

const FIELDS = ['villageNo', 'nameTh', 'nameEn'] as const;

interface Values {
  villageNo: number | string;
  nameTh: string;
  nameEn: string;
}

/** Add หมู่ที่ N under a subdistrict (operators and area admins). */
export function VillageForm({ subdistrictCode, nextNo }: { subdistrictCode: string; nextNo: number }) {
  const { t } = useTranslation();
  const create = useCreateVillage();
  const toBody = (v: Values) => ({
    parentCode: subdistrictCode,
    villageNo: v.villageNo === '' ? undefined : Number(v.villageNo),
    nameTh: v.nameTh.trim(),
    nameEn: optionalText(v.nameEn),
  });
  const form = useForm<Values>({
    initialValues: { villageNo: nextNo, nameTh: '', nameEn: '' },
    validate: (values) => {
      const errors = schemaErrors(villageCreate, toBody(values), t);
      if (errors.villageNo) errors.villageNo = t('validation.numberRange', { min: 1, max: 99 });
      return errors;
    },
  });

  const submit = form.onSubmit((values) => {
    const body = villageCreate.parse(toBody(values));
    create.mutate(body, {
      onSuccess: (village) => {
        notifications.show({
          color: 'teal.9',
          message: t('areas.addVillage.created', { no: body.villageNo, name: village.nameTh }),
        });
        form.setValues({ villageNo: body.villageNo + 1, nameTh: '', nameEn: '' });
        form.resetDirty();
      },
      onError: (error) => form.setErrors(fieldErrorsFor(error, FIELDS).byField),
    });
  });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="add-village-title">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h3" id="add-village-title">
            {t('areas.addVillage.title')}
          </Title>
          {create.error && <ErrorAlert error={create.error} shownFields={shownPaths(create.error, FIELDS)} />}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput
              label={t('areas.addVillage.villageNo')}
              min={1}
              max={99}
              allowDecimal={false}
              allowNegative={false}
              required
              {...form.getInputProps('villageNo')}
            />
            <TextInput label={t('areas.addVillage.nameTh')} required {...form.getInputProps('nameTh')} />
            <TextInput label={t('areas.addVillage.nameEn')} {...form.getInputProps('nameEn')} />
          </SimpleGrid>
          <div>
            <Button type="submit" loading={create.isPending}>
              {t('areas.addVillage.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}
