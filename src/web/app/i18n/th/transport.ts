/** Thai words of the transport screens (issue 8). `../en/transport.ts` has the same keys. */
export const transportTh = {
  title: 'รถรับส่งผู้ป่วย',
} as const;
