/** Thai words of the referrals screens (issue 8). `../en/referrals.ts` has the same keys. */
export const referralsTh = {
  title: 'การส่งต่อ',
} as const;
