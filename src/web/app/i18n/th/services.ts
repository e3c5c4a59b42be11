/** Thai words of the services screens (issue 8). `../en/services.ts` has the same keys. */
export const servicesTh = {
  title: 'งานบริการ',
} as const;
