import { Button, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AreaPicker } from '../../../components/AreaPicker.tsx';
import { VillagePicker } from '../../../components/VillagePicker.tsx';
import type { PersonValues } from '../values.ts';

/** Items 14, 15 and 20: where the person lives, their phone, and (optionally) the home's position. */
export function AddressFields({ form }: { form: UseFormReturnType<PersonValues> }) {
  const { t } = useTranslation();
  const v = form.values;

  return (
    <Stack gap="md">
      <AreaPicker
        label={t('persons.address.subdistrict')}
        description={t('persons.address.subdistrictHint')}
        required
        value={v.areaCode}
        onChange={(code) => {
          form.setFieldValue('areaCode', code ? code.slice(0, 6) : null);
          form.setFieldValue('villageCode', code && code.length === 8 ? code : null);
          form.setFieldValue('villageNo', '');
        }}
        error={form.errors.areaCode}
      />
      {v.areaCode && v.areaCode.length === 6 && (
        <VillagePicker
          subdistrict={v.areaCode}
          villageCode={v.villageCode}
          villageNo={v.villageNo}
          onVillageCode={(code) => form.setFieldValue('villageCode', code)}
          onVillageNo={(no) => form.setFieldValue('villageNo', no)}
          error={(form.errors.villageCode ?? form.errors.villageNo) as string | undefined}
        />
      )}
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
        <TextInput
          label={t('persons.field.houseNo')}
          size="md"
          autoComplete="off"
          {...form.getInputProps('houseNo')}
        />
        <TextInput
          label={t('persons.field.postcode')}
          size="md"
          inputMode="numeric"
          maxLength={5}
          autoComplete="postal-code"
          {...form.getInputProps('postcode')}
        />
      </SimpleGrid>
      <TextInput
        label={t('persons.field.phone')}
        description={t('persons.address.phoneHint')}
        type="tel"
        inputMode="tel"
        size="md"
        autoComplete="off"
        {...form.getInputProps('phone')}
      />
      <LocationField form={form} />
    </Stack>
  );
}

/** One tap while standing at the house; never required. */
function LocationField({ form }: { form: UseFormReturnType<PersonValues> }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'locating' | 'failed'>('idle');
  const location = form.values.location;

  function locate() {
    if (!('geolocation' in navigator)) {
      setState('failed');
      return;
    }
    setState('locating');
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        const round = (n: number) => Math.round(n * 1e6) / 1e6;
        form.setFieldValue('location', { lat: round(pos.coords.latitude), lon: round(pos.coords.longitude) });
        setState('idle');
      },
      () => setState('failed'),
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  }

  return (
    <Stack gap={4}>
      <Text fw={500} size="sm">
        {t('persons.field.location')} {t('common.optional')}
      </Text>
      {location ? (
        <Group gap="sm">
          <Text>{t('persons.address.locationSet', { lat: location.lat, lon: location.lon })}</Text>
          <Button variant="default" size="xs" onClick={() => form.setFieldValue('location', null)}>
            {t('persons.address.clearLocation')}
          </Button>
        </Group>
      ) : (
        <Group>
          <Button variant="outline" onClick={locate} loading={state === 'locating'}>
            {t('persons.address.useLocation')}
          </Button>
        </Group>
      )}
      {state === 'failed' && (
        <Text size="sm" c="dimmed" role="status">
          {t('persons.address.locationFailed')}
        </Text>
      )}
      {form.errors.location && (
        <Text size="sm" c="red.9">
          {form.errors.location}
        </Text>
      )}
    </Stack>
  );
}
