import { Anchor, Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { hasRole } from '../../../core/policy/index.ts';
import { Notice } from '../../components/Notice.tsx';
import { notifySuccess } from '../../components/notifySuccess.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { actorOf, useCurrentUser } from '../auth/session.ts';
import { useCreateGroup } from './api.ts';
import { GroupForm } from './GroupForm.tsx';

/** `/groups/new`: an area admin forms a closed group of one of their subdistricts. */
export default function GroupNewPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const create = useCreateGroup();
  const actor = actorOf(user);
  const scopes = hasRole(actor, 'operator') ? null : user.areaCodes.filter((c) => c.length <= 6);

  return (
    <>
      <Anchor component={Link} to="/groups" className="touch" mb="sm" display="inline-block">
        ← {t('groups.back')}
      </Anchor>
      <PageTitle title={t('groups.form.title')} intro={t('groups.form.intro')} />
      {scopes !== null && scopes.length === 0 ? (
        <Notice color="yellow" title={t('groups.form.noArea')} />
      ) : (
        <Paper withBorder p={{ base: 'sm', sm: 'lg' }} maw={720}>
          <GroupForm
            scopes={scopes}
            submitLabel={t('groups.form.submit')}
            pending={create.isPending}
            error={create.error}
            onSubmit={(body) =>
              create.mutate(body as never, {
                onSuccess: (g) => {
                  notifySuccess(t('groups.form.created'));
                  navigate(`/groups/${g.id}`);
                },
              })
            }
          />
        </Paper>
      )}
    </>
  );
}
