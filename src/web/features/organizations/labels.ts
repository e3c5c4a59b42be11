import type { TFunction } from 'i18next';
import { organizationServices } from '../../../core/schemas/organization.ts';

/** A service code in words; a code this version does not know is shown as it is. */
export function serviceLabel(t: TFunction, service: string): string {
  const known = organizationServices.find((s) => s === service);
  return known ? t(`enums.service.${known}`) : service;
}
