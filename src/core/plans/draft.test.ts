import { describe, expect, it } from 'vitest';
import { getInstrument } from '../instruments/index.ts';
import { planDraftItem } from '../schemas/plan.ts';
import { type DraftActivity, type DraftInput, draftBasis, draftPlan, type ItemLevel } from './draft.ts';
import type { EffectSummary } from './effect.ts';
import { ACTIVITY_LIBRARY } from './library.ts';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

let next = 1;
function act(
  partial: Partial<DraftActivity> & Pick<DraftActivity, 'dimension' | 'addresses'>,
): DraftActivity {
  const n = next++;
  return {
    id: uuid(n),
    code: `a-${String(n).padStart(3, '0')}`,
    title: `Activity ${n}`,
    modes: ['self'],
    adlGroups: [],
    minAge: null,
    maxAge: null,
    ...partial,
  };
}

const adult = { ageYears: 70, adlGroup: 'social_bound' as const };
const green = Object.fromEntries(
  getInstrument('wellbeing20')!.items.map((i) => [i.code, 'green' as ItemLevel]),
);
const levels = (over: Record<string, ItemLevel>) => ({ ...green, ...over });

/** The library as database rows, with stable fake ids. */
const library: DraftActivity[] = ACTIVITY_LIBRARY.map((a, i) => ({
  id: uuid(1000 + i),
  code: a.code,
  dimension: a.dimension,
  title: a.titleTh,
  addresses: a.addresses,
  modes: a.modes,
  adlGroups: a.adlGroups,
  minAge: a.minAge ?? null,
  maxAge: a.maxAge ?? null,
}));
const codeOf = new Map(library.map((a) => [a.id, a.code]));
const codes = (items: { activityId: string }[]) => items.map((i) => codeOf.get(i.activityId));

describe('drafting a plan', () => {
  it('proposes nothing when everything is green and no need was picked', () => {
    expect(draftPlan({ itemLevels: green, needs: [], person: adult, activities: library })).toEqual([]);
    expect(draftPlan({ itemLevels: {}, needs: [], person: adult, activities: library })).toEqual([]);
  });

  it('answers only the yellow/red items and picked needs, and says which', () => {
    const walk = act({ dimension: 'health', addresses: ['H4', 'H1', 'S3'] });
    const pills = act({ dimension: 'health', addresses: ['H1', 'medicines'] });
    const mood = act({ dimension: 'health', addresses: ['H3'] }); // H3 green: never proposed
    const items = draftPlan({
      itemLevels: levels({ H4: 'yellow', S3: 'red' }),
      needs: ['medicines'],
      person: adult,
      activities: [walk, pills, mood],
    });
    expect(items).toEqual([
      { activityId: walk.id, dimension: 'health', title: walk.title, addresses: ['S3', 'H4'], rank: 1 },
      { activityId: pills.id, dimension: 'health', title: pills.title, addresses: ['medicines'], rank: 2 },
    ]);
    for (const item of items) expect(planDraftItem.safeParse(item).success).toBe(true);
  });

  it('gives an all-green dimension nothing, even for an activity that answers another dimension', () => {
    const card = act({ dimension: 'economy', addresses: ['E4', 'S4'] });
    const docs = act({ dimension: 'society', addresses: ['S4'] });
    const items = draftPlan({
      itemLevels: levels({ S4: 'red' }),
      needs: [],
      person: adult,
      activities: [card, docs],
    });
    expect(items.map((i) => i.activityId)).toEqual([docs.id]);
    // Once economy needs help too, the card is proposed there, answering both.
    const both = draftPlan({
      itemLevels: levels({ S4: 'red', E4: 'yellow' }),
      needs: [],
      person: adult,
      activities: [card, docs],
    });
    expect(both.find((i) => i.activityId === card.id)?.addresses).toEqual(['S4', 'E4']);
  });

  it('a picked need opens its dimension even when all its items are green', () => {
    const water = act({ dimension: 'environment', addresses: ['V3', 'water'] });
    const items = draftPlan({ itemLevels: green, needs: ['water'], person: adult, activities: [water] });
    expect(items).toEqual([
      { activityId: water.id, dimension: 'environment', title: water.title, addresses: ['water'], rank: 1 },
    ]);
  });

  it('ranks more red first, then more yellow, then more needs', () => {
    const oneRed = act({ dimension: 'health', addresses: ['H1'] });
    const twoYellow = act({ dimension: 'health', addresses: ['H2', 'H4'] });
    const redYellow = act({ dimension: 'health', addresses: ['H1', 'H2'] });
    const twoRed = act({ dimension: 'health', addresses: ['H1', 'H5'] });
    const yellowNeed = act({ dimension: 'health', addresses: ['H2', 'home_visit'] });
    const needOnly = act({ dimension: 'health', addresses: ['home_visit', 'medicines'] });
    const items = draftPlan({
      itemLevels: levels({ H1: 'red', H5: 'red', H2: 'yellow', H4: 'yellow' }),
      needs: ['home_visit', 'medicines'],
      person: adult,
      activities: [needOnly, oneRed, yellowNeed, twoYellow, redYellow, twoRed],
      perDimension: 10,
    });
    expect(items.map((i) => i.activityId)).toEqual([
      twoRed.id,
      redYellow.id,
      oneRed.id,
      twoYellow.id,
      yellowNeed.id,
      needOnly.id,
    ]);
    expect(items.map((i) => i.rank)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('then by measured effect, but only when the sample is not small', () => {
    const effect = (estimate: number, small = false): EffectSummary => ({
      n: small ? 4 : 30,
      comparisonN: 40,
      meanChange: estimate,
      comparisonMeanChange: 0,
      estimate,
      small,
    });
    const a = act({ code: 'a', dimension: 'health', addresses: ['H1'] });
    const b = act({ code: 'b', dimension: 'health', addresses: ['H1'] });
    const c = act({ code: 'c', dimension: 'health', addresses: ['H1'] });
    const d = act({ code: 'd', dimension: 'health', addresses: ['H1'] });
    const input: DraftInput = {
      itemLevels: levels({ H1: 'yellow' }),
      needs: [],
      person: adult,
      activities: [a, b, c, d],
      effects: new Map([
        [b.id, effect(-1.5)], // scores fell by 1.5 more than similar people: helped
        [c.id, effect(-3, true)], // looks better still, but too few people to tell: ignored
        [d.id, effect(1)], // scores rose: harmed
      ]),
    };
    expect(draftPlan(input).map((i) => i.activityId)).toEqual([b.id, a.id, c.id, d.id]);
    // Effect never beats what is addressed: an activity answering a red item stays first.
    const red = act({ code: 'z', dimension: 'health', addresses: ['H2'] });
    const ranked = draftPlan({
      ...input,
      itemLevels: levels({ H1: 'yellow', H2: 'red' }),
      activities: [a, b, red],
    });
    expect(ranked.map((i) => i.activityId)).toEqual([red.id, b.id, a.id]);
  });

  it('drops activities the person’s ADL group or age excludes, and ranks a named fit higher', () => {
    const bedOnly = act({
      code: 'a',
      dimension: 'health',
      addresses: ['H2'],
      adlGroups: ['home_bound', 'bed_bound'],
    });
    const socialOnly = act({
      code: 'b',
      dimension: 'health',
      addresses: ['H2'],
      adlGroups: ['social_bound'],
    });
    const any = act({ code: 'c', dimension: 'health', addresses: ['H2'] });
    const elders = act({ code: 'd', dimension: 'health', addresses: ['H2'], minAge: 60 });
    const young = act({ code: 'e', dimension: 'health', addresses: ['H2'], maxAge: 59 });
    const activities = [any, bedOnly, socialOnly, elders, young];
    const itemLevels = levels({ H2: 'red' });
    const ids = (person: DraftInput['person']) =>
      draftPlan({ itemLevels, needs: [], person, activities, perDimension: 10 }).map((i) => i.activityId);

    // 70, social-bound: home/bed-only and under-60 dropped; the named and the age-ranged fits first.
    expect(ids({ ageYears: 70, adlGroup: 'social_bound' })).toEqual([socialOnly.id, elders.id, any.id]);
    expect(ids({ ageYears: 45, adlGroup: 'bed_bound' })).toEqual([bedOnly.id, young.id, any.id]);
    // Boundaries are inclusive.
    expect(ids({ ageYears: 60, adlGroup: 'bed_bound' })).toContain(elders.id);
    expect(ids({ ageYears: 59, adlGroup: 'bed_bound' })).toContain(young.id);
    // Unknown ADL group or age excludes nothing.
    expect(ids({ ageYears: Number.NaN, adlGroup: null })).toHaveLength(5);
  });

  it('breaks ties by code, then title, so the draft is stable', () => {
    const b = act({ code: 'b', title: 'B', dimension: 'society', addresses: ['S3'] });
    const a2 = act({ code: null, title: 'a', dimension: 'society', addresses: ['S3'] });
    const a = act({ code: 'a', title: 'Z', dimension: 'society', addresses: ['S3'] });
    const input = { itemLevels: levels({ S3: 'yellow' }), needs: [], person: adult };
    const one = draftPlan({ ...input, activities: [b, a2, a] });
    const two = draftPlan({ ...input, activities: [a, b, a2] });
    expect(one).toEqual(two);
    expect(one.map((i) => i.activityId)).toEqual([a.id, a2.id, b.id]);
  });

  it('caps each dimension, ranks 1.. within it, and orders dimensions health → environment', () => {
    const health = Array.from({ length: 7 }, () => act({ dimension: 'health', addresses: ['H1'] }));
    const env = Array.from({ length: 2 }, () => act({ dimension: 'environment', addresses: ['V1'] }));
    const input = {
      itemLevels: levels({ H1: 'red', V1: 'yellow' }),
      needs: [],
      person: adult,
      activities: [...env, ...health],
    };
    const items = draftPlan(input);
    expect(items.map((i) => [i.dimension, i.rank])).toEqual([
      ['health', 1],
      ['health', 2],
      ['health', 3],
      ['health', 4],
      ['health', 5],
      ['environment', 1],
      ['environment', 2],
    ]);
    expect(draftPlan({ ...input, perDimension: 1 })).toHaveLength(2);
    expect(draftPlan({ ...input, perDimension: Number.POSITIVE_INFINITY })).toHaveLength(9);
  });

  it('rejects a bad cap and ignores junk rows', () => {
    const base = { itemLevels: levels({ H1: 'red' }), needs: [], person: adult, activities: library };
    for (const perDimension of [0, -1, 2.5, Number.NaN]) {
      expect(() => draftPlan({ ...base, perDimension })).toThrow(RangeError);
    }
    const x = act({ dimension: 'health', addresses: ['H1'] });
    const items = draftPlan({
      ...base,
      // an unknown level, a non-plan dimension, and the same activity twice
      itemLevels: { ...base.itemLevels, H2: 'purple' as ItemLevel },
      activities: [x, act({ dimension: 'spiritual', addresses: ['H1'] }), x],
    });
    expect(items).toEqual([
      { activityId: x.id, dimension: 'health', title: x.title, addresses: ['H1'], rank: 1 },
    ]);
  });

  it('worked example from the library: a bed-bound elder living alone in an unsafe house', () => {
    const items = draftPlan({
      itemLevels: levels({ H2: 'red', H1: 'yellow', S1: 'red', V1: 'red', V2: 'yellow', E4: 'yellow' }),
      needs: ['adult_diapers', 'carer', 'home_repair'],
      person: { ageYears: 78, adlGroup: 'bed_bound' },
      activities: library,
    });
    const byDimension = (d: string) => codes(items.filter((i) => i.dimension === d));
    expect(byDimension('health')[0]).toBe('ltc-caregiver-home-care');
    expect(byDimension('health')).toContain('adult-diapers');
    expect(byDimension('economy')).toContain('elderly-allowance-registration');
    expect(byDimension('society')[0]).toBe('family-caregiver-training');
    expect(byDimension('environment')[0]).toBe('home-repair-referral');
    // Nothing that needs going out for someone bed-bound, nothing for the under-60s.
    for (const code of ['elder-exercise-group', 'elderly-school', 'bathroom-fall-proofing', 'elderly-club']) {
      expect(codes(items)).not.toContain(code);
    }
    for (const item of items) {
      expect(planDraftItem.safeParse(item).success).toBe(true);
      expect(item.addresses.length).toBeGreaterThan(0);
    }
  });

  it('reads its basis off stored screenings', () => {
    const basis = draftBasis({
      wellbeing: { instrument: 'wellbeing20', version: 1, answers: { H1: 2, H2: 0, E1: 1 } },
      needs: { instrument: 'needs', version: 1, answers: { needs_health: ['medicines'], needs_economy: [] } },
    });
    expect(basis).toEqual({ itemLevels: { H1: 'red', H2: 'green', E1: 'yellow' }, needs: ['medicines'] });
    expect(draftBasis({})).toEqual({ itemLevels: {}, needs: [] });
  });
});

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('drafting, property: a worse answer never removes an activity that addressed the item', () => {
  const items = getInstrument('wellbeing20')!.items.map((i) => i.code);
  const needs = getInstrument('needs')!.items.flatMap((i) =>
    i.kind === 'multi' ? i.options.map((o) => o.value) : [],
  );
  const order: ItemLevel[] = ['green', 'yellow', 'red'];
  const adl = ['social_bound', 'home_bound', 'bed_bound', null] as const;

  it('holds for 300 random people, for every item made one step worse', () => {
    const rand = random(20261125);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] as T;
    let checked = 0;
    for (let run = 0; run < 300; run++) {
      const itemLevels = Object.fromEntries(items.map((c) => [c, rand() < 0.6 ? 'green' : pick(order)]));
      const picked = needs.filter(() => rand() < 0.1);
      const person = { ageYears: Math.floor(rand() * 100), adlGroup: pick(adl) };
      const base = { needs: picked, person, activities: library };
      const before = draftPlan({ ...base, itemLevels });
      const beforeAll = new Set(
        draftPlan({ ...base, itemLevels, perDimension: Infinity }).map((i) => i.activityId),
      );
      for (const code of items) {
        const level = itemLevels[code] as ItemLevel;
        if (level === 'red') continue;
        const worse = { ...itemLevels, [code]: order[order.indexOf(level) + 1] as ItemLevel };
        const after = new Set(draftPlan({ ...base, itemLevels: worse }).map((i) => i.activityId));
        for (const item of before) {
          const addressed = library.find((a) => a.id === item.activityId)!.addresses.includes(code);
          if (!addressed) continue;
          checked++;
          expect(after.has(item.activityId), `${codeOf.get(item.activityId)} after ${code} → worse`).toBe(
            true,
          );
        }
        // Without the cap, a worse answer never removes any candidate at all.
        const afterAll = new Set(
          draftPlan({ ...base, itemLevels: worse, perDimension: Infinity }).map((i) => i.activityId),
        );
        for (const id of beforeAll) expect(afterAll.has(id)).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(100); // the property was really exercised
  });
});
