import type { visitsTh } from '../th/visits.ts';
import type { Messages } from '../th.ts';

export const visitsEn: Messages<typeof visitsTh> = {
  title: 'Visits and appointments',
};
