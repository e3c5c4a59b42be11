import { useTranslation } from 'react-i18next';
import { areaPath } from './labels.ts';
import { useAreaDetails } from './useAreaOptions.ts';

/** Area codes shown as readable paths (`ต.ชิงโค อ.สิงหนคร จ.สงขลา`), the code while loading. */
export function AreaNames({ codes, empty }: { codes: readonly string[]; empty: string }) {
  const { t, i18n } = useTranslation();
  const details = useAreaDetails(codes);
  if (codes.length === 0) return <>{empty}</>;
  return (
    <>
      {codes
        .map((code, i) => {
          const detail = details[i]?.data;
          return detail ? areaPath(detail, detail.ancestors, t, i18n.language) : code;
        })
        .join(' · ')}
    </>
  );
}
