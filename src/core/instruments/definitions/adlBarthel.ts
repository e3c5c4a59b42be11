/**
 * Barthel Activities of Daily Living index (ดัชนีบาร์เธลเอดีแอล), the Thai
 * version of the MoPH elders' screening: 10 items, total 0–20.
 * Results are stored as codes, never as group numbers: some Thai forms number
 * the ADL groups in reverse.
 */
import type { InstrumentDefinition } from '../definition.ts';
import { band, choice, t } from './build.ts';

const adl = { dimension: 'adl' };

export const adlBarthel: InstrumentDefinition = {
  code: 'adl_barthel',
  version: 1,
  title: t('ดัชนีบาร์เธลเอดีแอล (Barthel ADL Index)', 'Barthel Activities of Daily Living (ADL) index'),
  description: t(
    'ประเมินตามที่ทำได้จริงในช่วง 24–48 ชั่วโมงที่ผ่านมา',
    'Score what the person actually did in the last 24–48 hours',
  ),
  items: [
    choice(
      'feeding',
      t('การรับประทานอาหารเมื่อเตรียมสำรับไว้ให้เรียบร้อยต่อหน้า', 'Feeding, when the meal is set in front of them'),
      [
        [0, 'ไม่สามารถตักอาหารเข้าปากได้ ต้องมีคนป้อนให้', 'Unable; must be fed'],
        [
          1,
          'ตักอาหารเองได้แต่ต้องมีคนช่วย เช่น ช่วยตักเตรียมไว้ให้หรือตัดเป็นชิ้นเล็ก ๆ',
          'Needs help, e.g. food cut up or put on the spoon',
        ],
        [2, 'ตักอาหารและช่วยตัวเองได้เป็นปกติ', 'Independent'],
      ],
      adl,
    ),
    choice(
      'grooming',
      t(
        'ล้างหน้า หวีผม แปรงฟัน โกนหนวด ในระยะ 24–48 ชั่วโมงที่ผ่านมา',
        'Grooming: face, hair, teeth, shaving (last 24–48 hours)',
      ),
      [
        [0, 'ต้องการความช่วยเหลือ', 'Needs help'],
        [1, 'ทำเองได้ (รวมทั้งที่ทำได้เองถ้าเตรียมอุปกรณ์ไว้ให้)', 'Independent (implements may be provided)'],
      ],
      adl,
    ),
    choice(
      'transfer',
      t('ลุกนั่งจากที่นอน หรือจากเตียงไปยังเก้าอี้', 'Transfer from bed to chair and back'),
      [
        [
          0,
          'ไม่สามารถนั่งได้ (นั่งแล้วจะล้มเสมอ) หรือต้องใช้คนสองคนช่วยกันยกขึ้น',
          'Unable to sit, or needs two people to lift',
        ],
        [
          1,
          'ต้องการความช่วยเหลืออย่างมากจึงจะนั่งได้ เช่น ต้องใช้คนที่แข็งแรงหรือมีทักษะ 1 คน',
          'Major help (one strong or skilled person) to sit',
        ],
        [
          2,
          'ต้องการความช่วยเหลือบ้าง เช่น บอกให้ทำตาม หรือช่วยพยุงเล็กน้อย หรือต้องมีคนดูแลเพื่อความปลอดภัย',
          'Minor help: verbal or a little physical, or supervision for safety',
        ],
        [3, 'ทำได้เอง', 'Independent'],
      ],
      adl,
    ),
    choice(
      'toilet_use',
      t('การใช้ห้องน้ำ', 'Toilet use'),
      [
        [0, 'ช่วยตัวเองไม่ได้', 'Dependent'],
        [
          1,
          'ทำเองได้บ้าง (อย่างน้อยทำความสะอาดตัวเองได้หลังเสร็จธุระ) แต่ต้องการความช่วยเหลือในบางสิ่ง',
          'Needs some help, but can at least clean themselves',
        ],
        [
          2,
          'ช่วยตัวเองได้ดี (ขึ้นนั่งและลงจากโถส้วมเองได้ ทำความสะอาดได้เรียบร้อย ถอดใส่เสื้อผ้าได้)',
          'Independent (on and off, cleaning, clothes)',
        ],
      ],
      adl,
    ),
    choice(
      'mobility',
      t('การเคลื่อนที่ภายในห้องหรือบ้าน', 'Mobility inside the room or house'),
      [
        [0, 'เคลื่อนที่ไปไหนไม่ได้', 'Immobile'],
        [
          1,
          'ต้องใช้รถเข็นช่วยตัวเองให้เคลื่อนที่ได้เอง (ไม่ต้องมีคนเข็นให้) และเข้าออกมุมห้องหรือประตูได้',
          'Independent in a wheelchair, including corners and doors',
        ],
        [
          2,
          'เดินหรือเคลื่อนที่โดยมีคนช่วย เช่น พยุง หรือบอกให้ทำตาม หรือต้องดูแลเพื่อความปลอดภัย',
          'Walks with the help of one person (physical, verbal or supervision)',
        ],
        [3, 'เดินหรือเคลื่อนที่ได้เอง', 'Independent (may use an aid)'],
      ],
      adl,
    ),
    choice(
      'dressing',
      t('การสวมใส่เสื้อผ้า', 'Dressing'),
      [
        [0, 'ต้องมีคนสวมใส่ให้ ช่วยตัวเองแทบไม่ได้หรือได้น้อย', 'Dependent'],
        [1, 'ช่วยตัวเองได้ประมาณร้อยละ 50 ที่เหลือต้องมีคนช่วย', 'Does about half, needs help with the rest'],
        [
          2,
          'ช่วยตัวเองได้ดี (รวมทั้งการติดกระดุม รูดซิป หรือใช้เสื้อผ้าที่ดัดแปลงให้เหมาะสม)',
          'Independent (buttons, zips, adapted clothes)',
        ],
      ],
      adl,
    ),
    choice(
      'stairs',
      t('การขึ้นลงบันได 1 ชั้น', 'Stairs (one floor)'),
      [
        [0, 'ไม่สามารถทำได้', 'Unable'],
        [1, 'ต้องการคนช่วย', 'Needs help'],
        [
          2,
          'ขึ้นลงได้เอง (ถ้าใช้เครื่องช่วยเดิน เช่น walker ต้องเอาขึ้นลงได้ด้วย)',
          'Independent (carrying any walking aid)',
        ],
      ],
      adl,
    ),
    choice(
      'bathing',
      t('การอาบน้ำ', 'Bathing'),
      [
        [0, 'ต้องมีคนช่วยหรือทำให้', 'Dependent'],
        [1, 'อาบน้ำเองได้', 'Independent'],
      ],
      adl,
    ),
    choice(
      'bowels',
      t('การกลั้นการถ่ายอุจจาระในระยะ 1 สัปดาห์ที่ผ่านมา', 'Bowel control in the last week'),
      [
        [0, 'กลั้นไม่ได้ หรือต้องการการสวนอุจจาระอยู่เสมอ', 'Incontinent, or needs enemas'],
        [1, 'กลั้นไม่ได้บางครั้ง (น้อยกว่า 1 ครั้งต่อสัปดาห์)', 'Occasional accident (less than once a week)'],
        [2, 'กลั้นได้เป็นปกติ', 'Continent'],
      ],
      adl,
    ),
    choice(
      'bladder',
      t('การกลั้นปัสสาวะในระยะ 1 สัปดาห์ที่ผ่านมา', 'Bladder control in the last week'),
      [
        [
          0,
          'กลั้นไม่ได้ หรือใส่สายสวนปัสสาวะแต่ไม่สามารถดูแลเองได้',
          'Incontinent, or catheterised and unable to manage',
        ],
        [1, 'กลั้นไม่ได้บางครั้ง (น้อยกว่าวันละ 1 ครั้ง)', 'Occasional accident (less than once a day)'],
        [2, 'กลั้นได้เป็นปกติ', 'Continent'],
      ],
      adl,
    ),
  ],
  scoring: {
    dimensions: [
      {
        code: 'adl',
        label: t('ความสามารถในการทำกิจวัตรประจำวัน', 'Activities of daily living'),
        score: { kind: 'sum' },
        worseWhen: 'lower',
        bands: [
          // 1B1282 …ภาวะติดเตียง (ADL 0-4 คะแนน) และได้รับการจัดทำ Care Plan
          band(0, 'bed_bound', 'red', t('ติดเตียง', 'Bed-bound'), '1B1282'),
          // 1B1281 …ช่วยเหลือตัวเองได้บ้าง / บางส่วน /ติดบ้าน (ADL 5-11 คะแนน) และได้รับการจัดทำ Care Plan
          band(5, 'home_bound', 'yellow', t('ติดบ้าน', 'Home-bound'), '1B1281'),
          // 1B1280 …ช่วยเหลือตัวเองได้ /ติดสังคม (ADL 12-20 คะแนน) และได้รับการจัดทำ Care Plan
          band(12, 'social_bound', 'green', t('ติดสังคม', 'Social-bound'), '1B1280'),
        ],
      },
    ],
    total: false,
    redFlags: [],
    followUps: [],
  },
};
