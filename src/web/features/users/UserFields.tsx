import { Checkbox, SimpleGrid } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../core/schemas/index.ts';
import { AreaMultiPicker } from '../../components/AreaPicker.tsx';
import { OrganizationSelect } from '../organizations/OrganizationSelect.tsx';

export interface ScopeValues {
  roles: string[];
  organizationId: string | null;
  areaCodes: string[];
}

/** Roles, organisation and areas: what a user may do, and where. Shared by create and edit. */
export function UserScopeFields<V extends ScopeValues>({
  form,
  roleOptions,
  organizationName,
}: {
  form: UseFormReturnType<V>;
  roleOptions: readonly Role[];
  organizationName?: string | null;
}) {
  const { t } = useTranslation();
  const scoped = form as unknown as UseFormReturnType<ScopeValues>;
  return (
    <>
      <Checkbox.Group label={t('users.field.roles')} required {...scoped.getInputProps('roles')}>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt="xs">
          {roleOptions.map((role) => (
            <Checkbox key={role} value={role} label={t(`enums.role.${role}`)} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <OrganizationSelect
        label={t('users.field.organization')}
        value={scoped.values.organizationId}
        valueLabel={organizationName}
        onChange={(id) => scoped.setFieldValue('organizationId', id)}
        error={scoped.errors.organizationId as string | undefined}
      />
      <AreaMultiPicker
        label={t('users.field.areas')}
        value={scoped.values.areaCodes}
        onChange={(codes) => scoped.setFieldValue('areaCodes', codes)}
        error={scoped.errors.areaCodes}
      />
    </>
  );
}
