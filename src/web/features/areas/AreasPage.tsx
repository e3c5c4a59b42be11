import { Anchor, Breadcrumbs, Button, Group, Stack, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { AreaDetail } from '../../../core/schemas/index.ts';
import { Empty } from '../../components/Empty.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useCan } from '../auth/session.ts';
import { AreaList } from './AreaList.tsx';
import { useArea, useAreaChildren, useAreaSearch } from './api.ts';
import { areaLabel } from './labels.ts';
import { VillageForm } from './VillageForm.tsx';

/** `/areas` (provinces, or `?q=` search) and `/areas/:code` (one area and what lies below it). */
export default function AreasPage() {
  const { t } = useTranslation();
  const { code } = useParams();
  const [params] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';

  if (code) return <AreaPage code={code} />;
  return (
    <>
      <PageTitle title={t('areas.title')} intro={t('areas.intro')} />
      <Stack gap="lg">
        <AreaSearchForm key={q} initial={q} />
        {q ? <SearchResults key={q} q={q} /> : <Children parent={null} />}
      </Stack>
    </>
  );
}

function AreaSearchForm({ initial }: { initial: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState(initial);

  function submit(event: FormEvent) {
    event.preventDefault();
    const q = text.trim();
    navigate(q ? `/areas?q=${encodeURIComponent(q)}` : '/areas');
  }

  return (
    <search>
      <form onSubmit={submit}>
        <Group align="flex-end" gap="sm" wrap="nowrap">
          <TextInput
            style={{ flex: 1 }}
            label={t('areas.searchLabel')}
            placeholder={t('areas.searchPlaceholder')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            type="search"
          />
          <Button type="submit">{t('common.search')}</Button>
        </Group>
      </form>
    </search>
  );
}

function SearchResults({ q }: { q: string }) {
  const { t } = useTranslation();
  const search = useAreaSearch(q, 100);
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('areas.searchResults', { q })}
      </Title>
      {q.length < 2 ? (
        <Empty title={t('areas.picker.hint')} />
      ) : search.isPending ? (
        <LoadingState />
      ) : search.error ? (
        <ErrorAlert error={search.error} onRetry={() => void search.refetch()} />
      ) : search.data.items.length === 0 ? (
        <Empty title={t('common.noResults')} hint={t('common.noResultsHint')} />
      ) : (
        <AreaList areas={search.data.items} showLevel />
      )}
    </Stack>
  );
}

function AreaPage({ code }: { code: string }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const area = useArea(code);

  if (area.isPending) return <LoadingState rows={6} />;
  if (area.error) {
    return (
      <>
        <PageTitle title={t('areas.title')} />
        <ErrorAlert error={area.error} onRetry={() => void area.refetch()} />
      </>
    );
  }
  const detail = area.data;
  const canAddVillage =
    detail.level === 'subdistrict' && can({ action: 'area.createVillage', areaCode: detail.code });

  return (
    <>
      <AreaBreadcrumbs area={detail} />
      <PageTitle
        title={areaLabel(detail, t, i18n.language)}
        intro={`${t(`enums.areaLevel.${detail.level}`)} · ${t('areas.code')} ${detail.code}`}
      />
      <Stack gap="lg">
        {detail.level !== 'village' && (
          <Children parent={detail.code} isSubdistrict={detail.level === 'subdistrict'} />
        )}
        {canAddVillage && <VillageForm subdistrictCode={detail.code} nextNo={(detail.childCount ?? 0) + 1} />}
      </Stack>
    </>
  );
}

function AreaBreadcrumbs({ area }: { area: AreaDetail }) {
  const { t, i18n } = useTranslation();
  return (
    <nav aria-label={t('areas.breadcrumb')}>
      <Breadcrumbs mb="sm" separator="›" style={{ flexWrap: 'wrap' }}>
        <Anchor component={Link} to="/areas">
          {t('areas.allProvinces')}
        </Anchor>
        {area.ancestors.map((a) => (
          <Anchor component={Link} to={`/areas/${a.code}`} key={a.code}>
            {areaLabel(a, t, i18n.language)}
          </Anchor>
        ))}
        <span aria-current="page">{areaLabel(area, t, i18n.language)}</span>
      </Breadcrumbs>
    </nav>
  );
}

function Children({ parent, isSubdistrict = false }: { parent: string | null; isSubdistrict?: boolean }) {
  const { t } = useTranslation();
  const children = useAreaChildren(parent);

  if (children.isPending) return <LoadingState rows={6} />;
  if (children.error) return <ErrorAlert error={children.error} onRetry={() => void children.refetch()} />;
  const areas = children.data.pages.flatMap((p) => p.items);

  return (
    <Stack gap="sm" component="section" aria-labelledby="children-title">
      <Title order={2} size="h3" id="children-title">
        {parent ? t('areas.childrenOf') : t('areas.allProvinces')}
      </Title>
      {areas.length === 0 ? (
        <Empty title={isSubdistrict ? t('areas.noVillages') : t('areas.noChildren')} />
      ) : (
        <AreaList areas={areas} />
      )}
      {children.hasNextPage && (
        <Button
          variant="default"
          onClick={() => void children.fetchNextPage()}
          loading={children.isFetchingNextPage}
        >
          {t('common.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
