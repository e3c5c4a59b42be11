/**
 * Clinical screening for knee osteoarthritis: five clinical criteria, one
 * point each; 3 or more is probable OA. The cut-off is common Thai practice,
 * so it is data (the `min` of the probable band).
 */
import type { InstrumentDefinition, Item } from '../definition.ts';
import { band, t, YES_NO, yesNo } from './build.ts';

const item = (code: string, th: string, en: string): Item =>
  yesNo(code, t(th, en), YES_NO, { dimension: 'knee' });

export const knee: InstrumentDefinition = {
  code: 'knee',
  version: 1,
  title: t('แบบคัดกรองโรคข้อเข่าเสื่อมทางคลินิก', 'Clinical screening for knee osteoarthritis'),
  items: [
    item(
      'stiffness',
      'ข้อเข่าฝืดตึงหลังตื่นนอนตอนเช้า นานน้อยกว่า 30 นาที',
      'Morning stiffness of the knee lasting less than 30 minutes',
    ),
    item('crepitus', 'มีเสียงดังกรอบแกรบในข้อเข่าขณะเคลื่อนไหว', 'Crepitus (crackling) in the knee on movement'),
    item('bony_tenderness', 'กดเจ็บที่กระดูกข้อเข่า', 'Bony tenderness of the knee'),
    item('bony_enlargement', 'ข้อเข่าใหญ่ผิดรูป (กระดูกข้อเข่างอกโต)', 'Bony enlargement of the knee'),
    item('no_warmth', 'คลำไม่พบว่าข้อเข่าอุ่น', 'No palpable warmth of the knee'),
  ],
  scoring: {
    dimensions: [
      {
        code: 'knee',
        label: t('ข้อเข่าเสื่อม', 'Knee osteoarthritis'),
        score: { kind: 'sum' },
        worseWhen: 'higher',
        bands: [
          // 1B1270 การตรวจคัดกรองข้อเข่าเสื่อมทางคลินิกในผู้สูงอายุพบว่าปกติ
          band(0, 'normal', 'green', t('ปกติ', 'Normal'), '1B1270'),
          // 1B1271 …ข้อเข่าเสื่อมทางคลินิกในผู้สูงอายุพบว่าผิดปกติ ให้คำแนะนำและรักษา (1B1272 = referred, a later action)
          band(
            3,
            'probable_oa',
            'yellow',
            t('น่าจะเป็นโรคข้อเข่าเสื่อม', 'Probable knee osteoarthritis'),
            '1B1271',
          ),
        ],
      },
    ],
    total: false,
    redFlags: [],
    followUps: [],
  },
};
