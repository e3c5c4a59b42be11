/**
 * Oral health screening: MoPH codes risky behaviour (1B1260/1B1261) apart
 * from an abnormal mouth (1B1262), so the checklist has those two dimensions.
 * Every "yes" is a problem.
 */
import type { InstrumentDefinition, Item } from '../definition.ts';
import { band, problemBands, t, YES_NO, yesNo } from './build.ts';

const behaviour = (code: string, th: string, en: string): Item =>
  yesNo(code, t(th, en), YES_NO, { dimension: 'oral_behaviour' });
const mouth = (code: string, th: string, en: string): Item =>
  yesNo(code, t(th, en), YES_NO, { dimension: 'oral_condition' });

export const oral: InstrumentDefinition = {
  code: 'oral',
  version: 1,
  title: t('แบบคัดกรองสุขภาพช่องปาก', 'Oral health screening'),
  items: [
    behaviour(
      'no_brushing_at_night',
      'ไม่ได้แปรงฟันก่อนนอนทุกวัน',
      'Does not brush the teeth before bed every day',
    ),
    behaviour('tobacco_betel', 'สูบบุหรี่ หรือเคี้ยวหมากหรือยาเส้น', 'Smokes, or chews betel or tobacco'),
    behaviour(
      'sweets_between_meals',
      'กินขนมหรือดื่มเครื่องดื่มรสหวานระหว่างมื้อเป็นประจำ',
      'Often has sweets or sugary drinks between meals',
    ),
    behaviour('no_dental_check', 'ไม่ได้ตรวจสุขภาพช่องปากในปีที่ผ่านมา', 'No dental check-up in the past year'),
    mouth('chewing_difficulty', 'มีความลำบากในการเคี้ยวอาหารแข็ง', 'Difficulty chewing hard food'),
    mouth('mouth_pain', 'มีอาการเจ็บปวดในช่องปาก', 'Pain in the mouth'),
    mouth(
      'decayed_or_loose_teeth',
      'มีฟันผุ ฟันโยก หรือรากฟันเหลือค้าง',
      'Decayed or loose teeth, or retained roots',
    ),
    mouth('gum_bleeding', 'เหงือกบวม หรือมีเลือดออกขณะแปรงฟัน', 'Swollen gums, or bleeding when brushing'),
    mouth(
      'mouth_lesion',
      'มีแผล ก้อน หรือฝ้าขาวหรือแดงในช่องปากที่ไม่หายภายใน 2 สัปดาห์',
      'A sore, lump, or white or red patch in the mouth not healed within 2 weeks',
    ),
  ],
  scoring: {
    dimensions: [
      {
        code: 'oral_behaviour',
        label: t('พฤติกรรมเสี่ยงต่อสุขภาพช่องปาก', 'Oral health behaviour'),
        score: { kind: 'sum' },
        worseWhen: 'higher',
        bands: [
          // 1B1260 …พฤติกรรมเสี่ยงต่อสุขภาพช่องปากในผู้สูงอายุพบว่าพฤติกรรมเหมาะสม
          band(0, 'appropriate', 'green', t('พฤติกรรมเหมาะสม', 'Appropriate'), '1B1260'),
          // 1B1261 …พบว่าพฤติกรรมไม่เหมาะสม และแนะนำให้ความรู้
          band(
            1,
            'inappropriate',
            'yellow',
            t('พฤติกรรมไม่เหมาะสม ให้คำแนะนำ', 'Inappropriate: advise'),
            '1B1261',
          ),
        ],
      },
      {
        code: 'oral_condition',
        label: t('สภาพช่องปาก', 'Condition of the mouth'),
        score: { kind: 'sum' },
        worseWhen: 'higher',
        // No code for a normal mouth; 1B1262 …และการตรวจสุขภาพช่องปากในผู้สูงอายุ พบภาวะผิดปกติ
        bands: problemBands(undefined, '1B1262'),
      },
    ],
    total: false,
    redFlags: [],
    followUps: [],
  },
};
