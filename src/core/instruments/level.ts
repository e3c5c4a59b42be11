/** Traffic-light levels, least to most severe. */
export const levels = ['green', 'yellow', 'red'] as const;
export type Level = (typeof levels)[number];

/** 0 green, 1 yellow, 2 red: for comparing levels. */
export function severity(level: Level): number {
  return levels.indexOf(level);
}
