import { describe, expect, it } from 'vitest';
import { changeOf, levelChange, scoreChange, worseDimensions } from './change.ts';

describe('change between two screenings', () => {
  it('by level: a redder light is worse, a greener one better', () => {
    expect(levelChange('green', 'yellow')).toBe('worse');
    expect(levelChange('yellow', 'red')).toBe('worse');
    expect(levelChange('red', 'green')).toBe('better');
    expect(levelChange('yellow', 'yellow')).toBe('same');
    expect(levelChange(undefined, 'red')).toBeUndefined();
    expect(levelChange('green', 'purple')).toBeUndefined();
  });

  it('by score, in the direction the dimension gets worse', () => {
    expect(scoreChange(2, 5)).toBe('worse');
    expect(scoreChange(5, 2)).toBe('better');
    expect(scoreChange(3, 3)).toBe('same');
    expect(scoreChange(12, 8, 'lower')).toBe('worse');
    expect(scoreChange(8, 12, 'lower')).toBe('better');
    expect(scoreChange(undefined, 3)).toBeUndefined();
    expect(scoreChange(3, undefined)).toBeUndefined();
  });

  it('lists the dimensions whose light got worse', () => {
    expect(
      worseDimensions(
        { health: 'green', economy: 'yellow', society: 'red', environment: 'green' },
        { health: 'yellow', economy: 'yellow', society: 'green', environment: 'red' },
      ),
    ).toEqual(['health', 'environment']);
    expect(worseDimensions({}, { health: 'red' })).toEqual([]);
  });

  it('shows the light’s change first, the score’s when the light stayed', () => {
    const timeline = {
      change: { health: 'worse', economy: 'same', society: 'same' } as const,
      scoreChange: { health: 'better', economy: 'better', environment: 'worse' } as const,
    };
    expect(changeOf(timeline, 'health')).toBe('worse');
    expect(changeOf(timeline, 'economy')).toBe('better');
    expect(changeOf(timeline, 'society')).toBe('same');
    expect(changeOf(timeline, 'environment')).toBe('worse');
    expect(changeOf(timeline, 'unknown')).toBeNull();
    expect(changeOf({ change: null, scoreChange: null }, 'health')).toBeNull();
  });
});
