/**
 * Falls and mobility: the Timed Up and Go test and the history of falls. At
 * risk when TUG takes `tugSeconds` (12, common Thai practice, a parameter so a
 * new version can change it) or more, when the test cannot be done at all, or
 * after a fall in the last 6 months (`fallRisk` in derived.ts).
 */
import type { InstrumentDefinition } from '../definition.ts';
import { band, EVER_OR_NOT, t, YES_NO, yesNo } from './build.ts';

export const falls: InstrumentDefinition = {
  code: 'falls',
  version: 1,
  title: t('แบบคัดกรองความเสี่ยงต่อการหกล้ม', 'Falls risk screening'),
  items: [
    yesNo(
      'fell',
      t('ใน 6 เดือนที่ผ่านมา ท่านเคยหกล้มหรือไม่', 'Have you had a fall in the last 6 months?'),
      EVER_OR_NOT,
    ),
    yesNo(
      'tug_unable',
      t(
        'ทำการทดสอบลุกเดิน (Timed Up and Go) ไม่ได้ เช่น ลุกยืนหรือเดินเองไม่ได้',
        'Unable to do the Timed Up and Go test (cannot stand up or walk)',
      ),
      YES_NO,
    ),
    {
      code: 'tug_seconds',
      text: t('เวลาที่ใช้ในการทดสอบลุกเดิน (Timed Up and Go)', 'Timed Up and Go time'),
      help: t(
        'ลุกจากเก้าอี้ เดินไปข้างหน้า 3 เมตร หมุนตัว เดินกลับมานั่ง จับเวลาเป็นวินาที',
        'Stand up from a chair, walk 3 metres, turn, walk back and sit down; time it in seconds',
      ),
      kind: 'number',
      required: true,
      min: 1,
      max: 300,
      unit: t('วินาที', 'seconds'),
      showWhen: { item: 'tug_unable', op: 'eq', value: false },
    },
  ],
  scoring: {
    dimensions: [
      {
        code: 'falls',
        label: t('ความเสี่ยงต่อการหกล้ม', 'Falls risk'),
        score: {
          kind: 'derived',
          fn: 'fallRisk',
          inputs: { tugSeconds: 'tug_seconds', tugUnable: 'tug_unable', fell: 'fell' },
          params: { tugSeconds: 12 },
        },
        worseWhen: 'higher',
        bands: [
          // 1B1200 …ภาวะเสี่ยงหกล้มและมีภาวะถดถอยด้านการเคลื่อนไหว พบว่าไม่มีความเสี่ยง
          band(0, 'no_risk', 'green', t('ไม่มีความเสี่ยง', 'Not at risk'), '1B1200'),
          // 1B1203 …พบว่ามีความเสี่ยง ได้จัดทำ Care Plan: the screening itself only finds the risk, and
          // our care plan follows from it; 1B1201 (plus a health programme) and 1B1202 (referred) record
          // later actions, not the screening.
          band(1, 'at_risk', 'yellow', t('มีความเสี่ยงต่อการหกล้ม', 'At risk of falls'), '1B1203'),
        ],
      },
    ],
    total: false,
    redFlags: [],
    followUps: [],
  },
};
