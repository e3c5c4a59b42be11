import { decide } from '../../../core/policy/index.ts';
import {
  type AssistanceFigures,
  type AssistanceKind,
  type AssistanceTotals,
  type AssistanceTotalsQuery,
  assistanceKinds,
} from '../../../core/schemas/assistance.ts';
import { suppressAssistanceTotals } from '../../../core/services/assistanceSuppress.ts';
import { invalid, notFound } from '../../http/problem.ts';
import { audit } from '../audit/service.ts';
import {
  childAreas,
  type FigureRow,
  figuresBy,
  findAreas,
  findOrganizations,
  keys,
  type TotalsScope,
} from './repo.ts';
import { type AssistanceContext, ensureTotalsAllowed, nameIn } from './service.ts';

const NONE: AssistanceFigures = { count: 0, people: 0, value: 0 };
const figuresOf = (r: FigureRow | undefined): AssistanceFigures =>
  r ? { count: r.count, people: r.people, value: r.value } : NONE;
/** Biggest first: by value, then by how many records. */
const biggestFirst = (a: AssistanceFigures, b: AssistanceFigures) => b.value - a.value || b.count - a.count;

/** The level one below an area, and the key that groups the ledger by it. */
function breakdownOf(scope: TotalsScope) {
  if (scope.kind === 'organization') return { level: 'subdistrict' as const, key: keys.subdistrict };
  switch (scope.code.length) {
    case 2:
      return { level: 'district' as const, key: keys.district };
    case 4:
      return { level: 'subdistrict' as const, key: keys.subdistrict };
    case 6:
      return { level: 'village' as const, key: keys.village };
    default:
      return null;
  }
}

/**
 * Totals of the ledger for an area (committees: by kind, organisation, funding source and the areas one
 * level down, the empty ones too) or for an organisation (what it gave, and where). The period defaults
 * to this calendar year up to today. Names no person: the policy lets area statistics readers see it.
 */
export async function assistanceTotals(
  c: AssistanceContext,
  q: AssistanceTotalsQuery,
): Promise<AssistanceTotals> {
  if ((q.area === undefined) === (q.organization === undefined)) {
    throw invalid(q.area === undefined ? 'area' : 'organization', 'assistance_scope_required');
  }
  const to = q.to ?? c.today;
  const from = q.from ?? `${to.slice(0, 4)}-01-01`;
  if (from > to) throw invalid('from', 'assistance_period_order');
  const scope: TotalsScope = q.area
    ? { kind: 'area', code: q.area }
    : { kind: 'organization', id: q.organization! };
  ensureTotalsAllowed(c.actor, scope);

  let scopeName: string;
  if (scope.kind === 'area') {
    const area = (await findAreas(c.db, [scope.code])).get(scope.code);
    if (!area) throw notFound();
    scopeName = nameIn(c.lang, { name: area.nameTh, nameEn: area.nameEn });
  } else {
    const org = (await findOrganizations(c.db, [scope.id])).get(scope.id);
    if (!org) throw notFound();
    scopeName = nameIn(c.lang, org);
  }

  const breakdown = breakdownOf(scope);
  const [total, byKind, byOrg, byFund, byArea] = await Promise.all([
    figuresBy(c.db, scope, from, to, null),
    figuresBy(c.db, scope, from, to, keys.kind),
    figuresBy(c.db, scope, from, to, keys.organization),
    figuresBy(c.db, scope, from, to, keys.fundingSource),
    breakdown ? figuresBy(c.db, scope, from, to, breakdown.key) : Promise.resolve([]),
  ]);

  const kindRows = new Map(byKind.map((r) => [r.key as AssistanceKind, r]));
  const orgs = await findOrganizations(
    c.db,
    byOrg.map((r) => r.key!),
  );

  const whole: AssistanceTotals = {
    scope:
      scope.kind === 'area'
        ? { kind: 'area', code: scope.code, name: scopeName }
        : { kind: 'organization', id: scope.id, name: scopeName },
    from,
    to,
    total: { ...figuresOf(total[0]), duplicatesConfirmed: total[0]?.duplicatesConfirmed ?? 0 },
    byKind: assistanceKinds.map((kind) => ({ kind, ...figuresOf(kindRows.get(kind)) })),
    byOrganization: byOrg
      .map((r) => ({ organizationId: r.key!, name: nameIn(c.lang, orgs.get(r.key!)), ...figuresOf(r) }))
      .sort(biggestFirst),
    // Unnamed funding last, whatever its size: it is the one to fill in.
    byFundingSource: byFund
      .map((r) => ({ fundingSource: r.key, ...figuresOf(r) }))
      .sort(
        (a, b) => Number(a.fundingSource === null) - Number(b.fundingSource === null) || biggestFirst(a, b),
      ),
    byArea: breakdown ? { level: breakdown.level, rows: await areaRows(c, scope, byArea) } : null,
    suppressed: false,
  };
  // An organisation reads the help it gave whole: it knows whom it helped. An area's committee reads
  // it with small rows hidden, as it reads the well-being reports.
  const identified =
    scope.kind === 'organization' ||
    decide(c.actor, { action: 'report.identified', areaCode: scope.code }).allow;
  const out = identified ? whole : suppressAssistanceTotals(whole);

  await audit(c.db, c.actor, {
    action: 'assistance.totals',
    entity: scope.kind,
    entityId: scope.kind === 'area' ? scope.code : scope.id,
    areaCode: scope.kind === 'area' ? scope.code : null,
    detail: { from, to, suppressed: out.suppressed },
  });
  return out;
}

/**
 * The breakdown by area with names: for an area, every area one level down (none helped is a figure
 * too), then any code the tree lacks and "village not recorded"; for an organisation, where it helped.
 */
async function areaRows(c: AssistanceContext, scope: TotalsScope, rows: FigureRow[]) {
  const byCode = new Map(rows.map((r) => [r.key, r]));
  const children = scope.kind === 'area' ? await childAreas(c.db, scope.code) : [];
  const listed = new Set(children.map((a) => a.code));
  const others = rows.map((r) => r.key).filter((k): k is string => k !== null && !listed.has(k));
  const names = await findAreas(c.db, others);
  const named = (code: string, area: { nameTh: string; nameEn: string | null } | undefined) => ({
    code,
    name: area ? nameIn(c.lang, { name: area.nameTh, nameEn: area.nameEn }) : null,
  });
  return [
    ...children.map((a) => ({ ...named(a.code, a), ...figuresOf(byCode.get(a.code)) })),
    ...others.sort().map((code) => ({ ...named(code, names.get(code)), ...figuresOf(byCode.get(code)) })),
    ...(byCode.has(null) ? [{ code: null, name: null, ...figuresOf(byCode.get(null)) }] : []),
  ];
}
