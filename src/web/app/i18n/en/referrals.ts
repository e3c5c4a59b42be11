import type { referralsTh } from '../th/referrals.ts';
import type { Messages } from '../th.ts';

export const referralsEn: Messages<typeof referralsTh> = {
  title: 'Referrals',
};
