import type { assistanceTh } from '../th/assistance.ts';
import type { Messages } from '../th.ts';

export const assistanceEn: Messages<typeof assistanceTh> = {
  title: 'Assistance',
};
