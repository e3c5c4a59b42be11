/**
 * Every message the API sends to people, in Thai and English. Problem codes
 * double as the last segment of the problem `type` URI.
 */
import { assistanceDetails } from './details/assistance.ts';
import { referralDetails } from './details/referrals.ts';
import { transportDetails } from './details/transport.ts';
import { visitDetails } from './details/visits.ts';

export type Lang = 'th' | 'en';

export type Text = { th: string; en: string };

export const problems = {
  bad_request: { th: 'คำขอไม่ถูกต้อง', en: 'Bad request' },
  validation: { th: 'ข้อมูลไม่ถูกต้อง', en: 'Invalid input' },
  malformed_json: { th: 'รูปแบบ JSON ไม่ถูกต้อง', en: 'Malformed JSON' },
  unsupported_media_type: { th: 'ไม่รองรับชนิดข้อมูลนี้', en: 'Unsupported media type' },
  too_large: { th: 'ข้อมูลมีขนาดใหญ่เกินไป', en: 'Request body too large' },
  unauthenticated: { th: 'กรุณาเข้าสู่ระบบ', en: 'Please log in' },
  bad_credentials: { th: 'ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง', en: 'Wrong username or password' },
  account_disabled: { th: 'บัญชีนี้ถูกระงับการใช้งาน', en: 'This account is disabled' },
  wrong_password: { th: 'รหัสผ่านปัจจุบันไม่ถูกต้อง', en: 'The current password is wrong' },
  csrf: {
    th: 'คำขอนี้ไม่มีรหัสป้องกันการปลอมแปลง (CSRF) ที่ถูกต้อง กรุณาโหลดหน้าใหม่',
    en: 'Missing or wrong CSRF token; reload the page',
  },
  forbidden: { th: 'คุณไม่มีสิทธิ์ทำรายการนี้', en: 'You are not allowed to do this' },
  not_found: { th: 'ไม่พบข้อมูล', en: 'Not found' },
  conflict: { th: 'ข้อมูลซ้ำกับที่มีอยู่แล้ว', en: 'Conflicts with existing data' },
  domain_rule: { th: 'ข้อมูลขัดกับกฎของระบบ', en: 'Breaks a rule of the system' },
  rate_limited: {
    th: 'พยายามหลายครั้งเกินไป กรุณารอสักครู่แล้วลองใหม่',
    en: 'Too many attempts; wait a moment and try again',
  },
  internal: { th: 'ระบบขัดข้อง กรุณาลองใหม่ภายหลัง', en: 'Something went wrong on our side; try again later' },
  link_code_invalid: {
    th: 'รหัสเชื่อมบัญชีไม่ถูกต้อง หมดอายุ หรือถูกใช้ไปแล้ว',
    en: 'This link code is wrong, expired or already used',
  },
} satisfies Record<string, Text>;
export type ProblemCode = keyof typeof problems;

/** Details that name something specific; `{x}` is filled from params. */
export const details = {
  unknown_field: { th: 'ไม่รู้จักช่อง "{name}"', en: 'Unknown field "{name}"' },
  required: { th: 'ต้องกรอกช่องนี้', en: 'This field is required' },
  wrong_type: { th: 'ชนิดข้อมูลไม่ถูกต้อง (ต้องเป็น {expected})', en: 'Wrong type (expected {expected})' },
  too_short: { th: 'สั้นเกินไป (อย่างน้อย {min})', en: 'Too short (at least {min})' },
  too_long: { th: 'ยาวเกินไป (ไม่เกิน {max})', en: 'Too long (at most {max})' },
  too_small: { th: 'ค่าน้อยเกินไป (อย่างน้อย {min})', en: 'Too small (at least {min})' },
  too_big: { th: 'ค่ามากเกินไป (ไม่เกิน {max})', en: 'Too big (at most {max})' },
  not_one_of: { th: 'ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: {values}', en: 'Must be one of: {values}' },
  bad_format: { th: 'รูปแบบไม่ถูกต้อง ({format})', en: 'Wrong format ({format})' },
  invalid: { th: 'ค่าไม่ถูกต้อง', en: 'Invalid value' },
  body_limit: { th: 'ขนาดข้อมูลต้องไม่เกิน {limit} ไบต์', en: 'The body must be at most {limit} bytes' },
  retry_after: { th: 'ลองใหม่ได้ใน {seconds} วินาที', en: 'Try again in {seconds} seconds' },
  wrong_password: { th: 'รหัสผ่านปัจจุบันไม่ถูกต้อง', en: 'The current password is wrong' },
  thai_id_check: {
    th: 'เลขประจำตัวประชาชนไม่ถูกต้อง (เลขตรวจสอบหลักสุดท้ายไม่ตรง)',
    en: 'This Thai national ID is not valid (the check digit does not match)',
  },
  not_with_none: {
    th: 'ไม่ต้องกรอกเลขเมื่อเลือก "ไม่มีเลขประจำตัว"',
    en: 'Leave the number empty when the type is "none"',
  },
  birth_future: { th: 'วันเกิดต้องไม่เป็นวันในอนาคต', en: 'The birth date cannot be in the future' },
  birth_too_old: { th: 'วันเกิดเก่าเกินไป (เกิน 130 ปี)', en: 'The birth date is more than 130 years ago' },
  birth_format: { th: 'วันเกิดไม่ถูกต้อง (ใช้รูปแบบ ปปปป-ดด-วว)', en: 'Not a valid date (use YYYY-MM-DD)' },
  duplicate_national_id: {
    th: 'มีบุคคลที่ใช้เลขประจำตัวนี้ในทะเบียนแล้ว',
    en: 'A person with this ID is already registered',
  },
  probable_duplicate: {
    th: 'อาจเป็นบุคคลเดียวกับที่มีในทะเบียนแล้ว ตรวจสอบรายชื่อ แล้วยืนยันหากเป็นคนละคน',
    en: 'This may be someone already registered: check the list, and confirm if it is a different person',
  },
  village_unknown: { th: 'ไม่พบหมู่บ้านนี้ในตำบลที่เลือก', en: 'This village is not registered in the subdistrict' },
  household_unknown: { th: 'ไม่พบครัวเรือนนี้', en: 'Unknown household' },
  merge_self: { th: 'ไม่สามารถรวมระเบียนเข้ากับตัวเองได้', en: 'A record cannot be merged into itself' },
  merged_record: { th: 'ระเบียนนี้ถูกรวมเข้ากับระเบียนอื่นแล้ว', en: 'This record was merged into another one' },
  username_taken: { th: 'ชื่อผู้ใช้นี้มีผู้ใช้แล้ว', en: 'This username is already taken' },
  village_exists: { th: 'มีหมู่บ้านหมู่ที่นี้ในตำบลนี้แล้ว', en: 'This village number already exists here' },
  area_unknown: { th: 'ไม่พบรหัสพื้นที่ {code}', en: 'Unknown area code {code}' },
  area_not_subdistrict: {
    th: 'หมู่บ้านต้องอยู่ใต้ตำบล (รหัส 6 หลัก)',
    en: 'A village must sit under a subdistrict (6-digit code)',
  },
  organization_unknown: { th: 'ไม่พบหน่วยงานนี้', en: 'Unknown organisation' },
  bad_cursor: { th: 'ค่า cursor ไม่ถูกต้อง', en: 'Invalid cursor' },
  cannot_disable_self: { th: 'ไม่สามารถระงับบัญชีของตนเองได้', en: 'You cannot disable your own account' },
  last_operator: {
    th: 'ต้องมีผู้ดูแลระบบที่ใช้งานได้อย่างน้อยหนึ่งบัญชี',
    en: 'At least one active operator account must remain',
  },
  import_file_required: { th: 'กรุณาแนบไฟล์ (ช่อง file)', en: 'Attach a file (field "file")' },
  import_file_limit: {
    th: 'ไฟล์ต้องมีขนาดไม่เกิน {limit} เมกะไบต์',
    en: 'The file must be at most {limit} MB',
  },
  import_file_empty: { th: 'ไฟล์ว่าง ไม่มีข้อมูล', en: 'The file is empty' },
  import_file_type: {
    th: 'รองรับเฉพาะไฟล์ CSV หรือ Excel (.xlsx)',
    en: 'Only CSV or Excel (.xlsx) files are supported',
  },
  import_file_malformed: {
    th: 'อ่านไฟล์ไม่ได้ รูปแบบผิดที่แถว {row}',
    en: 'The file cannot be read: it is malformed at row {row}',
  },
  import_missing_columns: {
    th: 'ไม่พบคอลัมน์ที่จำเป็น: {columns}',
    en: 'Required columns are missing: {columns}',
  },
  import_mapping_column: { th: 'ไม่พบคอลัมน์ "{name}" ในไฟล์', en: 'The file has no column "{name}"' },
  import_not_committable: {
    th: 'นำเข้าจริงได้เฉพาะการทดลองนำเข้า (dry run) ที่ทำเสร็จแล้ว',
    en: 'Only a finished dry run can be committed',
  },
  import_date_format: {
    th: 'วันที่ไม่ถูกต้อง (ใช้ วว/ดด/ปปปป แบบ พ.ศ. หรือ ปปปป-ดด-วว)',
    en: 'Not a valid date (use dd/mm/yyyy in the Buddhist era, or yyyy-mm-dd)',
  },
  import_duplicate_row: {
    th: 'ซ้ำกับแถวที่ {row} ในไฟล์นี้',
    en: 'Same person as row {row} of this file',
  },
  import_area_forbidden: {
    th: 'คุณไม่มีสิทธิ์นำเข้าข้อมูลในพื้นที่ {code}',
    en: 'You may not import people into area {code}',
  },
  import_registered_elsewhere: {
    th: 'บุคคลนี้อยู่ในทะเบียนของพื้นที่ที่คุณไม่มีสิทธิ์แก้ไข',
    en: 'This person is registered in an area you may not update',
  },
  import_id_conflict: {
    th: 'เลขประจำตัวนี้เป็นของบุคคลอื่นในทะเบียนแล้ว',
    en: 'This ID belongs to another person in the registry',
  },
  import_moph_key: { th: 'ไม่มีรหัสสถานบริการ (HOSPCODE) หรือ PID', en: 'HOSPCODE or PID is missing' },
  import_moph_discharged: {
    th: 'ถูกจำหน่ายแล้ว (เสียชีวิต ย้ายออก หรือสาบสูญ) จึงไม่นำเข้า',
    en: 'Discharged (died, moved away or missing): not imported',
  },
  import_failed: {
    th: 'การนำเข้าล้มเหลว ข้อมูลที่นำเข้าไปแล้วยังอยู่ครบ ลองอัปโหลดไฟล์เดิมอีกครั้งได้โดยไม่เกิดข้อมูลซ้ำ',
    en: 'The import failed; rows already imported are kept, and uploading the same file again creates no duplicates',
  },
  import_actor_gone: {
    th: 'บัญชีผู้นำเข้าถูกระงับหรือถูกลบ จึงหยุดการนำเข้า',
    en: 'The account that started this import is disabled, so the import stopped',
  },
  instrument_unknown: { th: 'ไม่พบแบบคัดกรอง "{code}"', en: 'Unknown instrument "{code}"' },
  instrument_version_unknown: {
    th: 'ไม่พบแบบคัดกรอง "{code}" ฉบับที่ {version}',
    en: 'Instrument "{code}" has no version {version}',
  },
  answer_unknown_item: {
    th: 'ไม่มีข้อ {item} ในแบบคัดกรองนี้',
    en: 'This instrument has no item {item}',
  },
  answer_wrong_type: {
    th: 'คำตอบข้อ {item} ผิดชนิด (ต้องเป็น {expected})',
    en: 'The answer to {item} has the wrong type (expected {expected})',
  },
  answer_not_an_option: {
    th: 'คำตอบข้อ {item} ไม่อยู่ในตัวเลือก ({values})',
    en: 'The answer to {item} is not one of its options ({values})',
  },
  answer_out_of_range: {
    th: 'คำตอบข้อ {item} ต้องอยู่ระหว่าง {min} ถึง {max}',
    en: 'The answer to {item} must be between {min} and {max}',
  },
  answer_not_integer: {
    th: 'คำตอบข้อ {item} ต้องเป็นจำนวนเต็ม',
    en: 'The answer to {item} must be a whole number',
  },
  answer_duplicate_option: {
    th: 'คำตอบข้อ {item} เลือกตัวเลือกเดียวกันซ้ำ',
    en: 'The answer to {item} picks the same option twice',
  },
  answer_required: { th: 'ต้องตอบข้อ {item}', en: 'Item {item} must be answered' },
  answer_hidden: {
    th: 'ข้อ {item} ต้องไม่ตอบ เพราะคำตอบก่อนหน้าข้ามข้อนี้',
    en: 'Item {item} is skipped by an earlier answer and must not be answered',
  },
  taken_future: {
    th: 'เวลาที่คัดกรองต้องไม่เป็นเวลาในอนาคต',
    en: 'The time of the screening cannot be in the future',
  },
  taken_before_birth: {
    th: 'เวลาที่คัดกรองต้องไม่ก่อนวันเกิดของบุคคลนี้',
    en: 'The screening cannot be taken before the person was born',
  },
  client_id_reused: {
    th: 'รหัส clientId นี้ใช้กับการบันทึกอื่นไปแล้ว',
    en: 'This clientId was already used for another record',
  },
  person_unknown: { th: 'ไม่พบบุคคลนี้', en: 'Unknown person' },
  group_village_outside: {
    th: 'หมู่บ้าน {code} ไม่อยู่ในตำบลของกลุ่มนี้',
    en: "Village {code} is not in the group's subdistrict",
  },
  group_ends_before_start: {
    th: 'วันสิ้นสุดของกลุ่มต้องไม่ก่อนวันเริ่มต้น',
    en: 'The end date cannot be before the start date',
  },
  group_user_unknown: { th: 'ไม่พบบัญชีผู้ใช้นี้ หรือบัญชีถูกระงับ', en: 'Unknown or disabled account' },
  group_user_citizen: {
    th: 'บัญชีประชาชนเป็นสมาชิกกลุ่มไม่ได้ เพิ่มได้เฉพาะบัญชีของภาคีเครือข่าย',
    en: 'A citizen account cannot be a group member; add partner accounts only',
  },
  group_last_admin: {
    th: 'กลุ่มต้องมีผู้ดูแลกลุ่มอย่างน้อยหนึ่งคน เพิ่มผู้ดูแลคนใหม่ก่อน แล้วจึงนำคนนี้ออกหรือเปลี่ยนบทบาท',
    en: 'A group needs at least one admin: add another admin first, then remove or change this one',
  },
  group_enrol_outside: {
    th: 'บุคคลนี้ไม่ได้อาศัยอยู่ในพื้นที่ของกลุ่ม (ตำบลหรือหมู่บ้านที่กลุ่มดูแล) จึงรับเข้ากลุ่มไม่ได้',
    en: "This person does not live in the group's area (its subdistrict or villages), so cannot be enrolled",
  },
  group_enrol_no_consent: {
    th: 'บุคคลนี้ยังไม่ได้ให้ความยินยอมให้เปิดเผยข้อมูลภายในกลุ่ม (share_group) จึงรับเข้ากลุ่มไม่ได้ บันทึกความยินยอมก่อน',
    en: 'This person has not consented to sharing within a group (share_group), so cannot be enrolled: record the consent first',
  },
  group_ended: {
    th: 'กลุ่มนี้สิ้นสุดระยะเวลาแล้ว สิทธิ์เข้าถึงข้อมูลบุคคลผ่านกลุ่มนี้จึงหมดไป',
    en: "This group's period has ended, so access to people through it has lapsed",
  },
  group_assignee_role: {
    th: 'มอบหมายงานได้เฉพาะสมาชิกกลุ่มที่มีบทบาทผู้จัดการรายกรณีหรืออาสาสมัคร',
    en: 'Cases can be assigned only to members who are case workers or volunteers',
  },
  link_code_invalid: {
    th: 'รหัสไม่ถูกต้อง หมดอายุ หรือถูกใช้ไปแล้ว ตรวจสอบ 8 หลักอีกครั้ง หรือขอรหัสใหม่จากเจ้าหน้าที่หรือ อสม.',
    en: 'Wrong, expired or already used: check the 8 digits, or ask the staff or volunteer for a new code',
  },
  already_linked: { th: 'บัญชีนี้เชื่อมกับข้อมูลของบุคคลนี้อยู่แล้ว', en: 'This account is already linked to this record' },
  person_id_required: {
    th: 'บัญชีนี้เชื่อมกับข้อมูลมากกว่าหนึ่งคน ระบุ personId',
    en: 'This account is linked to more than one record: give personId',
  },
  plan_no_screening: {
    th: 'บุคคลนี้ยังไม่มีผลคัดกรองความเป็นอยู่ 20 ข้อ คัดกรองก่อนจึงร่างแผนได้',
    en: 'This person has no 20-item well-being screening yet: screen them first, then draft a plan',
  },
  plan_screening_unknown: {
    th: 'ไม่พบผลคัดกรองความเป็นอยู่ 20 ข้อนี้ของบุคคลนี้',
    en: 'No such 20-item well-being screening of this person',
  },
  activity_unknown: {
    th: 'ไม่พบกิจกรรมนี้ในคลังกิจกรรมที่ใช้ได้ในพื้นที่นี้',
    en: 'No such activity in the library available here',
  },
  plan_ends_before_start: {
    th: 'วันสิ้นสุดต้องไม่ก่อนวันเริ่มต้น',
    en: 'The end date cannot be before the start date',
  },
  plan_active_exists: {
    th: 'บุคคลนี้มีแผนที่ดำเนินการอยู่แล้ว ปรับแผนเดิมแทนการสร้างแผนใหม่',
    en: 'This person already has an active plan: adjust it instead of making a new one',
  },
  plan_closed: {
    th: 'แผนนี้ปิดแล้ว แก้ไขหรือรายงานความก้าวหน้าไม่ได้',
    en: 'This plan is closed: it can no longer be changed or reported on',
  },
  plan_activity_unknown: {
    th: 'ไม่พบกิจกรรมนี้ในแผน',
    en: 'This activity is not part of the plan',
  },
  progress_future_month: {
    th: 'รายงานความก้าวหน้าของเดือนที่ยังไม่ถึงไม่ได้',
    en: 'Progress cannot be reported for a month that has not come yet',
  },
  progress_before_plan: {
    th: 'เดือนนี้อยู่ก่อนวันเริ่มแผนหรือกิจกรรม',
    en: 'This month is before the plan or the activity started',
  },
  progress_not_in_plan: {
    th: 'กิจกรรมนี้ไม่อยู่ในแผนฉบับปัจจุบัน (ถูกนำออกหรือไม่ใช่ของแผนนี้)',
    en: 'This activity is not in the current plan (removed, or not of this plan)',
  },
  progress_duplicate_entry: {
    th: 'รายงานกิจกรรมเดียวกันซ้ำในคำขอเดียว',
    en: 'The same activity is reported twice in one request',
  },
  activity_group_unknown: { th: 'ไม่พบกลุ่มกิจกรรมนี้', en: 'Unknown activity group' },
  activity_group_mismatch: {
    th: 'กลุ่มกิจกรรมนี้ทำกิจกรรมอื่น หรืออยู่คนละพื้นที่กับบุคคลนี้',
    en: "This activity group does another activity, or is outside the person's area",
  },
  attendance_not_member: {
    th: 'บุคคลนี้ไม่ได้เป็นสมาชิกของกลุ่มกิจกรรมนี้',
    en: 'This person is not a member of this activity group',
  },
  attendance_future: {
    th: 'บันทึกการเข้าร่วมของวันที่ยังไม่ถึงไม่ได้',
    en: 'Attendance cannot be recorded for a day that has not come yet',
  },
  area_or_group: {
    th: 'ระบุพื้นที่ (area) หรือกลุ่ม (group) อย่างใดอย่างหนึ่ง',
    en: 'Give either an area or a group, not both and not neither',
  },
  report_year_future: {
    th: 'ยังไม่มีข้อมูลของปี พ.ศ. {yearBE} ปีล่าสุดที่ดูได้คือ {lastBE}',
    en: 'There are no figures for BE {yearBE} yet; the latest year is {lastBE}',
  },
  ...referralDetails,
  ...assistanceDetails,
  ...visitDetails,
  ...transportDetails,
} satisfies Record<string, Text>;
export type DetailCode = keyof typeof details;

export function say(text: Text, lang: Lang, params: Record<string, string | number> = {}): string {
  return text[lang].replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** `th` unless the client prefers English (Accept-Language: en, en-US;q=0.9, …). */
export function pickLang(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'th';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((p) => p.trim().startsWith('q='));
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((x) => x.tag && !Number.isNaN(x.q))
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('th')) return 'th';
    if (tag.startsWith('en')) return 'en';
  }
  return 'th';
}
