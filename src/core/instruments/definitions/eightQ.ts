/**
 * The Department of Mental Health's eight-question suicide risk assessment
 * (8Q), asked after a 9Q of 7 or more. Weighted yes/no items about the last
 * month (item 8: ever). Item 3 has a follow-on question, asked only after a
 * "yes": being unable to control the thoughts adds 8 to the 6 of item 3, as
 * on the paper form (ได้ 0 / ไม่ได้ 8), so the total runs 0–52.
 * Any positive score raises an urgent alert.
 */
import type { InstrumentDefinition } from '../definition.ts';
import { band, choice, t, YES_NO, yesNo } from './build.ts';

const risk = (weight: number) => ({ dimension: 'suicide', weight });

export const eightQ: InstrumentDefinition = {
  code: '8q',
  version: 1,
  title: t('แบบประเมินการฆ่าตัวตาย 8 คำถาม (8Q)', 'Eight-question suicide risk assessment (8Q)'),
  description: t(
    'ถามในช่วง 1 เดือนที่ผ่านมารวมทั้งวันนี้ (ข้อ 8 ถามตลอดชีวิตที่ผ่านมา)',
    'About the past month, including today (item 8: ever in life)',
  ),
  items: [
    yesNo(
      'q1',
      t('คิดอยากตาย หรือคิดว่าตายไปจะดีกว่า', 'Wished to be dead, or thought you would be better off dead'),
      YES_NO,
      risk(1),
    ),
    yesNo('q2', t('อยากทำร้ายตัวเอง หรือทำให้ตัวเองบาดเจ็บ', 'Wanted to harm or injure yourself'), YES_NO, risk(2)),
    yesNo('q3', t('คิดเกี่ยวกับการฆ่าตัวตาย', 'Thought about suicide'), YES_NO, risk(6)),
    choice(
      'q3a',
      t(
        'ท่านสามารถควบคุมความอยากฆ่าตัวตายที่ท่านคิดอยู่นั้นได้หรือไม่ หรือบอกได้ไหมว่าคงจะไม่ทำตามความคิดนั้นในขณะนี้',
        'Can you control the urge to kill yourself, or can you say you will not act on the thought now?',
      ),
      [
        [0, 'ได้', 'Yes, can control it'],
        [8, 'ไม่ได้', 'No, cannot control it'],
      ],
      { dimension: 'suicide', showWhen: { item: 'q3', op: 'eq', value: true } },
    ),
    yesNo('q4', t('มีแผนการที่จะฆ่าตัวตาย', 'Had a plan to kill yourself'), YES_NO, risk(8)),
    yesNo(
      'q5',
      t(
        'ได้เตรียมการที่จะทำร้ายตนเองหรือเตรียมการจะฆ่าตัวตายโดยตั้งใจว่าจะให้ตายจริง ๆ',
        'Prepared to harm or kill yourself, intending to really die',
      ),
      YES_NO,
      risk(9),
    ),
    yesNo(
      'q6',
      t('ได้ทำให้ตนเองบาดเจ็บแต่ไม่ตั้งใจที่จะทำให้เสียชีวิต', 'Injured yourself without intending to die'),
      YES_NO,
      risk(4),
    ),
    yesNo(
      'q7',
      t('ได้พยายามฆ่าตัวตายโดยคาดหวัง/ตั้งใจที่จะให้ตาย', 'Attempted suicide, expecting or intending to die'),
      YES_NO,
      risk(10),
    ),
    yesNo(
      'q8',
      t('ตลอดชีวิตที่ผ่านมา ท่านเคยพยายามฆ่าตัวตาย', 'Ever attempted suicide in your life'),
      YES_NO,
      risk(4),
    ),
  ],
  scoring: {
    dimensions: [
      {
        code: 'suicide',
        label: t('แนวโน้มการฆ่าตัวตาย', 'Suicide risk'),
        score: { kind: 'sum' },
        worseWhen: 'higher',
        bands: [
          // 1B0270 …8Q พบว่าไม่มีแนวโน้มการฆ่าตัวตาย
          band(0, 'none', 'green', t('ไม่มีแนวโน้มฆ่าตัวตายในปัจจุบัน', 'No current suicide risk'), '1B0270'),
          // 1B0271 …8Q พบว่ามีแนวโน้มที่จะฆ่าตัวตายระดับน้อย (คะแนน 1-8)
          band(1, 'low', 'yellow', t('มีแนวโน้มฆ่าตัวตายระดับน้อย', 'Low suicide risk'), '1B0271'),
          // 1B0272 …8Q พบว่ามีแนวโน้มที่จะฆ่าตัวตายระดับปานกลาง (คะแนน 9-16)
          band(9, 'moderate', 'red', t('มีแนวโน้มฆ่าตัวตายระดับปานกลาง', 'Moderate suicide risk'), '1B0272'),
          // 1B0273 …8Q พบว่ามีแนวโน้มที่จะฆ่าตัวตายระดับรุนแรง (คะแนน ≥17)
          band(17, 'severe', 'red', t('มีแนวโน้มฆ่าตัวตายระดับรุนแรง', 'Severe suicide risk'), '1B0273'),
        ],
      },
    ],
    total: false,
    // Any positive 8Q: a flag for the alert inboxes, and an urgent follow-up with no instrument (act now).
    redFlags: [{ flag: 'suicide_risk', when: { score: 'suicide', op: 'gte', value: 1 } }],
    followUps: [{ when: { score: 'suicide', op: 'gte', value: 1 }, reason: 'suicide_risk', urgent: true }],
  },
};
