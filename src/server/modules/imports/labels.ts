import {
  caregiverRelations,
  chronicConditions,
  disabilityTypes,
  educationLevels,
  healthCoverages,
  idTypes,
  incomeBands,
  maritalStatuses,
  recordedVulnerabilities,
  relationsToHead,
  religions,
  sexes,
  titles,
} from '../../../core/schemas/person.ts';

/**
 * What people type in a spreadsheet for each coded field, mapped onto the
 * values `personCreate` accepts. The codes themselves are always accepted
 * too. An unknown label is passed through unchanged so that the shared
 * schema reports it ("must be one of …") against the right column.
 */
type LabelTable = Record<string, readonly string[]>;

const tables = {
  idType: {
    thai_id: ['บัตรประชาชน', 'บัตรประจำตัวประชาชน', 'เลขประจำตัวประชาชน'],
    passport: ['หนังสือเดินทาง', 'พาสปอร์ต'],
    alien_id: ['บัตรต่างด้าว', 'ต่างด้าว', 'บัตรประจำตัวคนต่างด้าว'],
    none: ['ไม่มี', 'ไม่มีบัตร', 'ไม่มีเลข'],
  },
  title: {
    nai: ['นาย', 'mr'],
    nang: ['นาง', 'mrs'],
    nangsao: ['นางสาว', 'น.ส.', 'miss', 'ms'],
    dek_chai: ['เด็กชาย', 'ด.ช.'],
    dek_ying: ['เด็กหญิง', 'ด.ญ.'],
    other: ['อื่นๆ', 'อื่น ๆ'],
  },
  sex: {
    male: ['ชาย', 'ช', 'm', '1'],
    female: ['หญิง', 'ญ', 'f', '2'],
  },
  religion: {
    buddhism: ['พุทธ', 'ศาสนาพุทธ'],
    islam: ['อิสลาม', 'ศาสนาอิสลาม'],
    christianity: ['คริสต์', 'ศาสนาคริสต์'],
    hinduism: ['ฮินดู', 'พราหมณ์-ฮินดู', 'พราหมณ์'],
    other: ['อื่นๆ', 'อื่น ๆ'],
    none: ['ไม่นับถือศาสนา', 'ไม่มี'],
  },
  maritalStatus: {
    single: ['โสด'],
    married: ['สมรส', 'คู่', 'แต่งงาน'],
    widowed: ['หม้าย', 'ม่าย'],
    divorced: ['หย่า', 'หย่าร้าง'],
    separated: ['แยกกันอยู่', 'แยก'],
    unknown: ['ไม่ทราบ'],
  },
  education: {
    none: ['ไม่ได้เรียน', 'ไม่ได้ศึกษา', 'ไม่มี'],
    primary: ['ประถม', 'ประถมศึกษา'],
    lower_secondary: ['มัธยมต้น', 'มัธยมศึกษาตอนต้น', 'ม.ต้น'],
    upper_secondary: ['มัธยมปลาย', 'มัธยมศึกษาตอนปลาย', 'ม.ปลาย'],
    vocational: ['อาชีวศึกษา', 'ปวช.', 'ปวส.', 'อนุปริญญา'],
    bachelor: ['ปริญญาตรี'],
    above_bachelor: ['สูงกว่าปริญญาตรี', 'ปริญญาโท', 'ปริญญาเอก'],
    unknown: ['ไม่ทราบ'],
  },
  incomeBand: {
    none: ['ไม่มีรายได้'],
    lt3000: ['ต่ำกว่า 3,000', 'ต่ำกว่า 3000', '<3000'],
    '3000_5999': ['3,000-5,999', '3000-5999'],
    '6000_9999': ['6,000-9,999', '6000-9999'],
    '10000_14999': ['10,000-14,999', '10000-14999'],
    '15000_29999': ['15,000-29,999', '15000-29999'],
    gte30000: ['30,000 ขึ้นไป', '30000 ขึ้นไป', '>=30000'],
  },
  healthCoverage: {
    universal: ['บัตรทอง', 'หลักประกันสุขภาพถ้วนหน้า', 'สิทธิบัตรทอง', '30 บาท', 'uc'],
    social_security: ['ประกันสังคม', 'sss'],
    civil_servant: ['ข้าราชการ', 'เบิกได้', 'สวัสดิการข้าราชการ', 'ofc'],
    other: ['อื่นๆ', 'อื่น ๆ'],
    none: ['ไม่มี', 'ไม่มีสิทธิ'],
  },
  relationToHead: {
    head: ['หัวหน้าครัวเรือน', 'เจ้าบ้าน'],
    spouse: ['คู่สมรส', 'สามี', 'ภรรยา'],
    child: ['บุตร', 'ลูก'],
    parent: ['บิดา', 'มารดา', 'พ่อ', 'แม่'],
    grandchild: ['หลาน'],
    sibling: ['พี่น้อง', 'พี่', 'น้อง'],
    relative: ['ญาติ'],
    other: ['อื่นๆ', 'อื่น ๆ'],
  },
  caregiverRelation: {
    spouse: ['คู่สมรส', 'สามี', 'ภรรยา'],
    child: ['บุตร', 'ลูก'],
    parent: ['บิดา', 'มารดา', 'พ่อ', 'แม่'],
    sibling: ['พี่น้อง', 'พี่', 'น้อง'],
    grandchild: ['หลาน'],
    relative: ['ญาติ'],
    neighbour: ['เพื่อนบ้าน'],
    volunteer: ['อาสาสมัคร', 'อสม.', 'อสม'],
    paid: ['ผู้ดูแลที่จ้าง', 'จ้าง', 'ผู้ดูแลรับจ้าง'],
    other: ['อื่นๆ', 'อื่น ๆ'],
  },
  chronicConditions: {
    hypertension: ['ความดันโลหิตสูง', 'ความดัน', 'ht'],
    diabetes: ['เบาหวาน', 'dm'],
    heart_disease: ['โรคหัวใจ', 'หัวใจ'],
    stroke: ['หลอดเลือดสมอง', 'อัมพฤกษ์', 'อัมพาต'],
    kidney_disease: ['โรคไต', 'ไต', 'ckd'],
    copd_asthma: ['ปอดอุดกั้นเรื้อรัง', 'หอบหืด', 'copd'],
    cancer: ['มะเร็ง'],
    dementia: ['สมองเสื่อม'],
    mental_illness: ['จิตเวช', 'โรคจิตเวช'],
    other: ['อื่นๆ', 'อื่น ๆ'],
  },
  disabilityTypes: {
    visual: ['การเห็น', 'ตาบอด', 'ทางการเห็น'],
    hearing: ['การได้ยิน', 'หูหนวก', 'การได้ยินหรือสื่อความหมาย'],
    physical: ['การเคลื่อนไหว', 'ร่างกาย', 'การเคลื่อนไหวหรือทางร่างกาย'],
    mental: ['จิตใจ', 'พฤติกรรม', 'จิตใจหรือพฤติกรรม'],
    intellectual: ['สติปัญญา'],
    learning: ['การเรียนรู้'],
    autism: ['ออทิสติก'],
  },
  vulnerability: {
    bedbound: ['ติดเตียง', 'ผู้ป่วยติดเตียง'],
    disabled: ['พิการ', 'ผู้พิการ', 'คนพิการ'],
    chronic_illness: ['ป่วยเรื้อรัง', 'ผู้ป่วยเรื้อรัง'],
    poor: ['ยากจน', 'คนจน', 'บัตรสวัสดิการแห่งรัฐ', 'บัตรคนจน'],
    child_orphan: ['เด็กกำพร้า', 'กำพร้า', 'เด็ก'],
    pregnant: ['ตั้งครรภ์', 'หญิงตั้งครรภ์'],
    living_alone: ['อยู่ลำพัง', 'อยู่คนเดียว'],
    other: ['อื่นๆ', 'อื่น ๆ'],
  },
} satisfies Record<string, LabelTable>;

export type CodedField = keyof typeof tables;

/** The codes each coded field accepts, from the shared schema (the tables above only add spellings). */
const codes: Record<CodedField, readonly string[]> = {
  idType: idTypes,
  title: titles,
  sex: sexes,
  religion: religions,
  maritalStatus: maritalStatuses,
  education: educationLevels,
  incomeBand: incomeBands,
  healthCoverage: healthCoverages,
  relationToHead: relationsToHead,
  caregiverRelation: caregiverRelations,
  chronicConditions: chronicConditions,
  disabilityTypes: disabilityTypes,
  vulnerability: recordedVulnerabilities,
};

/** Spaces, dots and case do not matter: "ด.ช." = "ดช", "Mr." = "mr". */
export function labelKey(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/[\s.]/g, '');
}

const lookup = new Map<CodedField, Map<string, string>>(
  (Object.keys(tables) as CodedField[]).map((field) => {
    const m = new Map<string, string>();
    for (const code of codes[field]) m.set(labelKey(code), code);
    for (const [code, labels] of Object.entries(tables[field] as LabelTable)) {
      for (const label of labels) m.set(labelKey(label), code);
    }
    return [field, m];
  }),
);

/** Texts already looked up, as typed: a 100k-row file repeats a few dozen labels (bounded all the same). */
const seenTexts = new Map<CodedField, Map<string, string>>();
const SEEN_MAX = 2000;

export function codeOf(field: CodedField, text: string): string {
  let seen = seenTexts.get(field);
  const hit = seen?.get(text);
  if (hit !== undefined) return hit;
  const code = lookup.get(field)?.get(labelKey(text)) ?? text.trim();
  if (!seen) {
    seen = new Map();
    seenTexts.set(field, seen);
  }
  if (seen.size < SEEN_MAX) seen.set(text, code);
  return code;
}

/** The first Thai label of each code, for the template's help sheet. */
export function thaiLabels(field: CodedField): string[] {
  return Object.values(tables[field] as LabelTable).map((labels) => labels[0]!);
}

/** "elderly" is computed from the birth date and never stored, so a list that says so loses nothing. */
export const COMPUTED_VULNERABILITY = new Set(['elderly', labelKey('ผู้สูงอายุ'), labelKey('สูงอายุ')]);
