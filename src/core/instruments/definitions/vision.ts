/**
 * Eye screening: a yes/no checklist where every "yes" is a problem. MoPH codes
 * each eye condition separately, so each item is its own dimension with its
 * own result and SPECIALPP code. A problem carries the "advise and treat" code
 * of its pair; the "referred" code records a later action, not the screening.
 */
import type { Dimension, InstrumentDefinition, Item } from '../definition.ts';
import { problemBands, t, YES_NO, yesNo } from './build.ts';

const check = (code: string, dimension: string, th: string, en: string): Item =>
  yesNo(code, t(th, en), YES_NO, { dimension });

const condition = (code: string, th: string, en: string, noProblem: string, problem: string): Dimension => ({
  code,
  label: t(th, en),
  score: { kind: 'sum' },
  worseWhen: 'higher',
  bands: problemBands(noProblem, problem),
});

export const vision: InstrumentDefinition = {
  code: 'vision',
  version: 1,
  title: t('แบบคัดกรองสุขภาพตาและการมองเห็น', 'Eye and vision screening'),
  description: t('ตรวจขณะสวมแว่นที่ใช้ประจำ (ถ้ามี)', 'Test with the usual glasses, if any'),
  items: [
    check(
      'near',
      'near_vision',
      'อ่านหนังสือพิมพ์หรือตัวหนังสือขนาดเล็กในระยะ 1 ฟุต (30 ซม.) ไม่ได้',
      'Cannot read newspaper print at 1 foot (30 cm)',
    ),
    check(
      'distance',
      'distance_vision',
      'นับนิ้วมือในระยะ 3 เมตรไม่ได้ (ตาข้างใดข้างหนึ่ง)',
      'Cannot count fingers at 3 metres (either eye)',
    ),
    check(
      'cloudy',
      'cataract',
      'ตามัวเหมือนมีหมอกบัง หรือสู้แสงจ้าไม่ได้',
      'Cloudy, misty vision, or dazzled by bright light',
    ),
    check(
      'narrow_field',
      'glaucoma',
      'มองเห็นแคบลง เดินชนสิ่งของด้านข้างบ่อย',
      'Narrowing field of vision; often bumps into things at the side',
    ),
    check(
      'central_spot',
      'macular',
      'มองเห็นจุดดำกลางภาพ หรือเห็นเส้นตรงเป็นเส้นคด ภาพบิดเบี้ยว',
      'A dark spot in the middle of vision, or straight lines look wavy',
    ),
  ],
  scoring: {
    dimensions: [
      // 1B1240 สายตาระยะใกล้…ไม่มีปัญหา / 1B1241 …มีปัญหาให้คำแนะนำและรักษา
      condition('near_vision', 'สายตาระยะใกล้', 'Near vision', '1B1240', '1B1241'),
      // 1B1243 สายตาระยะไกล…ไม่มีปัญหา / 1B1244 …มีปัญหาให้คำแนะนำและรักษา
      condition('distance_vision', 'สายตาระยะไกล', 'Distance vision', '1B1243', '1B1244'),
      // 1B1250 ความเสี่ยงต้อกระจก…ไม่มีปัญหา / 1B1251 …มีปัญหาให้คำแนะนำและรักษา
      condition('cataract', 'ต้อกระจก', 'Cataract', '1B1250', '1B1251'),
      // 1B1253 ความเสี่ยงต้อหิน…ไม่มีปัญหา / 1B1254 …มีปัญหาให้คำแนะนำและรักษา
      condition('glaucoma', 'ต้อหิน', 'Glaucoma', '1B1253', '1B1254'),
      // 1B1256 จอประสาทตาเสื่อมจากอายุ…ไม่มีปัญหา / 1B1257 …มีปัญหาให้คำแนะนำ และรักษา
      condition('macular', 'จอประสาทตาเสื่อมจากอายุ', 'Age-related macular degeneration', '1B1256', '1B1257'),
    ],
    total: false,
    redFlags: [],
    followUps: [],
  },
};
