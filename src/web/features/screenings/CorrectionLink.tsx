import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { placeOf } from '../../../core/policy/index.ts';
import type { Person } from '../../../core/schemas/index.ts';
import { useCan } from '../auth/session.ts';

/**
 * "แก้ไขผลคัดกรอง" on a result, for those the server would let correct it
 * (the same policy, asked here only to hide what would be refused).
 */
export function CorrectionLink({
  screeningId,
  person,
  search,
}: {
  screeningId: string;
  person: Person | undefined;
  search: string;
}) {
  const { t } = useTranslation();
  const can = useCan();
  if (!person || person.mergedInto) return null;
  const place = placeOf({ areaCode: person.address.areaCode, villageCode: person.address.villageCode });
  if (!can({ action: 'screening.update', areaCode: place })) return null;
  return (
    <Button component={Link} to={`/screenings/${screeningId}/correct${search}`} size="lg" variant="default">
      {t('correction.action')}
    </Button>
  );
}
