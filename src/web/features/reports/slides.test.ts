import { describe, expect, it } from 'vitest';
import { forumBreakdown, slideIndex, slideMove, slidePlan } from './slides.ts';
import { fixtureReport } from './testReport.ts';

describe('slidePlan', () => {
  it('makes a cover, the lights, one trend per dimension with data, change, villages, items and plans', () => {
    const report = fixtureReport({ by: 'village' });
    expect(slidePlan(report).map((s) => (s.kind === 'trend' ? `trend:${s.dimension}` : s.kind))).toEqual([
      'cover',
      'dimensions',
      'trend:health',
      'trend:economy',
      'trend:society',
      'trend:environment',
      'change',
      'breakdown',
      'items',
      'plans',
    ]);
  });

  it('leaves out a trend with no data, the villages of a single row, and plans nobody has', () => {
    const report = fixtureReport({ by: 'village', scope: { kind: 'area', code: '10010201' } });
    const noHealth = {
      ...report,
      trend: report.trend.map((p) => ({
        ...p,
        dimensions: { ...p.dimensions, health: { ...p.dimensions.health, mean: null } },
      })),
    };
    const kinds = slidePlan(noHealth).map((s) => (s.kind === 'trend' ? `trend:${s.dimension}` : s.kind));
    expect(kinds).not.toContain('trend:health');
    expect(kinds).not.toContain('breakdown');
    expect(kinds).not.toContain('plans');
  });

  it('says there is nothing yet when nobody was screened', () => {
    const report = fixtureReport({ yearBE: 2560 });
    expect(report.population.screened).toBe(0);
    expect(slidePlan(report)).toEqual([{ kind: 'cover' }, { kind: 'noData' }]);
  });
});

describe('moving between slides', () => {
  it('reads the slide number of the address, kept inside the deck', () => {
    expect(slideIndex('3', 8)).toBe(2);
    expect(slideIndex('99', 8)).toBe(7);
    expect(slideIndex('0', 8)).toBe(0);
    expect(slideIndex(null, 8)).toBe(0);
  });

  it('maps the keys of a keyboard and a presenter’s clicker', () => {
    expect(['ArrowRight', 'PageDown', ' ', 'ArrowLeft', 'PageUp', 'Home', 'End', 'a'].map(slideMove)).toEqual(
      ['next', 'next', 'next', 'previous', 'previous', 'first', 'last', null],
    );
  });

  it('shows the villages of an area and the vulnerable groups of a village', () => {
    expect(forumBreakdown({ area: '9015' })).toBe('village');
    expect(forumBreakdown({ area: '90150801' })).toBe('vulnerability');
  });
});
