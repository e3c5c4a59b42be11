import type { Text } from '../messages.ts';

/** Problem details of the visits module (issue 8), merged into `details` in `../messages.ts`. */
export const visitDetails = {
  visit_already_recorded: {
    th: 'บันทึกผลการเยี่ยมนี้ไปแล้ว แก้ไข บันทึกซ้ำ หรือยกเลิกไม่ได้',
    en: 'This visit has already been recorded: it cannot be changed, recorded again or cancelled',
  },
  visit_already_cancelled: {
    th: 'การเยี่ยมนี้ถูกยกเลิกไปแล้ว นัดใหม่แทน',
    en: 'This visit was cancelled: schedule a new one instead',
  },
  visit_transition: {
    th: 'เปลี่ยนสถานะการเยี่ยมแบบนี้ไม่ได้',
    en: 'A visit cannot change status this way',
  },
  visit_version_stale: {
    th: 'มีผู้อื่นแก้ไขการนัดนี้ไปก่อนแล้ว (ฉบับที่ {current}) โหลดใหม่แล้วลองอีกครั้ง',
    en: 'Someone changed this visit first (now version {current}): reload it and try again',
  },
  visit_assignee_unknown: {
    th: 'ไม่พบบัญชีผู้ใช้นี้ หรือบัญชีถูกระงับ จึงมอบหมายให้ไปเยี่ยมไม่ได้',
    en: 'Unknown or disabled account: it cannot be sent on the visit',
  },
  visit_assignee_outside: {
    th: 'ผู้ใช้นี้ไม่ได้ทำงานในพื้นที่ของบุคคลนี้ และไม่ได้สังกัดหน่วยงานที่จัดการเยี่ยม จึงมอบหมายไม่ได้',
    en: "This account neither works in the person's area nor belongs to the organisation running the visit",
  },
  visit_attendee_unknown: {
    th: 'ไม่พบบัญชีผู้ใช้ของผู้ที่ไปเยี่ยม หรือบัญชีถูกระงับ',
    en: 'Unknown or disabled account among those who went',
  },
  visit_plan_activity_unknown: {
    th: 'กิจกรรมนี้ไม่อยู่ในแผนของบุคคลนี้',
    en: "This activity is not part of this person's plan",
  },
  visit_centre_required: {
    th: 'นัดหมายที่ศูนย์บริการต้องระบุหน่วยงาน',
    en: 'A centre appointment needs the organisation (the centre)',
  },
  visit_done_future: {
    th: 'เวลาที่ไปเยี่ยมต้องไม่เป็นเวลาในอนาคต',
    en: 'The time of the visit cannot be in the future',
  },
  visit_missed_details: {
    th: 'ไม่พบตัวบุคคล (ไม่ได้เยี่ยม) จึงไม่มีสัญญาณชีพให้บันทึก',
    en: 'Nobody was met (missed), so there are no vital signs to record',
  },
  calendar_range_order: {
    th: 'วันสิ้นสุดต้องไม่ก่อนวันเริ่มต้น',
    en: 'The end date cannot be before the start date',
  },
  calendar_range_too_long: {
    th: 'ดูปฏิทินได้ครั้งละไม่เกิน {max} วัน',
    en: 'A calendar shows at most {max} days at once',
  },
  calendar_owner: {
    th: 'เลือกปฏิทินหนึ่งอย่าง: หน่วยงาน ผู้ใช้ ของฉัน หรือพื้นที่',
    en: 'Choose one calendar: an organisation, a user, mine, or an area',
  },
} satisfies Record<string, Text>;
