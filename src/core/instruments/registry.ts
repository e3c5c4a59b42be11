/**
 * Every published version of every instrument. A response keeps the version
 * it was taken with and is always scored with that version, so publishing a
 * new version (a new threshold, a reworded item) never changes an old result.
 * Definitions are frozen for the same reason: nobody may edit one in place.
 */
import { type InstrumentDefinition, instrumentDefinition } from './definition.ts';
import { publishedDefinitions } from './definitions/index.ts';

export interface InstrumentRegistry {
  /** The newest version of each instrument, in publication order of their first version. */
  readonly instruments: readonly InstrumentDefinition[];
  /** One version, or the newest when no version is given. */
  get(code: string, version?: number): InstrumentDefinition | undefined;
  /** The published versions of an instrument, oldest first. */
  versions(code: string): number[];
}

/** Throws on a broken definition: that is a programming error, found by the registry's own test. */
export function createRegistry(published: readonly InstrumentDefinition[]): InstrumentRegistry {
  const byCode = new Map<string, InstrumentDefinition[]>();
  for (const raw of published) {
    const parsed = instrumentDefinition.safeParse(raw);
    if (!parsed.success) {
      throw new Error(`Instrument ${raw.code} v${raw.version} is invalid: ${parsed.error.message}`);
    }
    const versions = byCode.get(raw.code) ?? [];
    if (versions.some((d) => d.version === raw.version)) {
      throw new Error(`Instrument ${raw.code} v${raw.version} is published twice`);
    }
    byCode.set(
      raw.code,
      [...versions, deepFreeze(parsed.data)].sort((a, b) => a.version - b.version),
    );
  }
  for (const versions of byCode.values()) {
    for (const definition of versions) {
      for (const rule of definition.scoring.followUps) {
        if (rule.instrument !== undefined && !byCode.has(rule.instrument)) {
          throw new Error(
            `Instrument ${definition.code} v${definition.version} follows up unknown ${rule.instrument}`,
          );
        }
      }
    }
  }

  const newest = (code: string) => byCode.get(code)?.at(-1);
  return {
    instruments: Object.freeze([...byCode.keys()].map((code) => newest(code)!)),
    get: (code, version) =>
      version === undefined ? newest(code) : byCode.get(code)?.find((d) => d.version === version),
    versions: (code) => (byCode.get(code) ?? []).map((d) => d.version),
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

const registry = createRegistry(publishedDefinitions);

/** The current (newest) version of every instrument. */
export const instruments = registry.instruments;

export function getInstrument(code: string, version?: number): InstrumentDefinition | undefined {
  return registry.get(code, version);
}

export function instrumentVersions(code: string): number[] {
  return registry.versions(code);
}
