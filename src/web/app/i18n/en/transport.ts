import type { transportTh } from '../th/transport.ts';
import type { Messages } from '../th.ts';

export const transportEn: Messages<typeof transportTh> = {
  title: 'Patient transport',
};
