import { Anchor, Button, Group } from '@mantine/core';
import type { TFunction } from 'i18next';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { getInstrument, type Level } from '../../../core/instruments/index.ts';
import { formatDate } from '../../../core/thai/buddhistEra.ts';
import { formatNationalId } from '../../../core/thai/nationalId.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageLoader } from '../../components/LoadingState.tsx';
import { useCurrentUser } from '../auth/session.ts';
import { birthDateText, enumLabel, houseLine, nationalityLabel, personName } from '../persons/labels.ts';
import { dimensionLabel, monthLabel } from '../plans/parts.tsx';
import { answerText, instrumentTitle } from '../screenings/instruments.ts';
import { dimensionText, flagText } from '../screenings/words.ts';
import { type MyData, type MyPlan, useMyData, useMyLinks } from './api.ts';
import { whoDoesIt } from './MyPlans.tsx';
import { actionText, actorText, changedFields, groupText, relationText, sourceText } from './words.ts';
import './print.css';

/**
 * `/me/print` — everything held about the person on paper: in Thai with
 * Buddhist-era dates whatever the screen's language, for a person who keeps
 * papers or shows them to a relative. The same data as the JSON download.
 */
export default function MyDataPrintPage() {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT('th');
  const links = useMyLinks();
  const [params] = useSearchParams();
  const items = links.data?.items ?? [];
  const personId = (items.find((l) => l.personId === params.get('person')) ?? items[0])?.personId ?? '';
  const data = useMyData(personId, Boolean(personId));

  useEffect(() => {
    document.title = `${t('citizen.print.title')} · ${t('app.name')}`;
  }, [t]);

  let body: ReactNode;
  if (links.isPending || (personId && data.isPending)) body = <PageLoader />;
  else if (links.error || data.error) body = <ErrorAlert error={links.error ?? data.error} />;
  else if (!data.data) body = <p>{t('citizen.me.noLinks')}</p>;
  else body = <Printout data={data.data} t={t} />;

  return (
    <main id="main" className="print-page" lang="th">
      <Group className="no-print" justify="space-between" mb="md">
        <Anchor component={Link} to={personId ? `/me?person=${personId}` : '/me'}>
          ← {t('citizen.print.back')}
        </Anchor>
        <Button onClick={() => window.print()} disabled={!data.data}>
          {t('citizen.print.print')}
        </Button>
      </Group>
      {body}
    </main>
  );
}

const d = (iso: string | null | undefined, withTime = false) =>
  iso ? formatDate(iso, 'th', { withTime }) : '—';

function Printout({ data, t }: { data: MyData; t: TFunction }) {
  const user = useCurrentUser();
  const p = data.person;
  const none = '—';
  const id =
    p.nationalId && p.idType === 'thai_id' && !p.nationalIdMasked
      ? formatNationalId(p.nationalId)
      : (p.nationalId ?? none);
  const facts: [string, string][] = [
    [t('persons.field.name'), personName(p, t)],
    [t('persons.field.idType'), enumLabel(t, 'idType', p.idType)],
    [t('persons.field.nationalId'), id],
    [t('persons.field.sex'), enumLabel(t, 'sex', p.sex)],
    [
      t('persons.field.birthDate'),
      `${birthDateText(t, 'th', p.birthDate, p.birthDateEstimated)} (${t('persons.birth.ageNow', { count: p.age })})`,
    ],
    [t('persons.field.nationality'), nationalityLabel(t, p.nationality)],
    [t('persons.field.religion'), enumLabel(t, 'religion', p.religion)],
    [t('persons.field.maritalStatus'), enumLabel(t, 'maritalStatus', p.maritalStatus)],
    [t('persons.field.education'), enumLabel(t, 'education', p.education)],
    [t('persons.field.occupation'), p.occupation ?? none],
    [t('persons.field.incomeBand'), enumLabel(t, 'incomeBand', p.incomeBand)],
    [t('persons.field.healthCoverage'), enumLabel(t, 'healthCoverage', p.healthCoverage)],
    [t('persons.field.address'), houseLine(t, p.address)],
    [t('persons.field.phone'), p.phone ?? none],
    [
      t('persons.field.chronicConditions'),
      p.chronicConditions.map((c) => enumLabel(t, 'chronicCondition', c)).join(', ') || none,
    ],
    [
      t('persons.field.disability'),
      p.disability?.types.map((c) => enumLabel(t, 'disabilityType', c)).join(', ') || none,
    ],
    [
      t('persons.field.vulnerability'),
      p.vulnerability.map((c) => enumLabel(t, 'vulnerability', c)).join(', ') || none,
    ],
    [
      t('persons.field.caregiver'),
      p.caregiver
        ? [enumLabel(t, 'caregiverRelation', p.caregiver.relation), p.caregiver.name, p.caregiver.phone]
            .filter(Boolean)
            .join(' · ')
        : none,
    ],
  ];

  return (
    <article>
      <header className="print-header">
        <h1>{t('citizen.print.title')}</h1>
        <p>
          {personName(p, t)} · {t('citizen.print.printedAt', { date: d(data.exportedAt, true) })}
        </p>
      </header>

      <h2>{t('citizen.print.record')}</h2>
      <dl className="print-facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>

      <h2>{t('persons.field.household')}</h2>
      {data.household ? (
        <p>
          {houseLine(t, {
            houseNo: data.household.address.houseNo,
            villageNo: data.household.address.villageNo,
          })}{' '}
          · {enumLabel(t, 'housingType', data.household.housingType)} ·{' '}
          {enumLabel(t, 'relationToHead', data.household.relationToHead)}
        </p>
      ) : (
        <p>{none}</p>
      )}

      <h2>{t('persons.consent.log')}</h2>
      <Table
        head={[
          t('citizen.print.when'),
          t('citizen.print.what'),
          t('citizen.print.how'),
          t('citizen.print.by'),
        ]}
        rows={data.consents.map((c) => [
          d(c.recordedAt, true),
          `${t(`persons.consent.purposes.${c.purpose}`)}: ${c.granted ? t('persons.consent.granted') : t('persons.consent.withdrawnState')}`,
          t(`enums.consentMethod.${c.method}`),
          c.recordedBy ?? none,
        ])}
      />

      <h2>{t('persons.history.title')}</h2>
      <Table
        head={[
          t('citizen.print.when'),
          t('citizen.print.what'),
          t('citizen.print.how'),
          t('citizen.print.by'),
        ]}
        rows={data.revisions.map((r) => [
          d(r.changedAt, true),
          `${changedFields(t, r.changes)}${r.reason ? ` — ${r.reason}` : ''}`,
          sourceText(t, r.source),
          r.changedBy ?? none,
        ])}
      />

      <h2>{t('citizen.me.screenings')}</h2>
      {data.screenings.length === 0 && <p>{none}</p>}
      {data.screenings.map((s) => {
        const def = getInstrument(s.instrument, s.version);
        return (
          <section key={s.id} className="print-screening">
            <h3>
              {instrumentTitle(s.instrument, 'th', s.version)} · {d(s.takenAt)}
            </h3>
            <p>
              {Object.entries(s.levels)
                .map(
                  ([dim, level]) =>
                    `${dimensionText(t, dim)}: ${t(`screenings.level.${level as Level}`)} (${s.scores[dim] ?? none})`,
                )
                .join(' · ')}
            </p>
            {s.flags.length > 0 && <p>{s.flags.map((f) => flagText(t, f)).join(' · ')}</p>}
            {def && (
              <ol className="print-answers">
                {def.items
                  .filter((item) => Object.hasOwn(s.answers, item.code))
                  .map((item) => (
                    <li key={item.code}>
                      {item.text.th}: <strong>{answerText(item, s.answers[item.code], 'th', none)}</strong>
                    </li>
                  ))}
              </ol>
            )}
          </section>
        );
      })}

      <h2>{t('citizen.plan.title')}</h2>
      {data.plans.length === 0 && <p>{none}</p>}
      {data.plans.map((plan) => (
        <PrintedPlan key={plan.id} plan={plan} t={t} />
      ))}

      <h2>{t('citizen.print.alerts')}</h2>
      <Table
        head={[t('citizen.print.when'), t('citizen.print.what'), t('citizen.print.to')]}
        rows={data.alerts.map((a) => [d(a.createdAt, true), flagText(t, a.flag), a.recipient ?? none])}
      />

      <h2>{t('citizen.print.groups')}</h2>
      <Table
        head={[t('citizen.print.group'), t('citizen.print.from'), t('citizen.print.until')]}
        rows={data.groups.map((g) => [g.groupName, d(g.enrolledAt), d(g.dischargedAt)])}
      />

      <h2>{t('citizen.print.assignments')}</h2>
      <Table
        head={[
          t('citizen.print.group'),
          t('citizen.print.by'),
          t('citizen.print.from'),
          t('citizen.print.until'),
        ]}
        rows={data.assignments.map((a) => [
          a.groupName,
          [a.assignee, a.organizationName].filter(Boolean).join(' · '),
          d(a.assignedAt),
          d(a.endedAt),
        ])}
      />

      <h2>{t('citizen.me.links')}</h2>
      <Table
        head={[
          t('citizen.print.account'),
          t('citizen.print.how'),
          t('citizen.print.from'),
          t('citizen.print.until'),
        ]}
        rows={data.links.map((l) => [l.account, relationText(t, l.relation), d(l.linkedAt), d(l.revokedAt)])}
      />

      <h2>{t('citizen.access.title')}</h2>
      <Table
        head={[
          t('citizen.print.when'),
          t('citizen.print.who'),
          t('citizen.print.what'),
          t('citizen.print.group'),
        ]}
        rows={data.accessLog.map((a) => [
          d(a.at, true),
          actorText(t, a, user.id),
          `${actionText(t, a.action)}${a.via === 'list' ? ` (${t('citizen.access.viaList')})` : ''}`,
          groupText(t, a.group) ?? none,
        ])}
      />
    </article>
  );
}

/** One plan on paper: as it is now, every activity it ever had, every monthly report, every version. */
function PrintedPlan({ plan, t }: { plan: MyPlan; t: TFunction }) {
  const none = '—';
  const titles = new Map(plan.activities.map((a) => [a.id, a.title]));
  const adherence = (percent: number | null) =>
    percent === null ? t('plans.adherence.none') : t('plans.adherence.value', { percent });
  const inPlan = (a: MyPlan['activities'][number]) =>
    a.removedInVersion === null
      ? t('citizen.plan.print.fromVersion', { from: a.addedInVersion })
      : t('citizen.plan.print.versionRange', { from: a.addedInVersion, to: a.removedInVersion - 1 });
  return (
    <section className="print-plan">
      <h3>
        {t('citizen.plan.version', { version: plan.version })} · {t(`plans.status.${plan.status}`)} ·{' '}
        {d(plan.startsOn)} – {d(plan.endsOn)}
      </h3>
      <p>
        {t('citizen.plan.personalGoal', { goal: plan.goals.personal || none })} · {t('plans.view.adherence')}:{' '}
        {adherence(plan.adherence.percent)}
      </p>
      <Table
        head={[
          t('citizen.plan.print.activity'),
          t('citizen.plan.print.who'),
          t('citizen.plan.print.goal'),
          t('plans.view.adherence'),
          t('citizen.plan.print.inPlan'),
        ]}
        rows={plan.activities.map((a) => [
          `${a.title} (${dimensionLabel(t, a.dimension)})`,
          `${whoDoesIt(t, a)} · ${t(`plans.mode.${a.mode}`)}`,
          a.goal ?? none,
          adherence(a.adherence),
          inPlan(a),
        ])}
      />
      <h4>{t('citizen.plan.print.progress')}</h4>
      <Table
        head={[
          t('citizen.plan.print.month'),
          t('citizen.plan.print.activity'),
          t('citizen.plan.print.result'),
          t('citizen.plan.print.reportedBy'),
          t('citizen.print.when'),
        ]}
        rows={plan.progress.map((r) => [
          monthLabel(r.month, 'th', t),
          titles.get(r.planActivityId) ?? none,
          [
            t(`plans.progress.status.${r.status}`),
            r.note ? `“${r.note}”` : '',
            r.superseded ? `(${t('citizen.plan.print.superseded')})` : '',
          ]
            .filter(Boolean)
            .join(' '),
          [t(`citizen.plan.reportedAs.${r.reportedAs}`), r.reportedBy].filter(Boolean).join(' · '),
          d(r.reportedAt, true),
        ])}
      />
      <h4>{t('citizen.plan.print.versions')}</h4>
      <Table
        head={[
          t('citizen.plan.print.version'),
          t('citizen.print.when'),
          t('citizen.print.by'),
          t('citizen.plan.print.reason'),
        ]}
        rows={plan.versions.map((v) => [
          t('citizen.plan.version', { version: v.version }),
          d(v.createdAt, true),
          v.createdBy ?? none,
          v.reason ?? none,
        ])}
      />
    </section>
  );
}

function Table({ head, rows }: { head: string[]; rows: string[][] }) {
  if (rows.length === 0) return <p>—</p>;
  return (
    <table className="print-table">
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: printed rows have no identity of their own
          <tr key={i}>
            {r.map((cell, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
              <td key={j}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
