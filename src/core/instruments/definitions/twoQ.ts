/** The Department of Mental Health's two-question depression screen (2Q). Any "yes" is positive and makes the 9Q due. */
import type { InstrumentDefinition } from '../definition.ts';
import { band, HAS_OR_NOT, t, yesNo } from './build.ts';

const depression = { dimension: 'depression' };

export const twoQ: InstrumentDefinition = {
  code: '2q',
  version: 1,
  title: t('แบบคัดกรองโรคซึมเศร้า 2 คำถาม (2Q)', 'Two-question depression screen (2Q)'),
  items: [
    yesNo(
      'q1',
      t(
        'ใน 2 สัปดาห์ที่ผ่านมา รวมวันนี้ ท่านรู้สึก หดหู่ เศร้า หรือท้อแท้สิ้นหวัง หรือไม่',
        'In the past 2 weeks, including today, have you felt down, depressed or hopeless?',
      ),
      HAS_OR_NOT,
      depression,
    ),
    yesNo(
      'q2',
      t(
        'ใน 2 สัปดาห์ที่ผ่านมา รวมวันนี้ ท่านรู้สึก เบื่อ ทำอะไรก็ไม่เพลิดเพลิน หรือไม่',
        'In the past 2 weeks, including today, have you felt little interest or pleasure in doing things?',
      ),
      HAS_OR_NOT,
      depression,
    ),
  ],
  scoring: {
    dimensions: [
      {
        code: 'depression',
        label: t('ภาวะซึมเศร้า', 'Depression'),
        score: { kind: 'sum' },
        worseWhen: 'higher',
        bands: [
          // 1B0280 การตรวจคัดกรองโรคซึมเศร้าในผู้สูงอายุด้วยแบบคัดกรอง 2Q พบว่าผลปกติ
          band(0, 'negative', 'green', t('ปกติ ไม่เป็นโรคซึมเศร้า', 'Negative'), '1B0280'),
          // 1B0281 การตรวจคัดกรองโรคซึมเศร้าในผู้สูงอายุด้วยแบบคัดกรอง 2Q พบว่าผลผิดปกติ
          band(
            1,
            'positive',
            'yellow',
            t('มีแนวโน้มเป็นโรคซึมเศร้า ประเมินต่อด้วย 9Q', 'Positive: assess with the 9Q'),
            '1B0281',
          ),
        ],
      },
    ],
    total: false,
    redFlags: [],
    followUps: [
      {
        when: { score: 'depression', op: 'gte', value: 1 },
        instrument: '9q',
        reason: 'depression_screen_positive',
        urgent: false,
      },
    ],
  },
};
