import { Badge, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/session.ts';
import { badgeText } from '../inbox/count.ts';
import { useReferralCounts } from './api.ts';
import { useReferralLive } from './live.ts';

/**
 * The menu badge: how many referrals wait for my organisation's answer. Members of an organisation keep
 * the live stream open for it (a new case shows at once); the count also refreshes on focus and now and then.
 */
export function useReferralsWaiting(): number {
  const user = useCurrentUser();
  const team = Boolean(user.organizationId) && user.roles.some((r) => r !== 'citizen');
  useReferralLive(team);
  return useReferralCounts(team).data?.waiting ?? 0;
}

/**
 * The count beside "Referrals" in the menu. Its words are in the link's own text (visually hidden), not in
 * an aria-label, so that the name a screen reader hears contains what is seen ("Referrals 3").
 */
export function ReferralsNavBadge({ count }: { count: number }) {
  const { t } = useTranslation();
  if (count === 0) return null;
  return (
    <Badge color="red.9" variant="filled" data-waiting={count}>
      {badgeText(count)}
      <VisuallyHidden> {t('referrals.navWaiting')}</VisuallyHidden>
    </Badge>
  );
}
