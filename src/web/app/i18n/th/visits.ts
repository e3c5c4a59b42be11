/** Thai words of the visits screens (issue 8). `../en/visits.ts` has the same keys. */
export const visitsTh = {
  title: 'การเยี่ยมบ้านและนัดหมาย',
} as const;
