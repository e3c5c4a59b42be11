import { ActionIcon, Badge, Indicator } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useUnreadCount } from './api.ts';
import { badgeText } from './count.ts';

/** The unread count, polled every minute and on focus; 0 until known. */
export function useUnread(): number {
  return useUnreadCount().data?.unread ?? 0;
}

/**
 * The inbox in the header, always in reach on a phone (the menu folds away):
 * a bell with the unread count. Its name says the count in words.
 */
export function InboxBell() {
  const { t } = useTranslation();
  const unread = useUnread();
  const { pathname } = useLocation();
  const label = unread > 0 ? t('inbox.bellUnread', { count: unread }) : t('inbox.bellNone');
  return (
    <Indicator
      label={<span aria-hidden="true">{badgeText(unread)}</span>}
      disabled={unread === 0}
      size={20}
      offset={6}
      color="red.9"
      withBorder
      styles={{ indicator: { fontWeight: 700 } }}
    >
      <ActionIcon
        component={Link}
        to="/inbox"
        variant="subtle"
        c="blue.9"
        bg={pathname.startsWith('/inbox') ? 'blue.0' : undefined}
        size={44}
        radius="md"
        aria-label={label}
        aria-current={pathname.startsWith('/inbox') ? 'page' : undefined}
        data-unread={unread}
      >
        <BellIcon />
      </ActionIcon>
    </Indicator>
  );
}

/** The count beside the inbox in the menu; the link's name carries it in words. */
export function UnreadNavBadge({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <Badge color="red.9" variant="filled" aria-hidden="true">
      {badgeText(count)}
    </Badge>
  );
}

function BellIcon() {
  return (
    <svg width={26} height={26} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        d="M12 3a6 6 0 0 0-6 6v3.6L4.3 15.4A1 1 0 0 0 5.2 17h13.6a1 1 0 0 0 .9-1.6L18 12.6V9a6 6 0 0 0-6-6Zm-2.5 15a2.5 2.5 0 0 0 5 0"
        fill="none"
        stroke="currentColor"
        strokeWidth={2}
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
