import { describe, expect, it } from 'vitest';
import type { InstrumentDefinition } from './definition.ts';
import { falls } from './definitions/falls.ts';
import { createRegistry, getInstrument, instruments, instrumentVersions } from './registry.ts';
import { fixtureDefinition, scored } from './testSupport.ts';

const CODES = [
  'wellbeing20',
  'needs',
  'adl_barthel',
  '2q',
  '9q',
  '8q',
  'st5',
  'amt',
  'falls',
  'knee',
  'vision',
  'oral',
  'incontinence',
  'nutrition',
];

/** falls v2: a new threshold, as a later version might publish. */
const fallsV2: InstrumentDefinition = {
  ...structuredClone(falls),
  version: 2,
  scoring: {
    ...structuredClone(falls.scoring),
    dimensions: falls.scoring.dimensions.map((d) =>
      d.score.kind === 'derived' ? { ...d, score: { ...d.score, params: { tugSeconds: 13.5 } } } : d,
    ),
  },
};

describe('the published registry', () => {
  it('holds every instrument of INSTRUMENTS.md', () => {
    expect(instruments.map((d) => d.code)).toEqual(CODES);
  });

  it('gets the newest version, or exactly the one asked for', () => {
    expect(getInstrument('2q')?.version).toBe(1);
    expect(getInstrument('2q', 1)?.code).toBe('2q');
    expect(getInstrument('2q', 2)).toBeUndefined();
    expect(getInstrument('phq9')).toBeUndefined();
    expect(getInstrument('constructor')).toBeUndefined();
    expect(instrumentVersions('9q')).toEqual([1]);
  });

  it('follows up only instruments it holds', () => {
    const targets = instruments.flatMap((d) =>
      d.scoring.followUps.flatMap((f) => (f.instrument ? [f.instrument] : [])),
    );
    expect(targets.sort()).toEqual(['8q', '9q', '9q']);
    for (const code of targets) expect(getInstrument(code)).toBeDefined();
  });

  it('freezes definitions: a published version cannot be edited in place', () => {
    const definition = getInstrument('falls')!;
    expect(Object.isFrozen(definition)).toBe(true);
    expect(Object.isFrozen(definition.scoring.dimensions[0]?.bands?.[0])).toBe(true);
    expect(Reflect.set(definition, 'version', 99)).toBe(false);
  });
});

describe('publishing a new version', () => {
  const registry = createRegistry([falls, fallsV2]);
  const answers = { fell: false, tug_unable: false, tug_seconds: 13 };

  it('makes the new version current and keeps the old one', () => {
    expect(registry.get('falls')?.version).toBe(2);
    expect(registry.get('falls', 1)?.version).toBe(1);
    expect(registry.versions('falls')).toEqual([1, 2]);
    expect(registry.instruments).toHaveLength(1);
  });

  it('never changes how a response taken with the old version scores', () => {
    const taken = { instrument: 'falls', version: 1, answers };
    const before = scored(registry.get(taken.instrument, taken.version)!, taken.answers);
    expect(before.results[0]?.code).toBe('at_risk');
    expect(scored(createRegistry([falls]).get('falls', 1)!, answers)).toEqual(before);
    expect(scored(registry.get('falls')!, answers).results[0]?.code).toBe('no_risk');
  });

  it('does not depend on the order versions are listed in', () => {
    expect(createRegistry([fallsV2, falls]).versions('falls')).toEqual([1, 2]);
  });
});

describe('createRegistry', () => {
  it('rejects a version published twice', () => {
    expect(() => createRegistry([falls, falls])).toThrow('falls v1 is published twice');
  });

  it('rejects an invalid definition, naming it', () => {
    const broken = { ...fixtureDefinition(), items: [] };
    expect(() => createRegistry([broken])).toThrow(/fixture v1 is invalid/);
  });

  it('rejects a follow-up to an instrument it does not hold', () => {
    expect(() => createRegistry([fixtureDefinition()])).toThrow('fixture v1 follows up unknown other');
  });
});
