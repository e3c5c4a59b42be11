/** Urinary incontinence screening: a yes/no checklist of the last 3 months; any "yes" is a problem. */
import type { InstrumentDefinition, Item } from '../definition.ts';
import { problemBands, t, YES_NO, yesNo } from './build.ts';

const item = (code: string, th: string, en: string): Item =>
  yesNo(code, t(th, en), YES_NO, { dimension: 'incontinence' });

export const incontinence: InstrumentDefinition = {
  code: 'incontinence',
  version: 1,
  title: t('แบบคัดกรองภาวะกลั้นปัสสาวะไม่อยู่', 'Urinary incontinence screening'),
  description: t('ในช่วง 3 เดือนที่ผ่านมา', 'In the last 3 months'),
  items: [
    item(
      'stress_leak',
      'มีปัสสาวะเล็ดเวลาไอ จาม หัวเราะ หรือยกของหนัก',
      'Urine leaks on coughing, sneezing, laughing or lifting',
    ),
    item(
      'urge_leak',
      'ปวดปัสสาวะแล้วกลั้นไม่อยู่ ราดก่อนถึงห้องน้ำ',
      'A sudden urge, and leaking before reaching the toilet',
    ),
    item('unaware_leak', 'มีปัสสาวะราดโดยไม่รู้ตัว', 'Urine leaks without noticing'),
    item(
      'affects_daily_life',
      'ต้องใช้ผ้าอ้อมหรือแผ่นซับ หรือปัญหานี้รบกวนชีวิตประจำวัน',
      'Needs pads or diapers, or it affects daily life',
    ),
  ],
  scoring: {
    dimensions: [
      {
        code: 'incontinence',
        label: t('การกลั้นปัสสาวะ', 'Bladder control'),
        score: { kind: 'sum' },
        worseWhen: 'higher',
        // 1B1284 การตรวจคัดกรองภาวะกลั้นปัสสาวะในผู้สูงอายุ ไม่มีปัญหา / 1B1285 … มีปัญหา
        // (1B1283, "screened" without a result, is never what a scored screening records.)
        bands: problemBands('1B1284', '1B1285'),
      },
    ],
    total: false,
    redFlags: [],
    followUps: [],
  },
};
