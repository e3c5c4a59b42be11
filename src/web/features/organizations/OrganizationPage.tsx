import { Anchor, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { type Organization, organizationCreate, organizationPatch } from '../../../core/schemas/index.ts';
import { fieldErrorsFor, nullableText, optionalText } from '../../app/validation.ts';
import { DateText } from '../../components/DateText.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { Notice } from '../../components/Notice.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useCan } from '../auth/session.ts';
import { useCreateOrganization, useOrganization, useUpdateOrganization } from './api.ts';
import { OrganizationDetails } from './OrganizationDetails.tsx';
import { FIELDS, OrganizationForm, type OrganizationValues, valuesOf } from './OrganizationForm.tsx';

/** `/organizations/new` and `/organizations/:id` (view, and edit for those allowed). */
export default function OrganizationPage() {
  const { id } = useParams();
  return id ? <EditOrganization id={id} /> : <NewOrganization />;
}

const toCreate = (v: OrganizationValues) => ({
  name: v.name.trim(),
  nameEn: optionalText(v.nameEn),
  type: v.type ?? undefined,
  areaCode: v.areaCode ?? undefined,
  tier: v.tier ?? undefined,
  services: v.services,
  phone: optionalText(v.phone),
  email: optionalText(v.email),
  contactName: optionalText(v.contactName),
  address: optionalText(v.address),
  catchmentVillageCodes: v.catchmentVillageCodes,
  openingHours: v.openingHours,
});

const toPatch = (v: OrganizationValues) => ({
  ...toCreate(v),
  nameEn: v.nameEn.trim(),
  contactName: v.contactName.trim(),
  address: v.address.trim(),
  tier: v.tier,
  phone: nullableText(v.phone),
  email: nullableText(v.email),
});

function NewOrganization() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateOrganization();
  return (
    <>
      <BackLink />
      <PageTitle title={t('organizations.newTitle')} />
      <OrganizationForm
        initial={valuesOf()}
        schema={organizationCreate}
        toBody={toCreate}
        submitting={create.isPending}
        error={create.error}
        onSubmit={(body, setErrors) =>
          create.mutate(body, {
            onSuccess: (org) => {
              notifications.show({ color: 'teal.9', message: t('organizations.created') });
              navigate(`/organizations/${org.id}`, { replace: true });
            },
            onError: (error) => setErrors(fieldErrorsFor(error, FIELDS).byField),
          })
        }
      />
    </>
  );
}

function EditOrganization({ id }: { id: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const org = useOrganization(id);
  const update = useUpdateOrganization(id);

  if (org.isPending) return <LoadingState rows={8} />;
  if (org.error) {
    return (
      <>
        <BackLink />
        <PageTitle title={t('organizations.title')} />
        <ErrorAlert error={org.error} onRetry={() => void org.refetch()} />
      </>
    );
  }
  const canEdit = can({ action: 'organization.update', areaCode: org.data.areaCode });

  return (
    <>
      <BackLink />
      <PageTitle title={org.data.name} intro={<Meta org={org.data} />} />
      <Stack gap="md">
        {canEdit ? (
          <OrganizationForm
            key={org.data.updatedAt}
            initial={valuesOf(org.data)}
            schema={organizationPatch}
            toBody={toPatch}
            submitting={update.isPending}
            error={update.error}
            onSubmit={(body, setErrors) =>
              update.mutate(body, {
                onSuccess: () => notifications.show({ color: 'teal.9', message: t('common.saved') }),
                onError: (error) => setErrors(fieldErrorsFor(error, FIELDS).byField),
              })
            }
          />
        ) : (
          <>
            <Notice color="gray" title={t('organizations.readOnly')} />
            <OrganizationDetails org={org.data} />
          </>
        )}
      </Stack>
    </>
  );
}

function Meta({ org }: { org: Organization }) {
  const { t } = useTranslation();
  return (
    <Text span c="dimmed" size="sm">
      {t(`enums.organizationType.${org.type}`)} · {t('common.createdAt')} <DateText value={org.createdAt} /> ·{' '}
      {t('common.updatedAt')} <DateText value={org.updatedAt} withTime />
    </Text>
  );
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/organizations" size="sm" mb="xs" display="inline-block">
      ← {t('nav.organizations')}
    </Anchor>
  );
}
