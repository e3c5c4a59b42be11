import type { Text } from '../messages.ts';

/**
 * Problem details of the transport module and of the service-centre directory (issue 8), merged into
 * `details` in `../messages.ts`.
 */
export const transportDetails = {
  directory_village_unknown: {
    th: 'ไม่พบหมู่บ้านรหัส {code} ในทะเบียนพื้นที่',
    en: 'No village with code {code} in the area register',
  },
  directory_village_outside_province: {
    th: 'หมู่บ้าน {code} อยู่นอกจังหวัดของหน่วยงานนี้ เขตรับผิดชอบต้องอยู่ในจังหวัดเดียวกัน',
    en: "Village {code} is outside this organisation's province; its catchment must lie in its province",
  },
  // Raised by the shared schema's refinement (`openingHours`): worded once `validation.ts` lists them
  // among its custom details (until then they read as "invalid value", with the session's path).
  hours_order: {
    th: 'เวลาปิดต้องหลังเวลาเปิด',
    en: 'The closing time must be after the opening time',
  },
  hours_overlap: {
    th: 'ช่วงเวลานี้ซ้อนกับช่วงอื่นของวันเดียวกัน',
    en: 'This session overlaps another one on the same day',
  },
  transport_provider_no_service: {
    th: 'หน่วยงานนี้ไม่ได้ให้บริการรับส่งผู้ป่วย เลือกหน่วยงานที่มีบริการรับส่งผู้ป่วย',
    en: 'This organisation does not offer patient transport: choose one that does',
  },
  transport_pickup_past: {
    th: 'เวลารับต้องไม่เป็นเวลาที่ผ่านมาแล้ว',
    en: 'The pick-up time cannot be in the past',
  },
  transport_illegal_transition: {
    th: 'เปลี่ยนสถานะคำขอจาก "{from}" เป็น "{to}" ไม่ได้',
    en: 'A request cannot move from "{from}" to "{to}"',
  },
  transport_note_required: {
    th: 'การปฏิเสธต้องระบุเหตุผล เพื่อให้ผู้ขอหาทางอื่นได้',
    en: 'Give a reason when declining, so the requester can look elsewhere',
  },
  transport_stale: {
    th: 'คำขอนี้ถูกเปลี่ยนไปแล้ว (ฉบับที่ {version}) โหลดใหม่แล้วลองอีกครั้ง',
    en: 'This request has changed since you loaded it (now version {version}); reload and try again',
  },
} satisfies Record<string, Text>;
