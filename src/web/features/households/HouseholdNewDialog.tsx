import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { householdCreate } from '../../../core/schemas/index.ts';
import { fieldErrorsFor, optionalText, schemaErrors } from '../../app/validation.ts';
import { AreaPicker } from '../../components/AreaPicker.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { notifySuccess } from '../../components/notifySuccess.ts';
import { VillagePicker } from '../../components/VillagePicker.tsx';
import { useCurrentUser } from '../auth/session.ts';
import { enumOptions } from '../persons/labels.ts';
import { useCreateHousehold } from './api.ts';

const FIELDS = [
  'address.areaCode',
  'address.villageNo',
  'address.houseNo',
  'address.postcode',
  'housingType',
] as const;

/** "Add a household": its address and housing; members are added on its page. */
export function HouseholdNewDialog({ defaultArea }: { defaultArea?: string }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const create = useCreateHousehold();
  const own = defaultArea ?? user.areaCodes.find((c) => c.length >= 6);
  const [opened, setOpened] = useState(false);
  const [clientId, setClientId] = useState(() => crypto.randomUUID());
  const [subdistrict, setSubdistrict] = useState<string | null>(own ? own.slice(0, 6) : null);
  const [villageCode, setVillageCode] = useState<string | null>(own && own.length === 8 ? own : null);
  const [villageNo, setVillageNo] = useState('');
  const [houseNo, setHouseNo] = useState('');
  const [postcode, setPostcode] = useState('');
  const [housingType, setHousingType] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const body = () => ({
    address: {
      areaCode: villageCode ?? subdistrict ?? '',
      villageNo: !villageCode && villageNo ? Number(villageNo) : undefined,
      houseNo: optionalText(houseNo),
      postcode: optionalText(postcode),
    },
    housingType: housingType ?? undefined,
    clientId,
  });

  function submit() {
    const problems = schemaErrors(householdCreate, body(), t);
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    create.mutate(householdCreate.parse(body()), {
      onSuccess: (h) => {
        notifySuccess(t('households.created'));
        setOpened(false);
        setClientId(crypto.randomUUID());
        navigate(`/households/${h.id}`);
      },
      onError: (error) => setErrors(fieldErrorsFor(error, FIELDS).byField),
    });
  }

  return (
    <>
      <Button onClick={() => setOpened(true)}>{t('households.add')}</Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={t('households.add')}
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <Stack>
            {create.error && <ErrorAlert error={create.error} shownFields={FIELDS} />}
            <AreaPicker
              label={t('persons.address.subdistrict')}
              required
              value={subdistrict}
              onChange={(code) => {
                setSubdistrict(code ? code.slice(0, 6) : null);
                setVillageCode(code && code.length === 8 ? code : null);
              }}
              error={errors['address.areaCode']}
            />
            {subdistrict && (
              <VillagePicker
                subdistrict={subdistrict}
                villageCode={villageCode}
                villageNo={villageNo}
                onVillageCode={setVillageCode}
                onVillageNo={setVillageNo}
                error={errors['address.villageNo']}
              />
            )}
            <TextInput
              label={t('persons.field.houseNo')}
              value={houseNo}
              onChange={(e) => setHouseNo(e.currentTarget.value)}
              error={errors['address.houseNo']}
            />
            <TextInput
              label={t('persons.field.postcode')}
              inputMode="numeric"
              maxLength={5}
              value={postcode}
              onChange={(e) => setPostcode(e.currentTarget.value)}
              error={errors['address.postcode']}
            />
            <Select
              label={t('households.housingType')}
              clearable
              data={enumOptions(t, 'housingType')}
              value={housingType}
              onChange={setHousingType}
              comboboxProps={{ withinPortal: true }}
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => setOpened(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
