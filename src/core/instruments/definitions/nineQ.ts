/**
 * The Department of Mental Health's nine-question depression assessment
 * (9Q), asked after a positive 2Q. Each item 0–3 by how often in the last two
 * weeks; total 0–27. A score of 7 or more makes the 8Q due.
 */
import type { InstrumentDefinition, Item } from '../definition.ts';
import { band, choice, type OptionRow, t } from './build.ts';

const howOften: OptionRow[] = [
  [0, 'ไม่มีเลย', 'Not at all'],
  [1, 'เป็นบางวัน (1–7 วัน)', 'Some days (1–7 days)'],
  [2, 'เป็นบ่อย (มากกว่า 7 วัน)', 'Often (more than 7 days)'],
  [3, 'เป็นทุกวัน', 'Nearly every day'],
];

const item = (n: number, th: string, en: string): Item =>
  choice(`q${n}`, t(th, en), howOften, { dimension: 'depression' });

export const nineQ: InstrumentDefinition = {
  code: '9q',
  version: 1,
  title: t('แบบประเมินโรคซึมเศร้า 9 คำถาม (9Q)', 'Nine-question depression assessment (9Q)'),
  description: t(
    'ในช่วง 2 สัปดาห์ที่ผ่านมารวมทั้งวันนี้ ท่านมีอาการเหล่านี้บ่อยแค่ไหน',
    'In the past 2 weeks, including today, how often have you had the following?',
  ),
  items: [
    item(1, 'เบื่อ ไม่สนใจอยากทำอะไร', 'Little interest in doing anything'),
    item(2, 'ไม่สบายใจ ซึมเศร้า ท้อแท้', 'Feeling unhappy, depressed or discouraged'),
    item(3, 'หลับยาก หรือหลับ ๆ ตื่น ๆ หรือหลับมากไป', 'Trouble falling or staying asleep, or sleeping too much'),
    item(4, 'เหนื่อยง่าย หรือไม่ค่อยมีแรง', 'Tiring easily, or having little energy'),
    item(5, 'เบื่ออาหาร หรือกินมากเกินไป', 'Poor appetite or overeating'),
    item(
      6,
      'รู้สึกไม่ดีกับตัวเอง คิดว่าตัวเองล้มเหลว หรือทำให้ตนเองหรือครอบครัวผิดหวัง',
      'Feeling bad about yourself: that you are a failure, or have let yourself or your family down',
    ),
    item(
      7,
      'สมาธิไม่ดีเวลาทำอะไร เช่น ดูโทรทัศน์ ฟังวิทยุ หรือทำงานที่ต้องใช้ความตั้งใจ',
      'Poor concentration, e.g. watching television, listening to the radio or work that needs attention',
    ),
    item(
      8,
      'พูดช้า ทำอะไรช้าลงจนคนอื่นสังเกตเห็นได้ หรือกระสับกระส่ายไม่สามารถอยู่นิ่งได้เหมือนที่เคยเป็น',
      'Speaking or moving so slowly that others notice, or so restless that you cannot keep still as before',
    ),
    item(
      9,
      'คิดทำร้ายตนเอง หรือคิดว่าถ้าตายไปคงจะดี',
      'Thoughts of hurting yourself, or that you would be better off dead',
    ),
  ],
  scoring: {
    dimensions: [
      {
        code: 'depression',
        label: t('ภาวะซึมเศร้า', 'Depression'),
        score: { kind: 'sum' },
        worseWhen: 'higher',
        // The elders' codes 1B0282–1B0285, not the general 9Q codes 1B0260–1B0263 of the same file.
        bands: [
          // 1B0282 การตรวจคัดกรองโรคซึมเศร้าในผู้สูงอายุด้วยแบบคัดกรอง 9Q พบว่าผลปกติ
          band(0, 'none', 'green', t('ไม่มีอาการของโรคซึมเศร้าหรือมีน้อยมาก', 'None or minimal'), '1B0282'),
          // 1B0283 …9Q พบว่าซึมเศร้าน้อย (คะแนน 7-12)
          band(7, 'mild', 'yellow', t('โรคซึมเศร้าระดับน้อย', 'Mild depression'), '1B0283'),
          // 1B0284 …9Q พบว่าซึมเศร้าปานกลาง (คะแนน 13-18)
          band(13, 'moderate', 'red', t('โรคซึมเศร้าระดับปานกลาง', 'Moderate depression'), '1B0284'),
          // 1B0285 …9Q พบว่าซึมเศร้ารุนแรง (คะแนน ≥19)
          band(19, 'severe', 'red', t('โรคซึมเศร้าระดับรุนแรง', 'Severe depression'), '1B0285'),
        ],
      },
    ],
    total: false,
    redFlags: [],
    followUps: [
      {
        when: { score: 'depression', op: 'gte', value: 7 },
        instrument: '8q',
        reason: 'depression_9q_7_or_more',
        urgent: false,
      },
    ],
  },
};
