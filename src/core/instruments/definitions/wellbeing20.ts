/**
 * The 20-item individual well-being screening (INSTRUMENTS.md §1): five
 * items in each of four dimensions, each answered 0 fine / 1 at risk /
 * 2 problem. Our own design, aligned with TPMAP and the basic-minimum-needs
 * survey (จปฐ.); no MoPH SPECIALPP code exists for it.
 */
import type { InstrumentDefinition, Item } from '../definition.ts';
import { band, choice, t } from './build.ts';

type Answer = readonly [th: string, en: string];

/** One item: its question and its three answers, fine → problem. */
function item(
  code: string,
  dimension: string,
  question: Answer,
  answers: readonly [Answer, Answer, Answer],
): Item {
  const [fine, atRisk, problem] = answers;
  return choice(
    code,
    t(...question),
    [
      [0, ...fine],
      [1, ...atRisk],
      [2, ...problem],
    ],
    { dimension },
  );
}

const health: Item[] = [
  item(
    'H1',
    'health',
    ['โรคประจำตัว (โรคเรื้อรัง)', 'Chronic disease'],
    [
      ['ไม่มีโรคประจำตัว', 'None'],
      ['มี ควบคุมได้', 'Has one, controlled'],
      ['มี ควบคุมไม่ได้หรือไม่ได้รักษา', 'Uncontrolled or untreated'],
    ],
  ),
  item(
    'H2',
    'health',
    ['การทำกิจวัตรประจำวัน', 'Daily activities'],
    [
      ['ทำได้เอง', 'Independent'],
      ['ต้องมีคนช่วยบ้าง', 'Needs some help'],
      ['ต้องพึ่งผู้อื่น (ติดบ้านหรือติดเตียง)', 'Dependent (home- or bed-bound)'],
    ],
  ),
  item(
    'H3',
    'health',
    [
      'อารมณ์ (2Q) ใน 2 สัปดาห์ที่ผ่านมา: รู้สึกหดหู่ เศร้า หรือท้อแท้สิ้นหวัง และรู้สึกเบื่อ ทำอะไรก็ไม่เพลิดเพลิน',
      'Mood (2Q) in the last 2 weeks: felt down, sad or hopeless; lost interest or pleasure in doing things',
    ],
    [
      ['ไม่มีทั้งสองข้อ', 'No to both'],
      ['มี 1 ข้อ', 'Yes to one'],
      ['มีทั้งสองข้อ', 'Yes to both'],
    ],
  ),
  item(
    'H4',
    'health',
    [
      'พฤติกรรมเสี่ยง (สูบบุหรี่ ดื่มสุรา ไม่ออกกำลังกาย กินอาหารไม่เหมาะสม)',
      'Risk behaviour (smoking, alcohol, inactivity, unsafe diet)',
    ],
    [
      ['ไม่มี', 'None'],
      ['มี 1 อย่าง', 'One'],
      ['มี 2 อย่างขึ้นไป', 'Two or more'],
    ],
  ),
  item(
    'H5',
    'health',
    ['การเข้าถึงการรักษาและยา', 'Access to care and medicines'],
    [
      ['ได้รับสม่ำเสมอ', 'Regular'],
      ['เข้าถึงได้ลำบาก', 'Difficult'],
      ['ไม่ได้รับเลย', 'None'],
    ],
  ),
];

const economy: Item[] = [
  item(
    'E1',
    'economy',
    ['รายได้ของครัวเรือน', 'Household income'],
    [
      ['พอใช้และมีเงินออม', 'Enough, with savings'],
      ['พอใช้แบบเดือนชนเดือน', 'Just enough'],
      ['ไม่พอใช้', 'Not enough'],
    ],
  ),
  item(
    'E2',
    'economy',
    ['หนี้สิน', 'Debt'],
    [
      ['ไม่มีหนี้', 'None'],
      ['มีหนี้ ผ่อนชำระได้', 'Manageable'],
      ['หนี้ล้นพ้นตัว', 'Overwhelming'],
    ],
  ),
  item(
    'E3',
    'economy',
    ['งานหรืออาชีพ', 'Work or occupation'],
    [
      ['มีงานมั่นคง หรือเกษียณแล้วมีรายได้', 'Stable, or retired with an income'],
      ['งานไม่แน่นอน', 'Irregular'],
      ['ไม่มีงานและต้องการงาน', 'None, and needs one'],
    ],
  ),
  item(
    'E4',
    'economy',
    [
      'สวัสดิการที่มีสิทธิได้รับ (เบี้ยยังชีพผู้สูงอายุ เบี้ยความพิการ บัตรสวัสดิการแห่งรัฐ)',
      'Welfare the person is entitled to (elderly or disability allowance, state welfare card)',
    ],
    [
      ['ได้รับครบ', 'Receives all'],
      ['ได้รับบางส่วน', 'Receives some'],
      ['ไม่ได้รับเลย', 'Receives none'],
    ],
  ),
  item(
    'E5',
    'economy',
    ['อาหาร', 'Food'],
    [
      ['มีกินพอเพียง', 'Enough'],
      ['บางครั้งไม่พอกิน', 'Sometimes short'],
      ['มักไม่พอกิน', 'Often not enough'],
    ],
  ),
];

const society: Item[] = [
  item(
    'S1',
    'society',
    ['การอยู่อาศัยและผู้ดูแล', 'Living arrangement and care'],
    [
      ['อยู่กับผู้ดูแล', 'Lives with a carer'],
      ['อยู่ลำพังแต่มีคนช่วยดูแล', 'Alone but helped'],
      ['อยู่ลำพังไม่มีคนช่วย', 'Alone without help'],
    ],
  ),
  item(
    'S2',
    'society',
    ['ความสัมพันธ์ในครอบครัว', 'Family relationships'],
    [
      ['ดี', 'Good'],
      ['ตึงเครียด', 'Strained'],
      ['มีความรุนแรงหรือถูกทอดทิ้ง', 'Violence or neglect'],
    ],
  ),
  item(
    'S3',
    'society',
    ['การมีส่วนร่วมในสังคม', 'Social participation'],
    [
      ['เข้าร่วมสม่ำเสมอ', 'Active'],
      ['เข้าร่วมบางครั้ง', 'Occasional'],
      ['แยกตัว', 'Isolated'],
    ],
  ),
  item(
    'S4',
    'society',
    [
      'เอกสารทางทะเบียน (บัตรประชาชน ทะเบียนบ้าน สิทธิต่าง ๆ)',
      'Civil documents (ID card, house registration, rights)',
    ],
    [
      ['ครบถ้วน', 'Complete'],
      ['มีปัญหา', 'Problems'],
      ['ไม่มี', 'Missing'],
    ],
  ),
  item(
    'S5',
    'society',
    ['การอ่านออกเขียนได้และความรอบรู้ด้านสุขภาพ', 'Reading and health literacy'],
    [
      ['อ่านและเข้าใจได้', 'Understands'],
      ['เข้าใจได้บางส่วน', 'Partly'],
      ['อ่านหรือเข้าใจไม่ได้', 'Cannot'],
    ],
  ),
];

const environment: Item[] = [
  item(
    'V1',
    'environment',
    ['สภาพที่อยู่อาศัย', 'Housing'],
    [
      ['มั่นคงปลอดภัย', 'Safe'],
      ['ต้องซ่อมแซม', 'Needs repair'],
      ['ไม่ปลอดภัย', 'Unsafe'],
    ],
  ),
  item(
    'V2',
    'environment',
    ['ความเสี่ยงในบ้าน (การหกล้ม บันได ห้องน้ำ)', 'Hazards in the home (falls, stairs, bathroom)'],
    [
      ['ปลอดภัย', 'Safe'],
      ['มีความเสี่ยงบ้าง', 'Some'],
      ['เสี่ยงมากสำหรับผู้นี้', 'Severe for this person'],
    ],
  ),
  item(
    'V3',
    'environment',
    ['น้ำดื่มน้ำใช้ ห้องส้วม และสุขาภิบาล', 'Water, toilet, sanitation'],
    [
      ['เพียงพอ', 'Adequate'],
      ['เพียงพอบางส่วน', 'Partly'],
      ['ไม่เพียงพอ', 'Inadequate'],
    ],
  ),
  item(
    'V4',
    'environment',
    ['สภาพแวดล้อมรอบบ้าน (ขยะ มลพิษ น้ำท่วม)', 'Surroundings (waste, pollution, floods)'],
    [
      ['ดี', 'Good'],
      ['พอใช้', 'Fair'],
      ['แย่', 'Poor'],
    ],
  ),
  item(
    'V5',
    'environment',
    ['การเดินทางไปรับบริการ (พาหนะ ระยะทาง)', 'Getting to services (transport, distance)'],
    [
      ['สะดวก', 'Easy'],
      ['ลำบากบ้าง', 'Limited'],
      ['ไปไม่ได้', 'None'],
    ],
  ),
];

/** Dimension score 0–10: green 0–2, yellow 3–5, red 6–10. */
const bands = [
  band(0, 'fine', 'green', t('ปกติ', 'Fine')),
  band(3, 'at_risk', 'yellow', t('เสี่ยง', 'At risk')),
  band(6, 'problem', 'red', t('มีปัญหา', 'Problem')),
];

const dimension = (code: string, th: string, en: string) => ({
  code,
  label: t(th, en),
  score: { kind: 'sum' as const },
  worseWhen: 'higher' as const,
  bands,
});

export const wellbeing20: InstrumentDefinition = {
  code: 'wellbeing20',
  version: 1,
  title: t('แบบคัดกรองความเป็นอยู่รายบุคคล 20 ข้อ (4 มิติ)', '20-item individual well-being screening'),
  description: t(
    'สุขภาพ เศรษฐกิจ สังคม สภาพแวดล้อม มิติละ 5 ข้อ: 0 = ปกติ, 1 = เสี่ยง, 2 = มีปัญหา',
    'Health, economy, society and environment, five items each: 0 = fine, 1 = at risk, 2 = problem',
  ),
  items: [...health, ...economy, ...society, ...environment],
  scoring: {
    dimensions: [
      dimension('health', 'สุขภาพ', 'Health'),
      dimension('economy', 'เศรษฐกิจ', 'Economy'),
      dimension('society', 'สังคม', 'Society'),
      dimension('environment', 'สภาพแวดล้อม', 'Environment'),
    ],
    total: true,
    // Exactly the four of INSTRUMENTS.md: each makes its dimension red and raises an alert whatever the sum.
    redFlags: [
      { flag: 'depressed_mood', when: { item: 'H3', op: 'eq', value: 2 }, forcesRed: 'health' },
      { flag: 'hunger', when: { item: 'E5', op: 'eq', value: 2 }, forcesRed: 'economy' },
      { flag: 'possible_abuse', when: { item: 'S2', op: 'eq', value: 2 }, forcesRed: 'society' },
      { flag: 'unsafe_home', when: { item: 'V1', op: 'eq', value: 2 }, forcesRed: 'environment' },
    ],
    followUps: [
      { when: { item: 'H3', op: 'eq', value: 2 }, instrument: '9q', reason: 'depressed_mood', urgent: false },
    ],
  },
};
