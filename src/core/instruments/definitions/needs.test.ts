import { describe, expect, it } from 'vitest';
import { scoreResponse } from '../score.ts';
import { scored } from '../testSupport.ts';
import { needsSurvey } from './needs.ts';

describe('needs', () => {
  it('offers at least the needs listed in INSTRUMENTS.md, per dimension', () => {
    const options = (code: string) =>
      needsSurvey.items.flatMap((i) =>
        i.code === code && i.kind === 'multi' ? i.options.map((o) => o.value) : [],
      );
    expect(options('needs_health')).toEqual(
      expect.arrayContaining([
        'home_visit',
        'medicines',
        'rehabilitation',
        'assistive_device',
        'hospital_transport',
      ]),
    );
    expect(options('needs_economy')).toEqual(
      expect.arrayContaining(['welfare_registration', 'job_training', 'cash_aid', 'debt_advice']),
    );
    expect(options('needs_society')).toEqual(
      expect.arrayContaining(['carer', 'companion', 'documents', 'legal_aid']),
    );
    expect(options('needs_environment')).toEqual(
      expect.arrayContaining(['home_repair', 'toilet_adaptation', 'water', 'electricity']),
    );
  });

  it('counts the needs picked per dimension, with no levels', () => {
    const result = scored(needsSurvey, {
      needs_health: ['home_visit', 'medicines'],
      needs_economy: [],
      needs_environment: ['water'],
    });
    expect(result.scores).toEqual({ health: 2, economy: 0, society: 0, environment: 1 });
    expect(result.levels).toEqual({});
    expect(result.results).toEqual([]);
  });

  it('rejects an unknown or repeated need', () => {
    const outcome = scoreResponse(needsSurvey, {
      needs_health: ['flying_car'],
      needs_society: ['carer', 'carer'],
    });
    expect(outcome).toEqual({
      ok: false,
      errors: [
        { item: 'needs_health', problem: 'not_an_option' },
        { item: 'needs_society', problem: 'duplicate_option' },
      ],
    });
  });
});
