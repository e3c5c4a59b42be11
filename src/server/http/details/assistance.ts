import type { Text } from '../messages.ts';

/** Problem details of the assistance module (issue 8), merged into `details` in `../messages.ts`. */
export const assistanceDetails = {
  assistance_probable_duplicate: {
    th: 'อาจเป็นความช่วยเหลือซ้ำ: บุคคลนี้ได้รับความช่วยเหลือประเภทเดียวกันแล้ว {count} ครั้ง ภายใน {days} วันก่อนหรือหลังวันที่ให้ ตรวจสอบรายการ แล้วยืนยันหากต้องการบันทึก',
    en: 'Probably duplicated help: this person already received help of the same kind {count} time(s) within {days} days before or after this date. Check the list, and confirm to record it anyway',
  },
  assistance_given_future: {
    th: 'วันที่ให้ความช่วยเหลือต้องไม่เป็นวันในอนาคต',
    en: 'The date the help was given cannot be in the future',
  },
  assistance_given_too_old: {
    th: 'วันที่ให้ความช่วยเหลือเก่าเกินไป (เกิน {years} ปี)',
    en: 'The date the help was given is more than {years} years ago',
  },
  assistance_organization_unknown: {
    th: 'ไม่พบหน่วยงานที่ให้ความช่วยเหลือนี้',
    en: 'The giving organisation is not registered',
  },
  assistance_scope_required: {
    th: 'ต้องระบุพื้นที่ (area) หรือหน่วยงาน (organization) อย่างใดอย่างหนึ่ง',
    en: 'Give exactly one of area and organization',
  },
  assistance_period_order: {
    th: 'วันเริ่มต้องไม่หลังวันสิ้นสุด',
    en: 'The start date must not be after the end date',
  },
} satisfies Record<string, Text>;
