/**
 * The needs survey asked with the well-being screening (INSTRUMENTS.md §1):
 * per dimension, a multi-select of needs. The option codes drive the drafting
 * of plans and the matching of help, so they are stable keys; the score of a
 * dimension is the number of needs picked (a figure for statistics, no bands).
 */
import type { InstrumentDefinition, Item, Text } from '../definition.ts';
import { t } from './build.ts';

type Need = readonly [code: string, th: string, en: string];

function needs(dimension: string, question: Text, options: readonly Need[]): Item {
  return {
    code: `needs_${dimension}`,
    text: question,
    kind: 'multi',
    // Not required: "not asked" (absent) and "asked, nothing needed" ([]) are both worth keeping apart.
    required: false,
    dimension,
    options: options.map(([value, th, en]) => ({ value, label: t(th, en) })),
  };
}

const health = needs('health', t('ความต้องการด้านสุขภาพ', 'Health needs'), [
  ['home_visit', 'การเยี่ยมบ้าน', 'Home visits'],
  ['medicines', 'ยาและเวชภัณฑ์', 'Medicines and supplies'],
  ['rehabilitation', 'การฟื้นฟูสมรรถภาพ กายภาพบำบัด', 'Rehabilitation, physiotherapy'],
  [
    'assistive_device',
    'อุปกรณ์ช่วยเหลือ (รถเข็น ไม้เท้า เตียง ที่นอนลม)',
    'Assistive device (wheelchair, stick, bed, air mattress)',
  ],
  ['hospital_transport', 'การเดินทางไปโรงพยาบาล', 'Transport to hospital'],
  ['adult_diapers', 'ผ้าอ้อมผู้ใหญ่', 'Adult diapers'],
  ['mental_health_support', 'การดูแลด้านจิตใจ', 'Mental-health support'],
]);

const economy = needs('economy', t('ความต้องการด้านเศรษฐกิจ', 'Economic needs'), [
  ['welfare_registration', 'การลงทะเบียนรับสวัสดิการ', 'Welfare registration'],
  ['job_training', 'การฝึกอาชีพ', 'Job training'],
  ['cash_aid', 'เงินช่วยเหลือ', 'Cash aid'],
  ['debt_advice', 'คำปรึกษาเรื่องหนี้สิน', 'Debt advice'],
  ['job_placement', 'การหางาน', 'Finding work'],
  ['food_aid', 'อาหารหรือถุงยังชีพ', 'Food aid'],
]);

const society = needs('society', t('ความต้องการด้านสังคม', 'Social needs'), [
  ['carer', 'ผู้ดูแล', 'Carer'],
  ['companion', 'เพื่อนเยี่ยมหรือผู้อยู่เป็นเพื่อน', 'Companion'],
  ['documents', 'การทำเอกสาร (บัตรประชาชน ทะเบียนบ้าน สิทธิ)', 'Documents (ID card, house registration, rights)'],
  ['legal_aid', 'ความช่วยเหลือทางกฎหมาย', 'Legal aid'],
  ['protection', 'การคุ้มครองจากความรุนแรงหรือการทอดทิ้ง', 'Protection from violence or neglect'],
  ['social_activities', 'กิจกรรมกลุ่ม ชมรม หรือโรงเรียนผู้สูงอายุ', 'Group activities, clubs, elderly school'],
]);

const environment = needs('environment', t('ความต้องการด้านสภาพแวดล้อม', 'Environmental needs'), [
  ['home_repair', 'การซ่อมแซมบ้าน', 'Home repair'],
  ['toilet_adaptation', 'การปรับปรุงห้องส้วม', 'Toilet adaptation'],
  ['handrails_ramps', 'ราวจับและทางลาด', 'Handrails and ramps'],
  ['water', 'น้ำดื่มน้ำใช้', 'Water'],
  ['electricity', 'ไฟฟ้า', 'Electricity'],
  ['housing', 'ที่อยู่อาศัยใหม่หรือที่พักพิง', 'New housing or shelter'],
]);

const count = (code: string, th: string, en: string) => ({
  code,
  label: t(th, en),
  score: { kind: 'sum' as const },
});

export const needsSurvey: InstrumentDefinition = {
  code: 'needs',
  version: 1,
  title: t('แบบสำรวจความต้องการ', 'Needs survey'),
  description: t(
    'ถามพร้อมแบบคัดกรองความเป็นอยู่ 20 ข้อ เลือกได้หลายข้อในแต่ละมิติ',
    'Asked with the 20-item well-being screening; several needs may be picked in each dimension',
  ),
  items: [health, economy, society, environment],
  scoring: {
    dimensions: [
      count('health', 'สุขภาพ', 'Health'),
      count('economy', 'เศรษฐกิจ', 'Economy'),
      count('society', 'สังคม', 'Society'),
      count('environment', 'สภาพแวดล้อม', 'Environment'),
    ],
    total: false,
    redFlags: [],
    followUps: [],
  },
};
