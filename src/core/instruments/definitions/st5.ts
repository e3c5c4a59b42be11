/** The Department of Mental Health's five-item stress test (ST-5): each item 0–3, total 0–15. */
import type { InstrumentDefinition, Item } from '../definition.ts';
import { band, choice, type OptionRow, t } from './build.ts';

const howOften: OptionRow[] = [
  [0, 'แทบไม่มี', 'Rarely or never'],
  [1, 'เป็นบางครั้ง', 'Sometimes'],
  [2, 'บ่อยครั้ง', 'Often'],
  [3, 'เป็นประจำ', 'All the time'],
];

const item = (n: number, th: string, en: string): Item =>
  choice(`q${n}`, t(th, en), howOften, { dimension: 'stress' });

export const st5: InstrumentDefinition = {
  code: 'st5',
  version: 1,
  title: t('แบบประเมินความเครียด (ST-5)', 'Stress test (ST-5)'),
  description: t(
    'ในระยะ 2–4 สัปดาห์ที่ผ่านมา ท่านมีอาการหรือความรู้สึกต่อไปนี้มากน้อยเพียงใด',
    'In the past 2–4 weeks, how much have you had the following?',
  ),
  items: [
    item(1, 'มีปัญหาการนอน นอนไม่หลับหรือนอนมาก', 'Sleep problems: cannot sleep, or sleeps too much'),
    item(2, 'มีสมาธิน้อยลง', 'Poorer concentration'),
    item(3, 'หงุดหงิด กระวนกระวาย ว้าวุ่นใจ', 'Irritable, restless or agitated'),
    item(4, 'รู้สึกเบื่อ เซ็ง', 'Feeling bored or fed up'),
    item(5, 'ไม่อยากพบปะผู้คน', 'Not wanting to meet people'),
  ],
  scoring: {
    dimensions: [
      {
        code: 'stress',
        label: t('ความเครียด', 'Stress'),
        score: { kind: 'sum' },
        worseWhen: 'higher',
        // The file has only normal / abnormal for elders: both stressed bands carry 1B0287.
        // (1B132–1B134 grade stress in three, but for chronic-disease patients, not elders.)
        bands: [
          // 1B0286 การประเมินความเครียดด้วยแบบคัดกรอง ST5 ในผู้สูงอายุ พบว่าผลปกติ
          band(0, 'normal', 'green', t('ปกติ', 'Normal'), '1B0286'),
          // 1B0287 การประเมินความเครียดด้วยแบบคัดกรอง ST5 ในผู้สูงอายุ พบว่าผลผิดปกติ
          band(5, 'stressed', 'yellow', t('มีความเครียด', 'Stressed'), '1B0287'),
          band(8, 'high', 'red', t('มีความเครียดสูง', 'High stress'), '1B0287'),
        ],
      },
    ],
    total: false,
    redFlags: [],
    followUps: [],
  },
};
