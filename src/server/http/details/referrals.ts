import type { Text } from '../messages.ts';

/** Problem details of the referrals module (issue 8), merged into `details` in `../messages.ts`. */
export const referralDetails = {
  referral_transition_illegal: {
    th: 'เปลี่ยนสถานะการส่งต่อจาก "{from}" เป็น "{to}" ไม่ได้',
    en: 'A referral cannot move from "{from}" to "{to}"',
  },
  referral_note_required: {
    th: 'การปฏิเสธการส่งต่อต้องระบุเหตุผล เพื่อให้ผู้ส่งหาทางช่วยเหลืออื่นได้',
    en: 'Declining a referral needs a reason, so that the sender can find another way',
  },
  referral_version_stale: {
    th: 'การส่งต่อนี้ถูกเปลี่ยนไปแล้ว (ตอนนี้เป็นฉบับที่ {current}) โหลดหน้าใหม่แล้วลองอีกครั้ง',
    en: 'This referral has changed since you saw it (it is now version {current}); reload and try again',
  },
  referral_organization_unknown: {
    th: 'ไม่พบหน่วยงานที่จะส่งต่อไป',
    en: 'There is no such organisation to refer to',
  },
  referral_screening_unknown: {
    th: 'ไม่พบผลคัดกรองนี้ของบุคคลนี้ หรือคุณไม่มีสิทธิ์ส่งต่อผลคัดกรองนี้',
    en: 'No such screening of this person, or you may not share it',
  },
  referral_plan_unknown: {
    th: 'ไม่พบแผนนี้ของบุคคลนี้ หรือคุณไม่มีสิทธิ์ส่งต่อแผนนี้',
    en: 'No such plan of this person, or you may not share it',
  },
} satisfies Record<string, Text>;
