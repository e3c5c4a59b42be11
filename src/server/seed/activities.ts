import { sql } from 'drizzle-orm';
import { ACTIVITY_LIBRARY } from '../../core/plans/index.ts';
import type { Db } from '../db/client.ts';
import { activities } from '../db/schema.ts';

const arr = (values: readonly string[] | undefined) => [...(values ?? [])];

/**
 * The library of proven activities (DOMAIN.md step 7) is reference data: every installation has
 * it, demo or not. An upsert by `code` in one statement: a re-seed adds what is new and brings
 * changed text up to date, never duplicates, and leaves rows that are already the same untouched.
 * Activities areas added themselves have no code and are never touched.
 */
export async function seedActivities(db: Db): Promise<number> {
  const rows = ACTIVITY_LIBRARY.map((a) => ({
    code: a.code,
    dimension: a.dimension,
    titleTh: a.titleTh,
    titleEn: a.titleEn ?? null,
    descriptionTh: a.descriptionTh,
    descriptionEn: a.descriptionEn ?? null,
    howTh: a.howTh ?? null,
    howEn: a.howEn ?? null,
    addresses: arr(a.addresses),
    modes: arr(a.modes),
    durationWeeks: a.durationWeeks ?? null,
    providerTypes: arr(a.providerTypes),
    adlGroups: arr(a.adlGroups),
    minAge: a.minAge ?? null,
    maxAge: a.maxAge ?? null,
    source: a.source ?? null,
  }));
  if (rows.length === 0) return 0;
  const changed = await db
    .insert(activities)
    .values(rows)
    .onConflictDoUpdate({
      target: activities.code,
      set: {
        dimension: sql`excluded.dimension`,
        titleTh: sql`excluded.title_th`,
        titleEn: sql`excluded.title_en`,
        descriptionTh: sql`excluded.description_th`,
        descriptionEn: sql`excluded.description_en`,
        howTh: sql`excluded.how_th`,
        howEn: sql`excluded.how_en`,
        addresses: sql`excluded.addresses`,
        modes: sql`excluded.modes`,
        durationWeeks: sql`excluded.duration_weeks`,
        providerTypes: sql`excluded.provider_types`,
        adlGroups: sql`excluded.adl_groups`,
        minAge: sql`excluded.min_age`,
        maxAge: sql`excluded.max_age`,
        source: sql`excluded.source`,
        updatedAt: sql`now()`,
      },
      setWhere: sql`(${activities.dimension}, ${activities.titleTh}, ${activities.titleEn}, ${activities.descriptionTh},
        ${activities.descriptionEn}, ${activities.howTh}, ${activities.howEn}, ${activities.addresses}, ${activities.modes},
        ${activities.durationWeeks}, ${activities.providerTypes}, ${activities.adlGroups}, ${activities.minAge},
        ${activities.maxAge}, ${activities.source})
        is distinct from
        (excluded.dimension, excluded.title_th, excluded.title_en, excluded.description_th, excluded.description_en,
        excluded.how_th, excluded.how_en, excluded.addresses, excluded.modes, excluded.duration_weeks,
        excluded.provider_types, excluded.adl_groups, excluded.min_age, excluded.max_age, excluded.source)`,
    })
    .returning({ id: activities.id });
  return changed.length;
}
