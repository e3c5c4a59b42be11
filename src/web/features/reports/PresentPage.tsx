import { Button, Center, Group, Stack, Text } from '@mantine/core';
import { type ReactNode, useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageLoader } from '../../components/LoadingState.tsx';
import { useCurrentUser } from '../auth/session.ts';
import { useLang } from '../screenings/instruments.ts';
import { useWellbeingReport } from './api.ts';
import { periodName } from './labels.ts';
import { parseReportParams, reportSearch, sameView } from './params.ts';
import { SlideView } from './SlideView.tsx';
import { useScopeName } from './scope.ts';
import { forumBreakdown, type Slide, slideIndex, slideMove, slidePlan } from './slides.ts';
import './present.css';

/**
 * `/reports/present?area=&yearBE=…`: the report as slides for the data-return forum: one chart per
 * slide, big type, black on white; arrow keys, Page Up/Down (a presenter's clicker) or the buttons
 * move; Esc or "exit" goes back to the dashboard.
 */
export default function PresentPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const user = useCurrentUser();
  const [search] = useSearchParams();
  const params = parseReportParams(search, user.areaCodes[0] ?? null);
  const by = forumBreakdown(params);
  const report = useWellbeingReport(params, by);
  const scope = useScopeName(params);
  const period = periodName(t, lang, params.yearBE, params.month);
  const exitTo = `/reports?${reportSearch(params)}`;
  const data =
    report.data && sameView(report.data, params) && report.data.by === by ? report.data : undefined;

  useEffect(() => {
    document.title = `${t('reports.present.title')} · ${scope.name} · ${t('app.name')}`;
  }, [t, scope.name]);

  return (
    <main id="main" className="present" lang={lang}>
      <header className="present-bar">
        <Text fz="xl" fw={700}>
          {scope.path} · {period}
        </Text>
        <Group gap="sm">
          <Button size="lg" variant="default" onClick={() => void toggleFullscreen()}>
            {t('reports.present.fullscreen')}
          </Button>
          <Button size="lg" color="dark" component={Link} to={exitTo}>
            {t('reports.present.exit')}
          </Button>
        </Group>
      </header>
      {report.error ? (
        <Center p="xl">
          <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />
        </Center>
      ) : !data ? (
        <PageLoader />
      ) : (
        <Deck
          slides={slidePlan(data)}
          exitTo={exitTo}
          render={(slide) => <SlideView slide={slide} report={data} scopeName={scope.name} period={period} />}
        />
      )}
    </main>
  );
}

async function toggleFullscreen() {
  try {
    if (document.fullscreenElement) await document.exitFullscreen();
    else await document.documentElement.requestFullscreen();
  } catch {
    // Not allowed here (an embedded frame, an old browser): the page works as it is.
  }
}

function Deck({
  slides,
  exitTo,
  render,
}: {
  slides: Slide[];
  exitTo: string;
  render: (slide: Slide) => ReactNode;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const index = slideIndex(search.get('slide') ?? '1', slides.length);
  const slideRef = useRef<HTMLElement>(null);
  const last = slides.length - 1;

  /** To slide `to` (0-based, kept inside the deck); the slide number is in the address, so a reload stays. */
  const go = useCallback(
    (to: number) => {
      const next = new URLSearchParams(window.location.search);
      next.set('slide', String(Math.max(0, Math.min(last, to)) + 1));
      setSearch(next, { replace: true });
    },
    [last, setSearch],
  );

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key === 'Escape' && !document.fullscreenElement) {
        navigate(exitTo);
        return;
      }
      // A focused button moves with Space and Enter by itself.
      const onControl =
        event.target instanceof HTMLElement && event.target.closest('button, a, input, select');
      const move = slideMove(event.key);
      if (!move || (onControl && event.key === ' ')) return;
      event.preventDefault();
      go({ next: index + 1, previous: index - 1, first: 0, last }[move]);
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [index, last, exitTo, navigate, go]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: focus follows the slide number
  useEffect(() => {
    slideRef.current?.focus();
  }, [index]);

  const slide = slides[index];
  if (!slide) return null;
  return (
    <>
      <section
        ref={slideRef}
        className="present-slide"
        tabIndex={-1}
        aria-roledescription={t('reports.present.slide')}
        aria-label={t('reports.present.slideOf', { n: index + 1, count: slides.length })}
        data-slide={slide.kind}
      >
        {render(slide)}
      </section>
      <footer className="present-bar">
        <Button size="xl" variant="default" onClick={() => go(index - 1)} disabled={index === 0}>
          ← {t('reports.present.previous')}
        </Button>
        <Stack gap={0} align="center">
          <Text fz="1.5rem" fw={700} aria-live="polite">
            {t('reports.present.slideOf', { n: index + 1, count: slides.length })}
          </Text>
          <Text size="md">{t('reports.present.keys')}</Text>
        </Stack>
        <Button size="xl" onClick={() => go(index + 1)} disabled={index === last}>
          {t('reports.present.next')} →
        </Button>
      </footer>
    </>
  );
}
