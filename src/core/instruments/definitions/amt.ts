/**
 * Abbreviated Mental Test (AMT, Hodkinson), as used in the MoPH elders'
 * screening: ten questions, one point for each correct answer. The cut-off
 * (7 or less is abnormal) is common Thai practice, so it is data: the `min`
 * of the normal band.
 */
import type { InstrumentDefinition, Item } from '../definition.ts';
import { band, CORRECT_OR_NOT, t, yesNo } from './build.ts';

const item = (code: string, th: string, en: string, help?: [string, string]): Item =>
  yesNo(code, t(th, en), CORRECT_OR_NOT, { dimension: 'cognition', ...(help ? { help: t(...help) } : {}) });

export const amt: InstrumentDefinition = {
  code: 'amt',
  version: 1,
  title: t('แบบทดสอบสมรรถภาพสมองแบบย่อ (AMT)', 'Abbreviated Mental Test (AMT)'),
  description: t('ตอบถูกได้ข้อละ 1 คะแนน', 'One point for each correct answer'),
  items: [
    item('age', 'อายุเท่าไร', 'How old are you?'),
    item('time', 'ขณะนี้เป็นเวลาประมาณกี่โมง (ถูกต้องในช่วง 1 ชั่วโมง)', 'What time is it (to the nearest hour)?'),
    item(
      'address_recall',
      'จำที่อยู่ที่บอกไว้ตอนเริ่มทดสอบได้ (เช่น 42 ถนนสุขุมวิท)',
      'Recalls the address given at the start (e.g. 42 Sukhumvit Road)',
      [
        'บอกที่อยู่ให้จำก่อนเริ่มคำถาม แล้วถามซ้ำเมื่อจบการทดสอบ',
        'Give the address before the first question and ask for it at the end',
      ],
    ),
    item('year', 'ปีนี้ปีอะไร (พ.ศ.)', 'What year is it?'),
    item('place', 'ขณะนี้อยู่ที่ไหน (ชื่อสถานที่)', 'What is the name of this place?'),
    item(
      'recognise_two',
      'บอกได้ว่าบุคคลสองคนที่เห็นเป็นใคร (เช่น หมอ พยาบาล อสม.)',
      'Recognises two people (e.g. doctor, nurse, volunteer)',
    ),
    item('birth_date', 'วันเดือนปีเกิดของท่าน', 'What is your date of birth?'),
    item(
      'past_event',
      'ปีที่เกิดเหตุการณ์สำคัญในอดีตที่รู้จักกันทั่วไป (เช่น ปีที่สงครามโลกครั้งที่ 2 สิ้นสุด)',
      'The year of a well-known past event (e.g. the end of World War II)',
    ),
    item('leader', 'นายกรัฐมนตรีคนปัจจุบันชื่ออะไร', 'What is the name of the current prime minister?'),
    item('count_back', 'นับถอยหลังจาก 20 ถึง 1', 'Count backwards from 20 to 1'),
  ],
  scoring: {
    dimensions: [
      {
        code: 'cognition',
        label: t('สมรรถภาพสมอง', 'Cognition'),
        score: { kind: 'sum' },
        worseWhen: 'lower',
        bands: [
          // 1B1223 …โดยแบบ AMT ในผู้สูงอายุพบว่าผิดปกติและส่งไปรักษาต่อ — the table says abnormal → refer.
          band(0, 'abnormal', 'yellow', t('ผิดปกติ ส่งต่อเพื่อประเมินเพิ่มเติม', 'Abnormal: refer'), '1B1223'),
          // 1B1220 การตรวจคัดกรองสมรรถภาพสมอง (ภาวะสมองเสื่อม) โดยแบบAMT ในผู้สูงอายุพบว่าปกติ
          band(8, 'normal', 'green', t('ปกติ', 'Normal'), '1B1220'),
        ],
      },
    ],
    total: false,
    redFlags: [],
    followUps: [],
  },
};
