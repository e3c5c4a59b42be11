import { isAdlGroup } from '../../../core/persons/vulnerability.ts';
import {
  type DraftActivity,
  draftBasis,
  draftPlan,
  NEEDS_INSTRUMENT,
  WELLBEING_INSTRUMENT,
} from '../../../core/plans/index.ts';
import { placeOf } from '../../../core/policy/index.ts';
import type { PlanDraftItem } from '../../../core/schemas/index.ts';
import { bangkokDate } from '../../../core/screenings/month.ts';
import { ageOn } from '../../../core/thai/birthDate.ts';
import { ruleBroken } from '../../http/problem.ts';
import { usableLibrary } from '../activities/repo.ts';
import { effectSummaries } from '../activities/service.ts';
import { audit } from '../audit/service.ts';
import { isoOf } from '../screenings/iso.ts';
import { findScreeningRow, latestScreening } from './repo.ts';
import { type PlanContext, personFor } from './service.ts';

/**
 * Proposes activities for a person's plan (DOMAIN.md step 7) from their latest 20-item well-being
 * screening (or the one given, which must be theirs) and their latest needs survey up to it: the
 * library usable where they live, ranked by `draftPlan` with what each activity achieved so far.
 */
export async function draftForPerson(
  c: PlanContext,
  personId: string,
  input: { screeningId?: string },
): Promise<{
  items: PlanDraftItem[];
  screeningId: string;
  takenAt: string;
  needsScreeningId: string | null;
}> {
  const { person, access } = await personFor(c, personId, 'plan.write');
  let screening: Awaited<ReturnType<typeof findScreeningRow>>;
  if (input.screeningId) {
    screening = await findScreeningRow(c.db, input.screeningId);
    if (!screening || screening.personId !== person.id || screening.instrument !== WELLBEING_INSTRUMENT) {
      throw ruleBroken('plan_screening_unknown', {}, 'screeningId');
    }
  } else {
    screening = await latestScreening(c.db, person.id, WELLBEING_INSTRUMENT);
    if (!screening) throw ruleBroken('plan_no_screening');
  }
  // The needs survey is asked with the screening: the latest taken by the end of that day.
  const until = new Date(Date.parse(isoOf(screening.takenAt)) + 24 * 3600_000).toISOString();
  const needsScreening = await latestScreening(c.db, person.id, NEEDS_INSTRUMENT, until);
  const source = (x: { instrument: string; version: number; answers: unknown }) => ({
    instrument: x.instrument,
    version: x.version,
    answers: x.answers as Record<string, never>,
  });
  const { itemLevels, needs } = draftBasis({
    wellbeing: source(screening),
    needs: needsScreening ? source(needsScreening) : null,
  });

  const library = await usableLibrary(c.db, placeOf(person));
  const activities: DraftActivity[] = library.map((a) => ({
    id: a.id,
    code: a.code,
    dimension: a.dimension,
    title: a.titleTh,
    addresses: a.addresses,
    modes: a.modes,
    adlGroups: a.adlGroups,
    minAge: a.minAge,
    maxAge: a.maxAge,
  }));
  // Only activities that answer something of this screening can be proposed: their effects only.
  const wanted = new Set([
    ...Object.entries(itemLevels)
      .filter(([, l]) => l !== 'green')
      .map(([code]) => code),
    ...needs,
  ]);
  const candidates = library.filter((a) => a.addresses.some((code) => wanted.has(code))).map((a) => a.id);
  const effects = await effectSummaries(c.db, candidates, c.now);

  const items = draftPlan({
    itemLevels,
    needs,
    person: {
      ageYears: ageOn(person.birthDate, bangkokDate(c.now)),
      adlGroup: isAdlGroup(person.adlGroup) ? person.adlGroup : null,
    },
    activities,
    effects,
  }).map((d) => ({
    activityId: d.activityId,
    dimension: d.dimension,
    title: d.title,
    addresses: [...d.addresses],
    rank: d.rank,
  }));

  await audit(c.db, c.actor, {
    action: 'plan.draft',
    entity: 'person',
    entityId: person.id,
    areaCode: person.areaCode,
    groupId: access.groupId,
    subjectIds: [person.id],
    detail: { screeningId: screening.id, items: items.length },
  });
  return {
    items,
    screeningId: screening.id,
    takenAt: isoOf(screening.takenAt),
    needsScreeningId: needsScreening?.id ?? null,
  };
}
