import { Anchor, Badge, Group, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReferralStatus, ReferralUrgency } from '../../../core/schemas/referral.ts';
import { DUE_HOURS } from '../../../core/services/referral.ts';
import { formatDate } from '../../../core/thai/buddhistEra.ts';
import type { Referral } from './api.ts';

const plain = { label: { textTransform: 'none' as const } };

/** Emergency stands out filled; urgent and routine are lighter. Dark text keeps the contrast. */
export function UrgencyBadge({ urgency, size = 'md' }: { urgency: ReferralUrgency; size?: 'md' | 'lg' }) {
  const { t } = useTranslation();
  if (urgency === 'emergency') {
    return (
      <Badge size={size} color="red.9" variant="filled" styles={plain} data-urgency={urgency}>
        {t('referrals.urgency.emergency')}
      </Badge>
    );
  }
  return (
    <Badge
      size={size}
      variant="light"
      color={urgency === 'urgent' ? 'orange' : 'gray'}
      c="dark.9"
      styles={plain}
      data-urgency={urgency}
    >
      {t(`referrals.urgency.${urgency}`)}
    </Badge>
  );
}

const STATUS_COLOR: Record<ReferralStatus, string> = {
  sent: 'blue',
  accepted: 'teal',
  in_progress: 'cyan',
  completed: 'green',
  declined: 'red',
  withdrawn: 'gray',
};

export function StatusBadge({ status, size = 'md' }: { status: ReferralStatus; size?: 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge
      size={size}
      variant="light"
      color={STATUS_COLOR[status]}
      c="dark.9"
      styles={plain}
      data-status={status}
    >
      {t(`referrals.status.${status}`)}
    </Badge>
  );
}

export function OverdueBadge({ size = 'md' }: { size?: 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge size={size} color="red.9" variant="outline" styles={plain} data-overdue="true">
      {t('referrals.overdue')}
    </Badge>
  );
}

/** Status, urgency and the overdue mark, side by side. */
export function ReferralBadges({ referral, size }: { referral: Referral; size?: 'md' | 'lg' }) {
  return (
    <Group gap={6} wrap="wrap">
      <StatusBadge status={referral.status} size={size} />
      <UrgencyBadge urgency={referral.urgency} size={size} />
      {referral.overdue && <OverdueBadge size={size} />}
    </Group>
  );
}

/** "Answer within 4 hours" from the one rule in core. */
export function dueWithin(t: TFunction, urgency: ReferralUrgency): string {
  const hours = DUE_HOURS[urgency];
  return hours % 24 === 0 && hours >= 48
    ? t('referrals.dueWithin.days', { count: hours / 24 })
    : t('referrals.dueWithin.hours', { count: hours });
}

/** Who the referral is for, as the reader may see them; a hidden person is said so, not guessed. */
export function PersonText({ referral, link = true }: { referral: Referral; link?: boolean }) {
  const { t } = useTranslation();
  const p = referral.person;
  const village = referral.villageName ? ` · ${referral.villageName}` : '';
  if (!p) {
    return (
      <Text component="span" c="dimmed" size="sm">
        {t('referrals.hiddenPerson')}
        {village}
      </Text>
    );
  }
  const name = `${p.firstName} ${p.lastName}`;
  return (
    <>
      {link ? (
        <Anchor component={Link} to={`/persons/${p.id}`}>
          {name}
        </Anchor>
      ) : (
        name
      )}
      {village}
    </>
  );
}

/**
 * "Due 25 Nov 2569 14:05" (Buddhist era in Thai), in red when overdue; once closed, when it closed.
 * `bare`: the date alone, under a label that already says "due".
 */
export function DueText({ referral, bare = false }: { referral: Referral; bare?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'th';
  const at = (iso: string) => formatDate(iso, lang, { withTime: true });
  const text = bare
    ? at(referral.dueAt)
    : referral.closedAt
      ? t('referrals.closedOn', { date: at(referral.closedAt) })
      : t('referrals.due', { date: at(referral.dueAt) });
  return (
    <Text
      component="span"
      size="sm"
      c={referral.overdue ? 'red.9' : undefined}
      fw={referral.overdue ? 700 : undefined}
      inherit={bare}
    >
      {text}
    </Text>
  );
}
