/**
 * Nutrition: weight and height give the BMI (reported as a figure); at risk
 * when the BMI is below `underweightBmi` (18.5, common Thai practice, a
 * parameter so a new version can change it) or after unintended weight loss.
 * The SPECIALPP file has no nutrition code.
 */
import type { InstrumentDefinition } from '../definition.ts';
import { band, t, YES_NO, yesNo } from './build.ts';

const body = { weightKg: 'weight', heightCm: 'height' };

export const nutrition: InstrumentDefinition = {
  code: 'nutrition',
  version: 1,
  title: t('แบบคัดกรองภาวะโภชนาการ', 'Nutrition screening'),
  items: [
    {
      code: 'weight',
      text: t('น้ำหนัก', 'Weight'),
      kind: 'number',
      required: true,
      min: 20,
      max: 250,
      unit: t('กิโลกรัม', 'kg'),
    },
    {
      code: 'height',
      text: t('ส่วนสูง', 'Height'),
      kind: 'number',
      required: true,
      min: 100,
      max: 220,
      unit: t('เซนติเมตร', 'cm'),
    },
    yesNo(
      'weight_loss',
      t(
        'ใน 3 เดือนที่ผ่านมา น้ำหนักลดลงโดยไม่ได้ตั้งใจ (มากกว่า 3 กิโลกรัม)',
        'Unintended weight loss (more than 3 kg) in the last 3 months',
      ),
      YES_NO,
    ),
  ],
  scoring: {
    dimensions: [
      {
        code: 'bmi',
        label: t('ดัชนีมวลกาย (กก./ม.²)', 'Body-mass index (kg/m²)'),
        score: { kind: 'derived', fn: 'bmi', inputs: body, params: {} },
      },
      {
        code: 'nutrition',
        label: t('ภาวะโภชนาการ', 'Nutrition'),
        score: {
          kind: 'derived',
          fn: 'nutritionRisk',
          inputs: { ...body, weightLoss: 'weight_loss' },
          params: { underweightBmi: 18.5 },
        },
        worseWhen: 'higher',
        bands: [
          band(0, 'normal', 'green', t('ปกติ', 'Normal')),
          band(1, 'at_risk', 'yellow', t('เสี่ยงต่อภาวะทุพโภชนาการ', 'At risk of malnutrition')),
        ],
      },
    ],
    total: false,
    redFlags: [],
    followUps: [],
  },
};
