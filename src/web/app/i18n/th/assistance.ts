/** Thai words of the assistance screens (issue 8). `../en/assistance.ts` has the same keys. */
export const assistanceTh = {
  title: 'ความช่วยเหลือที่ได้รับ',
} as const;
