import type { servicesTh } from '../th/services.ts';
import type { Messages } from '../th.ts';

export const servicesEn: Messages<typeof servicesTh> = {
  title: 'Services',
};
