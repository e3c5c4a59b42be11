/**
 * The platform's library of proven activities that individual well-being plans are drafted from
 * (DOMAIN.md step 7: "drawn from proven practice"). Each is a service or a practice that exists in
 * Thai communities today — by the Ministry of Public Health and its sub-district hospitals, local
 * governments, the Ministry of Social Development and Human Security (พม.), ThaiHealth (สสส.),
 * community organisations and volunteers — so a volunteer can act on it without inventing anything.
 *
 * `code` is the stable key the seed upserts by (`activity.code`); never rename one. `addresses`
 * holds well-being item codes (H1…V5) and needs codes of the current instrument definitions
 * (checked by the unit test). Providers are organisation types of `schemas/organization.ts`.
 */
import type { AdlGroup } from '../persons/vulnerability.ts';
import type { OrganizationType } from '../schemas/organization.ts';
import type { ActivityCreate, ActivityMode, PlanDimension } from '../schemas/plan.ts';

export type { AdlGroup };

export interface LibraryActivity {
  /** Stable kebab-case key. */
  readonly code: string;
  readonly dimension: PlanDimension;
  readonly titleTh: string;
  readonly titleEn: string;
  readonly descriptionTh: string;
  readonly descriptionEn: string;
  /** How to do it, in plain words. */
  readonly howTh: string;
  readonly howEn: string;
  /** Well-being item codes and needs codes it addresses. */
  readonly addresses: readonly string[];
  readonly modes: readonly ActivityMode[];
  readonly durationWeeks: number;
  /** Organisation types that deliver or support it. */
  readonly providerTypes: readonly OrganizationType[];
  /** ADL groups it suits; empty: any. */
  readonly adlGroups: readonly AdlGroup[];
  readonly minAge?: number;
  readonly maxAge?: number;
  /** Where the practice comes from. */
  readonly source: string;
}

const SOCIAL: readonly AdlGroup[] = ['social_bound'];
const NOT_BED: readonly AdlGroup[] = ['social_bound', 'home_bound'];
const DEPENDENT: readonly AdlGroup[] = ['home_bound', 'bed_bound'];
const ANY: readonly AdlGroup[] = [];

const health: LibraryActivity[] = [
  {
    code: 'elder-exercise-group',
    dimension: 'health',
    titleTh: 'กลุ่มเดินและออกกำลังกายผู้สูงอายุ',
    titleEn: 'Walking and exercise group for elders',
    descriptionTh:
      'ออกกำลังกายเป็นกลุ่มในหมู่บ้าน เช่น เดินเร็ว รำไม้พลอง ยางยืด สัปดาห์ละอย่างน้อย 3 วัน ช่วยคุมความดันและน้ำตาล ทรงตัวดีขึ้น ลดการหกล้ม และได้พบเพื่อน',
    descriptionEn:
      'Group exercise in the village — brisk walking, stick dancing (ram mai phlong), elastic bands — at least three days a week. It helps control blood pressure and sugar, improves balance, prevents falls and brings people together.',
    howTh:
      'ชวนเข้ากลุ่มของชมรมผู้สูงอายุหรือ อสม. ที่ลานวัด ศาลา หรือ รพ.สต. ช่วงเช้าหรือเย็น เริ่มวันละ 15 นาทีแล้วเพิ่มเป็น 30 นาที ผู้มีโรคหัวใจหรือความดันสูงมากให้ถาม รพ.สต. ก่อน',
    howEn:
      'Join the elders’ club or village health volunteers’ group at the temple yard, village hall or health centre, mornings or evenings. Start with 15 minutes a day and build up to 30. People with heart disease or very high blood pressure ask the health centre first.',
    addresses: ['H4', 'H1', 'S3', 'social_activities'],
    modes: ['group', 'self'],
    durationWeeks: 12,
    providerTypes: ['shph', 'community_organization', 'lao', 'volunteer_group'],
    adlGroups: SOCIAL,
    minAge: 50,
    source: 'กรมอนามัย (ผู้สูงอายุออกกำลังกาย 150 นาทีต่อสัปดาห์); ชมรมผู้สูงอายุ; รำไม้พลองป้าบุญมี',
  },
  {
    code: 'weekly-medicine-box',
    dimension: 'health',
    titleTh: 'กล่องยารายสัปดาห์และการเตือนกินยา',
    titleEn: 'Weekly medicine box with reminders',
    descriptionTh:
      'จัดยาใส่กล่องแบ่งช่องเช้า กลางวัน เย็น ก่อนนอน ทีละสัปดาห์ และมีคนเตือนให้กินตรงเวลา ลดการลืมกินยาและกินยาซ้ำของผู้ป่วยโรคเรื้อรัง',
    descriptionEn:
      'Medicines are sorted once a week into a box with morning, noon, evening and bedtime slots, and someone reminds the person to take them on time. It prevents missed and double doses in chronic disease.',
    howTh:
      'อสม. หรือญาติจัดยาลงกล่องทุกสัปดาห์ตามซองยาของโรงพยาบาล ตั้งนาฬิกาปลุกหรือให้ลูกหลานโทรเตือน อสม. ตรวจกล่องตอนเยี่ยมบ้าน ถ้ายาเหลือมากหรือหมดก่อนนัดให้แจ้ง รพ.สต.',
    howEn:
      'A village health volunteer or relative fills the box every week from the hospital’s medicine packets; an alarm or a phone call from family reminds the person. The volunteer checks the box at home visits and tells the health centre when pills are left over or run out early.',
    addresses: ['H1', 'H5', 'S5', 'medicines'],
    modes: ['self', 'family'],
    durationWeeks: 12,
    providerTypes: ['shph', 'volunteer_group'],
    adlGroups: ANY,
    source: 'รพ.สต. และ อสม. งานเยี่ยมบ้านผู้ป่วยโรคเรื้อรัง; เภสัชกรรมปฐมภูมิ',
  },
  {
    code: 'chronic-disease-clinic',
    dimension: 'health',
    titleTh: 'ตรวจติดตามโรคเรื้อรังที่ รพ.สต. ตามนัด',
    titleEn: 'Chronic-disease follow-up at the health centre',
    descriptionTh:
      'ไปตามนัดคลินิกความดันโลหิตสูงและเบาหวานที่ รพ.สต. หรือโรงพยาบาล เพื่อวัดความดัน เจาะน้ำตาล ตรวจเลือดประจำปี และปรับยา',
    descriptionEn:
      'Keep the appointments of the hypertension and diabetes clinic at the sub-district health centre or hospital: blood pressure, blood sugar, yearly blood tests and medicine adjustments.',
    howTh:
      'จดวันนัดไว้ในสมุดประจำตัวผู้ป่วย อสม. เตือนก่อนวันนัด ถ้าไม่มีคนพาไปให้ขอรถรับส่งของ อปท. ผู้ที่ไม่เคยรักษาให้ไปคัดกรองที่ รพ.สต. ก่อน',
    howEn:
      'Write the dates in the patient booklet; the volunteer reminds the day before. Without a ride, ask the local government’s patient transport. Someone never treated starts with a screening at the health centre.',
    addresses: ['H1', 'H5', 'medicines'],
    modes: ['self', 'agency'],
    durationWeeks: 26,
    providerTypes: ['shph', 'hospital'],
    adlGroups: NOT_BED,
    source: 'กระทรวงสาธารณสุข คลินิกโรคไม่ติดต่อเรื้อรัง (NCD) ใน รพ.สต.',
  },
  {
    code: 'volunteer-home-check',
    dimension: 'health',
    titleTh: 'อสม. เยี่ยมบ้าน วัดความดันและน้ำตาล',
    titleEn: 'Village health volunteer home checks',
    descriptionTh:
      'อสม. ประจำคุ้มเยี่ยมบ้านเดือนละ 1–2 ครั้ง วัดความดัน เจาะน้ำตาลปลายนิ้ว ถามอาการ และส่งต่อ รพ.สต. เมื่อค่าผิดปกติ',
    descriptionEn:
      'The neighbourhood’s village health volunteer visits once or twice a month, measures blood pressure and finger-prick sugar, asks about symptoms and refers to the health centre when readings are off.',
    howTh:
      'แจ้ง รพ.สต. ให้จัด อสม. ประจำบ้าน บันทึกค่าที่วัดทุกครั้งลงสมุดหรือแอป ถ้าความดันตั้งแต่ 180/110 หรือน้ำตาลสูงมาก ให้ อสม. ติดต่อ รพ.สต. ทันที',
    howEn:
      'Ask the health centre to assign a volunteer to the household. Each reading goes into the booklet or the app. At 180/110 or above, or a very high sugar, the volunteer calls the health centre at once.',
    addresses: ['H1', 'H5', 'home_visit'],
    modes: ['agency'],
    durationWeeks: 26,
    providerTypes: ['shph', 'volunteer_group'],
    adlGroups: ANY,
    source: 'กรมสนับสนุนบริการสุขภาพ อสม. หมอประจำบ้าน',
  },
  {
    code: 'ltc-caregiver-home-care',
    dimension: 'health',
    titleTh: 'ผู้ดูแล (Caregiver) ดูแลที่บ้านตามแผนการดูแลระยะยาว',
    titleEn: 'Home care by a caregiver under the long-term care plan',
    descriptionTh:
      'ผู้ที่มีภาวะพึ่งพิงได้รับการดูแลที่บ้านจากผู้ดูแล (Caregiver) ตามแผนการดูแลรายบุคคล (Care Plan) ที่ผู้จัดการการดูแล (Care Manager) ทำไว้ เช่น พลิกตัว ทำแผล ฝึกเคลื่อนไหว ดูแลการกินและการขับถ่าย',
    descriptionEn:
      'A dependent person is cared for at home by a trained caregiver following the individual care plan written by the care manager: turning, wound care, movement exercises, help with eating and toileting.',
    howTh:
      'แจ้ง รพ.สต. หรือ อปท. ให้ Care Manager ประเมินคะแนน ADL และเขียนแผน กองทุนดูแลระยะยาวของ อปท. จ่ายค่าบริการ Caregiver มาเยี่ยมตามจำนวนครั้งในแผน ญาติเรียนรู้วิธีดูแลไปด้วย',
    howEn:
      'Tell the health centre or local government; the care manager scores ADL and writes the plan. The local long-term care fund pays for the service, and the caregiver comes as often as the plan says while the family learns the care.',
    addresses: ['H2', 'S1', 'home_visit', 'carer'],
    modes: ['agency', 'family'],
    durationWeeks: 52,
    providerTypes: ['shph', 'lao', 'hospital'],
    adlGroups: DEPENDENT,
    source: 'สปสช. กองทุนดูแลระยะยาวสำหรับผู้มีภาวะพึ่งพิง (LTC) ผ่าน อปท.; Care Manager และ Caregiver',
  },
  {
    code: 'home-rehabilitation',
    dimension: 'health',
    titleTh: 'กายภาพบำบัดและฟื้นฟูสมรรถภาพที่บ้าน',
    titleEn: 'Physiotherapy and rehabilitation at home',
    descriptionTh:
      'นักกายภาพบำบัดหรือทีมฟื้นฟูมาสอนท่าบริหารที่บ้าน สำหรับผู้ป่วยหลังโรคหลอดเลือดสมอง ข้อเข่าเสื่อม หรือหลังผ่าตัด เพื่อให้กลับมาทำกิจวัตรได้เองมากขึ้น',
    descriptionEn:
      'A physiotherapist or rehabilitation team teaches exercises at home after a stroke, with knee osteoarthritis or after surgery, so the person can do more of their daily activities alone.',
    howTh:
      'ขอให้ รพ.สต. ส่งต่อทีมฟื้นฟูของโรงพยาบาลหรือศูนย์ฟื้นฟูของ อบจ. ทำท่าบริหารทุกวันตามที่สอนโดยมีญาติช่วย นัดประเมินซ้ำทุกเดือน',
    howEn:
      'Ask the health centre to refer to the hospital’s rehabilitation team or the provincial rehabilitation centre. Do the exercises every day with a relative’s help; reassess monthly.',
    addresses: ['H2', 'rehabilitation', 'home_visit'],
    modes: ['agency', 'family'],
    durationWeeks: 12,
    providerTypes: ['hospital', 'shph', 'pao'],
    adlGroups: ANY,
    source: 'กองทุนฟื้นฟูสมรรถภาพที่จำเป็นต่อสุขภาพระดับจังหวัด (สปสช. ร่วมกับ อบจ.)',
  },
  {
    code: 'dental-check',
    dimension: 'health',
    titleTh: 'ตรวจฟันและทำฟันเทียมที่ รพ.สต.',
    titleEn: 'Dental check and dentures at the health centre',
    descriptionTh:
      'ตรวจสุขภาพช่องปาก ขูดหินปูน อุดหรือถอนฟัน และทำฟันเทียมสำหรับผู้ที่ฟันหายหลายซี่ เพื่อให้เคี้ยวอาหารได้และกินได้ครบหมู่',
    descriptionEn:
      'Oral check-up, scaling, fillings or extractions, and dentures for people who have lost many teeth, so they can chew and eat a full diet.',
    howTh:
      'นัดตรวจที่ รพ.สต. ที่มีทันตาภิบาลหรือหน่วยทันตกรรมเคลื่อนที่ ผู้สูงอายุที่ต้องการฟันเทียมให้ลงชื่อรับบริการฟันเทียมโดยไม่เสียค่าใช้จ่ายตามสิทธิ แปรงฟันด้วยยาสีฟันผสมฟลูออไรด์วันละ 2 ครั้ง',
    howEn:
      'Book at a health centre with a dental nurse, or at the mobile dental unit. Elders who need dentures sign up for free dentures under their health rights. Brush twice a day with fluoride toothpaste.',
    addresses: ['H5'],
    modes: ['self', 'agency'],
    durationWeeks: 8,
    providerTypes: ['shph', 'hospital'],
    adlGroups: NOT_BED,
    source: 'กรมอนามัย โครงการฟันเทียมพระราชทาน; บริการทันตกรรมใน รพ.สต.',
  },
  {
    code: 'eye-check-glasses',
    dimension: 'health',
    titleTh: 'ตรวจตา คัดกรองต้อกระจก และรับแว่นสายตา',
    titleEn: 'Eye check, cataract screening and glasses',
    descriptionTh:
      'ตรวจสายตาและคัดกรองต้อกระจกหรือต้อหิน ผู้ที่สายตายาวหรือสั้นได้แว่นที่พอดี ผู้ที่เป็นต้อกระจกได้ส่งต่อผ่าตัด ช่วยให้อ่านฉลากยาได้และลดการหกล้ม',
    descriptionEn:
      'Vision test and screening for cataract or glaucoma. People with poor sight get fitting glasses; those with cataract are referred for surgery. Helps reading medicine labels and prevents falls.',
    howTh:
      'อสม. คัดกรองสายตาเบื้องต้นด้วยแผ่นวัดสายตา แล้วส่งต่อ รพ.สต. หรือหน่วยตรวจตาเคลื่อนที่ ผ่าตัดต้อกระจกใช้สิทธิหลักประกันสุขภาพ',
    howEn:
      'A volunteer does a first check with a vision chart and refers to the health centre or a mobile eye unit. Cataract surgery is covered by the universal health scheme.',
    addresses: ['H5', 'S5'],
    modes: ['agency'],
    durationWeeks: 8,
    providerTypes: ['shph', 'hospital', 'foundation'],
    adlGroups: NOT_BED,
    source: 'สปสช. สิทธิผ่าตัดต้อกระจก; คัดกรองสายตาผู้สูงอายุโดย อสม. และ รพ.สต.',
  },
  {
    code: 'hearing-check',
    dimension: 'health',
    titleTh: 'ตรวจการได้ยินและรับเครื่องช่วยฟัง',
    titleEn: 'Hearing check and hearing aid',
    descriptionTh:
      'ตรวจการได้ยินเมื่อต้องพูดซ้ำหรือเปิดโทรทัศน์เสียงดัง ผู้ที่หูตึงมากได้รับเครื่องช่วยฟังตามสิทธิ ทำให้คุยกับคนอื่นได้และไม่แยกตัว',
    descriptionEn:
      'A hearing test when others must repeat themselves or the TV is loud. People with marked hearing loss get a hearing aid under their rights, so they can talk with others and do not withdraw.',
    howTh:
      'ให้ รพ.สต. ส่งต่อแผนกหู คอ จมูก ของโรงพยาบาล ผู้ที่ผ่านเกณฑ์ความพิการทางการได้ยินให้จดทะเบียนคนพิการเพื่อรับเครื่องช่วยฟัง',
    howEn:
      'The health centre refers to the hospital’s ear, nose and throat clinic. People who meet the hearing-disability criteria register as disabled to receive a hearing aid.',
    addresses: ['H5', 'S3', 'assistive_device'],
    modes: ['agency'],
    durationWeeks: 12,
    providerTypes: ['hospital', 'shph'],
    adlGroups: ANY,
    source: 'สปสช. สิทธิประโยชน์เครื่องช่วยฟังสำหรับคนพิการทางการได้ยิน',
  },
  {
    code: 'mental-health-care',
    dimension: 'health',
    titleTh: 'ดูแลใจ: ประเมิน 9Q และคุยกับทีมสุขภาพจิต',
    titleEn: 'Mental-health care: 9Q and the mental-health team',
    descriptionTh:
      'ผู้ที่รู้สึกเศร้า ท้อแท้ หรือเบื่อหน่าย ได้รับการประเมินซึมเศร้าด้วย 9Q มีคนรับฟังและติดตามอย่างสม่ำเสมอ และส่งต่อแพทย์เมื่อจำเป็น',
    descriptionEn:
      'Someone who feels sad, hopeless or has lost interest is assessed with the 9Q depression scale, listened to and followed up regularly, and referred to a doctor when needed.',
    howTh:
      'รพ.สต. ทำ 9Q และ 8Q ถ้าคะแนนสูงส่งต่อโรงพยาบาล อสม. หรือญาติโทรถามข่าวทุกสัปดาห์ ถ้ามีความคิดทำร้ายตนเองให้โทรสายด่วนสุขภาพจิต 1323 หรือ 1669 ทันที',
    howEn:
      'The health centre does the 9Q and 8Q and refers to hospital when scores are high. A volunteer or relative calls weekly. With thoughts of self-harm, call the mental-health hotline 1323 or 1669 at once.',
    addresses: ['H3', 'mental_health_support'],
    modes: ['agency', 'family'],
    durationWeeks: 12,
    providerTypes: ['shph', 'hospital'],
    adlGroups: ANY,
    source: 'กรมสุขภาพจิต แนวทางคัดกรองซึมเศร้า 2Q 9Q 8Q; สายด่วนสุขภาพจิต 1323',
  },
  {
    code: 'quit-smoking-alcohol',
    dimension: 'health',
    titleTh: 'เลิกบุหรี่และลดละเลิกเหล้า',
    titleEn: 'Quit smoking and cut down on alcohol',
    descriptionTh: 'ตั้งใจเลิกบุหรี่หรือลดเหล้าโดยมีผู้ช่วย เช่น คลินิกเลิกบุหรี่ สายเลิกบุหรี่ 1600 หรือร่วมโครงการงดเหล้าเข้าพรรษา',
    descriptionEn:
      'A supported attempt to quit smoking or drink less: the quit-smoking clinic, the 1600 quitline, or the Buddhist-Lent alcohol pledge.',
    howTh:
      'กำหนดวันเลิกร่วมกับครอบครัว โทร 1600 เพื่อรับคำปรึกษาฟรี หรือไปคลินิกเลิกบุหรี่ที่ รพ.สต. อสม. ถามความคืบหน้าทุกเดือน ผู้ดื่มหนักไม่ควรหยุดทันทีโดยไม่ปรึกษาเจ้าหน้าที่',
    howEn:
      'Set a quit date with the family; call 1600 for free counselling or visit the health centre’s clinic. The volunteer checks in monthly. Heavy drinkers should not stop abruptly without advice.',
    addresses: ['H4', 'H1'],
    modes: ['self', 'family', 'agency'],
    durationWeeks: 12,
    providerTypes: ['shph', 'hospital', 'community_organization'],
    adlGroups: ANY,
    minAge: 12,
    source: 'สสส. งดเหล้าเข้าพรรษา; ศูนย์บริการเลิกบุหรี่ทางโทรศัพท์แห่งชาติ 1600',
  },
  {
    code: 'healthy-diet-3a2s',
    dimension: 'health',
    titleTh: 'ปรับการกิน ลดหวาน มัน เค็ม (3อ. 2ส.)',
    titleEn: 'Healthier eating: less sugar, fat and salt (3E 2S)',
    descriptionTh:
      'ปรับอาหารในบ้านตามหลัก 3อ. 2ส. (อาหาร ออกกำลังกาย อารมณ์ ไม่สูบบุหรี่ ไม่ดื่มสุรา) ลดน้ำตาล น้ำปลา ผงชูรส และของทอด เพิ่มผักและปลา',
    descriptionEn:
      'Change the household’s cooking by the Thai 3E 2S principle (food, exercise, emotion; no smoking, no alcohol): less sugar, fish sauce, MSG and fried food; more vegetables and fish.',
    howTh:
      'ให้คนทำกับข้าวในบ้านร่วมด้วย ใช้ช้อนตวงเครื่องปรุง ชั่งน้ำหนักและวัดรอบเอวเดือนละครั้ง อสม. หรือ รพ.สต. ให้คำแนะนำตามโรคที่เป็น',
    howEn:
      'Involve whoever cooks at home; measure seasonings with a spoon. Weigh and measure the waist monthly. The volunteer or health centre advises according to the person’s illness.',
    addresses: ['H4', 'H1'],
    modes: ['self', 'family', 'group'],
    durationWeeks: 12,
    providerTypes: ['shph', 'volunteer_group'],
    adlGroups: ANY,
    source: 'กรมอนามัย หลัก 3อ. 2ส.; ลดหวาน มัน เค็ม',
  },
  {
    code: 'adult-diapers',
    dimension: 'health',
    titleTh: 'ผ้าอ้อมผู้ใหญ่และแผ่นรองซับตามสิทธิ',
    titleEn: 'Adult diapers and underpads under health rights',
    descriptionTh:
      'ผู้มีภาวะพึ่งพิงที่กลั้นปัสสาวะหรืออุจจาระไม่ได้ ได้รับผ้าอ้อมผู้ใหญ่และแผ่นรองซับโดยไม่เสียค่าใช้จ่าย ลดแผลกดทับและภาระค่าใช้จ่ายของครอบครัว',
    descriptionEn:
      'A dependent person with incontinence receives adult diapers and underpads free of charge, which prevents pressure sores and eases the family’s costs.',
    howTh:
      'แจ้ง รพ.สต. หรือ อปท. ให้ประเมินสิทธิ แล้วรับผ่านกองทุนหลักประกันสุขภาพระดับท้องถิ่น ญาติเปลี่ยนผ้าอ้อมและดูแลผิวหนังตามที่ Caregiver สอน',
    howEn:
      'Ask the health centre or local government to assess eligibility; supplies come through the local health security fund. The family changes diapers and cares for the skin as the caregiver shows.',
    addresses: ['H2', 'adult_diapers'],
    modes: ['agency', 'family'],
    durationWeeks: 26,
    providerTypes: ['lao', 'shph'],
    adlGroups: DEPENDENT,
    source: 'สปสช. สิทธิประโยชน์ผ้าอ้อมผู้ใหญ่และแผ่นรองซับการขับถ่าย ผ่านกองทุนหลักประกันสุขภาพระดับท้องถิ่น',
  },
  {
    code: 'thai-traditional-medicine',
    dimension: 'health',
    titleTh: 'นวดไทยและประคบสมุนไพรที่ รพ.สต.',
    titleEn: 'Thai massage and herbal compress at the health centre',
    descriptionTh:
      'แพทย์แผนไทยนวดและประคบสมุนไพรเพื่อลดปวดเข่า ปวดหลัง และอาการชาหลังโรคหลอดเลือดสมอง ใช้ร่วมกับการรักษาแผนปัจจุบัน',
    descriptionEn:
      'A Thai traditional-medicine practitioner gives massage and herbal compresses for knee and back pain and numbness after a stroke, alongside modern treatment.',
    howTh: 'นัดที่ รพ.สต. ที่มีแพทย์แผนไทย สัปดาห์ละ 1–2 ครั้ง ผู้ที่ออกจากบ้านไม่ได้ขอให้เยี่ยมบ้าน บอกโรคประจำตัวและยาที่กินทุกครั้ง',
    howEn:
      'Book at a health centre with a Thai-medicine practitioner once or twice a week; people who cannot leave home ask for a home visit. Always mention illnesses and medicines.',
    addresses: ['H1', 'H2', 'rehabilitation'],
    modes: ['agency'],
    durationWeeks: 8,
    providerTypes: ['shph', 'hospital'],
    adlGroups: ANY,
    source: 'กรมการแพทย์แผนไทยและการแพทย์ทางเลือก; บริการแพทย์แผนไทยใน รพ.สต.',
  },
  {
    code: 'assistive-device-bank',
    dimension: 'health',
    titleTh: 'ยืมกายอุปกรณ์จากธนาคารกายอุปกรณ์',
    titleEn: 'Borrow an assistive device from the device bank',
    descriptionTh: 'ยืมรถเข็น ไม้เท้า วอล์กเกอร์ เตียงปรับระดับ หรือที่นอนลม ที่ชุมชนรับบริจาคและซ่อมแล้ว เมื่อเลิกใช้ก็คืนให้คนต่อไป',
    descriptionEn:
      'Borrow a wheelchair, walking stick, walker, adjustable bed or air mattress that the community collected and repaired; return it for the next person when no longer needed.',
    howTh:
      'Caregiver หรือนักกายภาพบำบัดประเมินว่าควรใช้อุปกรณ์อะไร แล้วติดต่อศูนย์ยืมของ รพ.สต. อปท. หรือมูลนิธิ บันทึกการยืมและคืน คนพิการที่จดทะเบียนแล้วขอรับอุปกรณ์ใหม่ตามสิทธิได้',
    howEn:
      'A caregiver or physiotherapist says which device fits; contact the lending point at the health centre, local government or foundation, and record loan and return. Registered disabled people may get a new device under their rights.',
    addresses: ['H2', 'V2', 'assistive_device'],
    modes: ['agency', 'family'],
    durationWeeks: 26,
    providerTypes: ['shph', 'lao', 'foundation', 'community_organization'],
    adlGroups: ANY,
    source: 'ธนาคารกายอุปกรณ์ชุมชน; ศูนย์แบ่งปันของใช้มือสอง; สิทธิกายอุปกรณ์คนพิการ (สปสช.)',
  },
  {
    code: 'medicine-delivery',
    dimension: 'health',
    titleTh: 'รับยาใกล้บ้านหรือ อสม. ส่งยาถึงบ้าน',
    titleEn: 'Medicines near home or delivered by a volunteer',
    descriptionTh:
      'ผู้ป่วยโรคเรื้อรังที่อาการคงที่รับยาที่ร้านยาใกล้บ้านหรือ รพ.สต. หรือให้ อสม. นำยาจากโรงพยาบาลมาส่ง ไม่ต้องเดินทางไกลทุกเดือน',
    descriptionEn:
      'A stable chronic patient collects medicines at a nearby pharmacy or health centre, or a volunteer brings them from the hospital, so there is no long trip every month.',
    howTh: 'ขอแพทย์ให้เข้าร่วม “รับยาใกล้บ้าน” หรือให้ รพ.สต. ประสาน อสม. รับยาแทน ยังต้องไปพบแพทย์ตามนัดตรวจประจำปี',
    howEn:
      'Ask the doctor to join the “medicines near home” scheme, or the health centre arranges for a volunteer to collect them. Yearly check-ups with the doctor still apply.',
    addresses: ['H5', 'V5', 'medicines'],
    modes: ['agency'],
    durationWeeks: 26,
    providerTypes: ['hospital', 'shph', 'volunteer_group'],
    adlGroups: ANY,
    source: 'สปสช. รับยาใกล้บ้าน ใกล้ใจ (ร้านยาคุณภาพ); อสม. ส่งยาถึงบ้าน',
  },
];

const economy: LibraryActivity[] = [
  {
    code: 'elderly-allowance-registration',
    dimension: 'economy',
    titleTh: 'ลงทะเบียนรับเบี้ยยังชีพผู้สูงอายุ',
    titleEn: 'Register for the elderly allowance',
    descriptionTh:
      'ผู้ที่อายุครบหรือจะครบ 60 ปีลงทะเบียนรับเบี้ยยังชีพผู้สูงอายุรายเดือนแบบขั้นบันไดตามอายุ ที่ อบต. หรือเทศบาลตามทะเบียนบ้าน',
    descriptionEn:
      'People who are or will soon be 60 register at the sub-district administration or municipality of their house registration for the monthly elderly allowance, which rises with age.',
    howTh:
      'ลงทะเบียนล่วงหน้าในปีก่อนอายุครบ 60 ปี นำบัตรประชาชน ทะเบียนบ้าน และสมุดบัญชีเงินฝาก ถ้าย้ายบ้านต้องลงทะเบียนใหม่ที่ อปท. แห่งใหม่ ผู้ที่ไปเองไม่ได้ให้ญาติไปแทนพร้อมหนังสือมอบอำนาจ',
    howEn:
      'Register in the year before turning 60 with ID card, house registration and a bank book. After moving, register again at the new local government. Someone who cannot go sends a relative with a power of attorney.',
    addresses: ['E4', 'E1', 'welfare_registration'],
    modes: ['self', 'family', 'agency'],
    durationWeeks: 4,
    providerTypes: ['lao'],
    adlGroups: ANY,
    minAge: 59,
    source: 'อปท. เบี้ยยังชีพผู้สูงอายุ (กรมส่งเสริมการปกครองท้องถิ่น)',
  },
  {
    code: 'state-welfare-card',
    dimension: 'economy',
    titleTh: 'ลงทะเบียนบัตรสวัสดิการแห่งรัฐ',
    titleEn: 'Register for the state welfare card',
    descriptionTh:
      'ผู้มีรายได้น้อยลงทะเบียนบัตรสวัสดิการแห่งรัฐเพื่อรับวงเงินซื้อสินค้าจำเป็น ค่าเดินทาง และส่วนลดค่าก๊าซหุงต้ม เมื่อรัฐเปิดลงทะเบียนรอบใหม่',
    descriptionEn:
      'Low-income people register for the state welfare card — credit for basic goods, travel and a cooking-gas discount — when the government opens a new registration round.',
    howTh:
      'ติดตามประกาศเปิดลงทะเบียนจาก อปท. หรือผู้ใหญ่บ้าน ลงทะเบียนออนไลน์ หรือที่ธนาคาร ไปรษณีย์ หรือที่ว่าการอำเภอ อสม. หรือเจ้าหน้าที่ช่วยกรอกข้อมูลให้ผู้ที่ใช้โทรศัพท์ไม่เป็น',
    howEn:
      'Watch for the announcement via the local government or village head; register online or at a bank, post office or district office. Volunteers or staff fill in the form for people who cannot use a phone.',
    addresses: ['E4', 'E1', 'E5', 'welfare_registration'],
    modes: ['self', 'family', 'agency'],
    durationWeeks: 8,
    providerTypes: ['lao', 'social_development_office', 'volunteer_group'],
    adlGroups: ANY,
    minAge: 18,
    source: 'กระทรวงการคลัง โครงการลงทะเบียนเพื่อสวัสดิการแห่งรัฐ',
  },
  {
    code: 'disability-registration',
    dimension: 'economy',
    titleTh: 'จดทะเบียนคนพิการ ทำบัตรคนพิการ และรับเบี้ยความพิการ',
    titleEn: 'Disability registration, disability card and allowance',
    descriptionTh:
      'ผู้ที่มีความพิการทางการเคลื่อนไหว การเห็น การได้ยิน จิตใจ หรือสติปัญญา ขอเอกสารรับรองความพิการ ทำบัตรคนพิการ แล้วรับเบี้ยความพิการ กายอุปกรณ์ และสิทธิอื่น ๆ',
    descriptionEn:
      'A person with a physical, visual, hearing, mental or intellectual disability gets a disability certificate, the disability card, and then the disability allowance, assistive devices and other rights.',
    howTh:
      'ขอเอกสารรับรองความพิการจากโรงพยาบาล นำไปทำบัตรที่ พมจ. หรือหน่วยที่รับทำบัตร แล้วยื่นขอเบี้ยความพิการที่ อปท. ผู้ติดเตียงขอให้เจ้าหน้าที่มาทำบัตรที่บ้านได้',
    howEn:
      'Get the disability certificate from the hospital, take it to the provincial social development office (or another issuing office) for the card, then apply for the allowance at the local government. Bed-bound people can ask staff to come home.',
    addresses: ['E4', 'S4', 'H2', 'welfare_registration', 'documents'],
    modes: ['family', 'agency'],
    durationWeeks: 8,
    providerTypes: ['social_development_office', 'hospital', 'lao'],
    adlGroups: ANY,
    source: 'กรมส่งเสริมและพัฒนาคุณภาพชีวิตคนพิการ (พก.) และ พมจ.; เบี้ยความพิการของ อปท.',
  },
  {
    code: 'savings-group',
    dimension: 'economy',
    titleTh: 'กลุ่มออมทรัพย์ในหมู่บ้าน',
    titleEn: 'Village savings group',
    descriptionTh:
      'ออมเงินสม่ำเสมอเดือนละเล็กน้อยกับกลุ่มออมทรัพย์เพื่อการผลิตหรือกลุ่มสัจจะออมทรัพย์ มีเงินสำรองยามจำเป็น กู้ดอกเบี้ยต่ำแทนหนี้นอกระบบ และได้สวัสดิการของกลุ่ม',
    descriptionEn:
      'Save a small amount every month with the village savings-for-production or truthful-savings group: a reserve for emergencies, low-interest loans instead of loan sharks, and the group’s welfare benefits.',
    howTh: 'สมัครเป็นสมาชิกกับกรรมการกลุ่มในหมู่บ้าน ตั้งยอดออมที่ทำได้จริง เช่น วันละ 1–10 บาท ฝากตามวันที่กลุ่มนัด และเก็บสมุดบัญชีไว้',
    howEn:
      'Join through the group’s committee in the village; set an amount you can keep, even 1–10 baht a day; deposit on the group’s days and keep the passbook.',
    addresses: ['E1', 'E2', 'S3'],
    modes: ['group', 'self'],
    durationWeeks: 52,
    providerTypes: ['community_organization', 'lao'],
    adlGroups: ANY,
    minAge: 15,
    source: 'กรมการพัฒนาชุมชน กลุ่มออมทรัพย์เพื่อการผลิต; สัจจะออมทรัพย์วันละบาท',
  },
  {
    code: 'debt-counselling',
    dimension: 'economy',
    titleTh: 'ปรึกษาและไกล่เกลี่ยหนี้สินครัวเรือน',
    titleEn: 'Household debt counselling and mediation',
    descriptionTh:
      'รวบรวมหนี้ทุกก้อน จัดลำดับการผ่อน เจรจาปรับโครงสร้างหนี้กับเจ้าหนี้ และแจ้งหนี้นอกระบบเพื่อขอไกล่เกลี่ย ให้ผ่อนได้จริงโดยยังมีเงินกินใช้',
    descriptionEn:
      'List every debt, order the repayments, negotiate restructuring with lenders and report informal loans for mediation, so repayments are affordable and there is still money to live on.',
    howTh:
      'นัดคุยกับเจ้าหน้าที่หรืออาสาสมัครที่ผ่านการอบรม นำสัญญาและสลิปไปด้วย หนี้นอกระบบแจ้งศูนย์ดำรงธรรม 1567 หรือที่ว่าการอำเภอ หนี้ธนาคารติดต่อคลินิกแก้หนี้หรือธนาคารเจ้าหนี้',
    howEn:
      'Meet trained staff or a volunteer, bringing contracts and slips. Report informal loans to the Damrongdhama centre (1567) or the district office; for bank debts contact the Debt Clinic or the bank itself.',
    addresses: ['E2', 'E1', 'debt_advice'],
    modes: ['agency', 'family'],
    durationWeeks: 12,
    providerTypes: ['community_organization', 'foundation', 'lao'],
    adlGroups: ANY,
    minAge: 18,
    source: 'กระทรวงมหาดไทย ศูนย์ดำรงธรรม แก้หนี้นอกระบบ; ธนาคารแห่งประเทศไทย คลินิกแก้หนี้',
  },
  {
    code: 'household-accounts',
    dimension: 'economy',
    titleTh: 'ทำบัญชีรายรับรายจ่ายครัวเรือน',
    titleEn: 'Household income and spending accounts',
    descriptionTh: 'จดรายรับรายจ่ายทุกวันเพื่อเห็นว่าเงินไปที่ไหน ลดรายจ่ายที่ไม่จำเป็น เช่น หวย บุหรี่ เหล้า และวางแผนการออม',
    descriptionEn:
      'Write down income and spending every day to see where the money goes, cut what is not needed — lottery, cigarettes, alcohol — and plan savings.',
    howTh: 'ใช้สมุดบัญชีครัวเรือนหรือแอปในโทรศัพท์ ให้ลูกหลานช่วยจดถ้าเขียนไม่สะดวก สรุปทุกสิ้นเดือนกับอาสาสมัครหรือกลุ่มออมทรัพย์',
    howEn:
      'Use a household account book or a phone app; a grandchild can write if writing is hard. Review at each month’s end with a volunteer or the savings group.',
    addresses: ['E1', 'E2'],
    modes: ['self', 'family'],
    durationWeeks: 12,
    providerTypes: ['community_organization', 'lao'],
    adlGroups: ANY,
    source: 'กรมตรวจบัญชีสหกรณ์ บัญชีครัวเรือน; ธ.ก.ส.',
  },
  {
    code: 'occupational-training',
    dimension: 'economy',
    titleTh: 'ฝึกอาชีพระยะสั้น',
    titleEn: 'Short occupational training',
    descriptionTh:
      'เรียนอาชีพที่ทำได้ในพื้นที่ เช่น ทำขนม แปรรูปอาหาร จักสาน ตัดเย็บ ช่างซ่อม นวดไทย หรือเพาะเห็ด เพื่อมีรายได้เพิ่ม',
    descriptionEn:
      'Learn a trade that works locally — snacks, food processing, basketry, sewing, repairs, Thai massage, mushroom growing — to earn more.',
    howTh:
      'ดูหลักสูตรของ กศน. ตำบล ศูนย์พัฒนาฝีมือแรงงาน พัฒนาชุมชนอำเภอ หรือ อปท. เลือกอาชีพที่มีคนซื้อในชุมชน แล้วต่อยอดกับกลุ่มอาชีพหรือตลาดชุมชน',
    howEn:
      'Check courses of the sub-district non-formal education centre, the skill development centre, the district community development office or local government. Choose a trade with local buyers, then join an occupational group or community market.',
    addresses: ['E3', 'E1', 'job_training'],
    modes: ['group', 'agency'],
    durationWeeks: 8,
    providerTypes: ['lao', 'community_organization', 'university', 'social_development_office'],
    adlGroups: SOCIAL,
    minAge: 15,
    source: 'กรมพัฒนาฝีมือแรงงาน; สำนักงาน กศน.; กรมการพัฒนาชุมชน กลุ่มอาชีพ',
  },
  {
    code: 'home-based-work',
    dimension: 'economy',
    titleTh: 'รับงานไปทำที่บ้าน',
    titleEn: 'Work taken home',
    descriptionTh:
      'ผู้ที่ออกไปทำงานนอกบ้านไม่ได้รับงานที่ทำได้ที่บ้าน เช่น ร้อยพวงมาลัย จักสาน ตัดเย็บ บรรจุสินค้า จากกลุ่มอาชีพหรือผู้ประกอบการในชุมชน',
    descriptionEn:
      'Someone who cannot go out to work takes work home — garlands, basketry, sewing, packing — from an occupational group or a local business.',
    howTh:
      'ให้อาสาสมัครหรือกลุ่มอาชีพจับคู่งานกับความถนัด ตกลงค่าจ้างต่อชิ้นเป็นลายลักษณ์อักษร ผู้รับงานไปทำที่บ้านได้รับความคุ้มครองตามกฎหมาย',
    howEn:
      'A volunteer or occupational group matches work to the person’s skills; agree the piece rate in writing. Home workers are protected by the Home Workers Protection Act.',
    addresses: ['E3', 'E1', 'job_placement'],
    modes: ['self', 'family'],
    durationWeeks: 12,
    providerTypes: ['community_organization', 'company'],
    adlGroups: NOT_BED,
    minAge: 15,
    source: 'กรมการจัดหางาน งานที่รับไปทำที่บ้าน; พ.ร.บ.คุ้มครองผู้รับงานไปทำที่บ้าน พ.ศ. 2553',
  },
  {
    code: 'community-market',
    dimension: 'economy',
    titleTh: 'ขายผลผลิตในตลาดชุมชน',
    titleEn: 'Sell produce at the community market',
    descriptionTh:
      'นำผัก ผลไม้ ขนม หรืองานฝีมือไปขายที่ตลาดนัดชุมชน ตลาดเขียว หรือร้านค้าวิสาหกิจชุมชน มีรายได้เสริมและได้พบปะผู้คน',
    descriptionEn:
      'Sell vegetables, fruit, snacks or crafts at the community market, green market or community-enterprise shop for extra income and company.',
    howTh: 'ติดต่อคณะกรรมการตลาดหรือ อปท. ขอที่ขาย เริ่มจากของที่มีอยู่ หรือฝากขายกับเพื่อนบ้านหรือกลุ่มถ้าไปเองไม่ได้',
    howEn:
      'Ask the market committee or local government for a stall. Start with what you already have, or let a neighbour or the group sell it if you cannot go.',
    addresses: ['E3', 'E1', 'S3', 'job_placement'],
    modes: ['group', 'self'],
    durationWeeks: 12,
    providerTypes: ['community_organization', 'lao'],
    adlGroups: SOCIAL,
    minAge: 15,
    source: 'กรมการพัฒนาชุมชน ตลาดชุมชนและวิสาหกิจชุมชน; กิจการเพื่อสังคมชุมชน',
  },
  {
    code: 'job-matching',
    dimension: 'economy',
    titleTh: 'หางานผ่านสำนักงานจัดหางาน',
    titleEn: 'Find work through the employment office',
    descriptionTh:
      'ลงทะเบียนหางานกับสำนักงานจัดหางานจังหวัดหรือเว็บไซต์ไทยมีงานทำ รวมถึงงานสำหรับผู้สูงอายุและคนพิการ ที่ตรงกับความสามารถและอยู่ใกล้บ้าน',
    descriptionEn:
      'Register with the provincial employment office or the Thai Mee Ngan Tham job site, including jobs for elders and disabled people, that fit the person’s abilities and are near home.',
    howTh:
      'ให้อาสาสมัครช่วยลงทะเบียนออนไลน์หรือพาไปสำนักงานจัดหางาน เตรียมบัตรประชาชนและประวัติการทำงาน ติดตามนัดสัมภาษณ์ทุกสัปดาห์',
    howEn:
      'A volunteer helps register online or goes along to the employment office; bring the ID card and a work history; follow up interviews weekly.',
    addresses: ['E3', 'job_placement'],
    modes: ['self', 'agency'],
    durationWeeks: 8,
    providerTypes: ['lao', 'company', 'social_development_office'],
    adlGroups: SOCIAL,
    minAge: 15,
    source: 'กรมการจัดหางาน สำนักงานจัดหางานจังหวัด; แพลตฟอร์มไทยมีงานทำ',
  },
  {
    code: 'emergency-social-aid',
    dimension: 'economy',
    titleTh: 'เงินช่วยเหลือผู้ประสบปัญหาทางสังคมกรณีฉุกเฉิน',
    titleEn: 'Emergency aid for people in social hardship',
    descriptionTh:
      'ครอบครัวที่เดือดร้อนเฉียบพลัน เช่น ขาดรายได้ เจ็บป่วยหนัก หรือประสบภัย ขอเงินสงเคราะห์และของจำเป็นจาก พม. หรือ อปท. ตามระเบียบ',
    descriptionEn:
      'A family in sudden hardship — lost income, serious illness, a disaster — applies for the social-welfare grant and essentials from the social development office or local government, as the rules allow.',
    howTh:
      'แจ้งศูนย์ช่วยเหลือสังคม สายด่วน 1300 หรือ พมจ. หรือ อปท. เจ้าหน้าที่ออกเยี่ยมบ้านเพื่อประเมิน เตรียมบัตรประชาชนและทะเบียนบ้าน',
    howEn:
      'Call the social assistance centre on 1300, or contact the provincial social development office or local government; staff visit to assess. Have the ID card and house registration ready.',
    addresses: ['E1', 'E5', 'cash_aid', 'food_aid'],
    modes: ['agency'],
    durationWeeks: 4,
    providerTypes: ['social_development_office', 'lao'],
    adlGroups: ANY,
    source: 'พม. เงินอุดหนุนผู้ประสบปัญหาทางสังคมกรณีฉุกเฉิน; ศูนย์ช่วยเหลือสังคม สายด่วน 1300',
  },
  {
    code: 'community-food-sharing',
    dimension: 'economy',
    titleTh: 'ธนาคารอาหารและปิ่นโตแบ่งปันในชุมชน',
    titleEn: 'Community food bank and shared meals',
    descriptionTh:
      'ผู้ที่อาหารไม่พอได้รับข้าวสาร อาหารแห้ง หรืออาหารปรุงสุกสม่ำเสมอจากธนาคารอาหาร ตู้ปันสุข วัด หรือเครือข่ายจิตอาสาในชุมชน',
    descriptionEn:
      'People short of food regularly receive rice, dry food or cooked meals from the community food bank, sharing pantry, temple or volunteer network.',
    howTh: 'แจ้งผู้นำชุมชนหรือ อสม. ให้ใส่ชื่อในรายชื่อผู้รับ จิตอาสานำอาหารมาส่งให้ผู้ที่ออกจากบ้านไม่ได้ พร้อมถามข่าวทุกครั้ง',
    howEn:
      'Tell the community leader or volunteer to put the person on the list; volunteers bring food to those who cannot leave home and check on them each time.',
    addresses: ['E5', 'food_aid'],
    modes: ['agency', 'group'],
    durationWeeks: 12,
    providerTypes: ['foundation', 'community_organization', 'lao', 'volunteer_group'],
    adlGroups: ANY,
    source: 'ธนาคารอาหารชุมชน; ตู้ปันสุข; ปิ่นโตน้ำใจ (วัดและจิตอาสา)',
  },
  {
    code: 'elderly-fund-loan',
    dimension: 'economy',
    titleTh: 'กู้ยืมกองทุนผู้สูงอายุเพื่อประกอบอาชีพ',
    titleEn: 'Interest-free loan from the Older Persons Fund',
    descriptionTh:
      'ผู้สูงอายุที่ต้องการทุนประกอบอาชีพ เช่น ค้าขาย เลี้ยงสัตว์ ยื่นกู้ยืมจากกองทุนผู้สูงอายุโดยไม่มีดอกเบี้ยและผ่อนชำระรายเดือน',
    descriptionEn:
      'An elder who needs capital for a livelihood — trading, raising animals — applies for an interest-free loan from the Older Persons Fund, repaid monthly.',
    howTh: 'เขียนแผนอาชีพสั้น ๆ กับอาสาสมัคร หาผู้ค้ำประกัน แล้วยื่นที่ พมจ. หรือ อปท. เจ้าหน้าที่ตรวจเยี่ยมก่อนอนุมัติ',
    howEn:
      'Write a short business plan with a volunteer, find a guarantor, and apply at the provincial social development office or local government; staff visit before approval.',
    addresses: ['E3', 'E1'],
    modes: ['self', 'agency'],
    durationWeeks: 12,
    providerTypes: ['social_development_office', 'lao'],
    adlGroups: NOT_BED,
    minAge: 60,
    source: 'พม. กรมกิจการผู้สูงอายุ กองทุนผู้สูงอายุ (กู้ยืมประกอบอาชีพ ไม่มีดอกเบี้ย)',
  },
  {
    code: 'home-vegetable-garden',
    dimension: 'economy',
    titleTh: 'ปลูกผักสวนครัวรั้วกินได้',
    titleEn: 'Home vegetable garden',
    descriptionTh:
      'ปลูกผักที่กินประจำ เช่น พริก ตะไคร้ กะเพรา ผักบุ้ง ในกระถางหรือข้างบ้าน ลดรายจ่ายค่าอาหาร ได้ผักปลอดสาร และได้ขยับร่างกาย',
    descriptionEn:
      'Grow everyday vegetables — chilli, lemongrass, holy basil, morning glory — in pots or beside the house: lower food bills, clean vegetables and gentle exercise.',
    howTh:
      'ขอเมล็ดพันธุ์หรือกิ่งพันธุ์จากเกษตรอำเภอหรือเพื่อนบ้าน เริ่มจาก 3–5 ชนิด ใช้ดินผสมปุ๋ยหมักจากเศษอาหาร ผู้ที่ก้มไม่ได้ปลูกในกระบะยกสูง',
    howEn:
      'Get seeds or cuttings from the district agriculture office or neighbours; start with three to five kinds, in soil mixed with compost from food scraps. People who cannot bend use raised beds.',
    addresses: ['E5', 'E1', 'H4'],
    modes: ['self', 'family'],
    durationWeeks: 12,
    providerTypes: ['lao', 'community_organization'],
    adlGroups: NOT_BED,
    source: 'กรมส่งเสริมการเกษตร ผักสวนครัวรั้วกินได้',
  },
];

const society: LibraryActivity[] = [
  {
    code: 'buddy-visiting',
    dimension: 'society',
    titleTh: 'เพื่อนช่วยเพื่อน เยี่ยมบ้าน',
    titleEn: 'Buddy visits (friends helping friends)',
    descriptionTh:
      'อาสาสมัครหรือสมาชิกชมรมผู้สูงอายุจับคู่เยี่ยมเพื่อนที่อยู่ลำพังหรือออกจากบ้านไม่ได้ สัปดาห์ละครั้ง คุย ถามข่าว ช่วยธุระเล็กน้อย และแจ้งเมื่อมีปัญหา',
    descriptionEn:
      'A volunteer or elders’-club member is paired with someone who lives alone or cannot go out and visits weekly: to talk, check on them, help with small errands and raise the alarm when something is wrong.',
    howTh:
      'ชมรมผู้สูงอายุหรืออาสาสมัครดูแลผู้สูงอายุที่บ้าน (อผส.) จับคู่คนที่อยู่ใกล้กัน บันทึกการเยี่ยมทุกครั้ง ถ้าพบว่าป่วยหรือขาดอาหารให้แจ้ง อสม. หรือ รพ.สต.',
    howEn:
      'The elders’ club or home-care volunteers for older persons pair people who live near each other and record every visit; illness or hunger is reported to the village health volunteer or health centre.',
    addresses: ['S1', 'S3', 'H3', 'companion'],
    modes: ['group', 'agency'],
    durationWeeks: 26,
    providerTypes: ['volunteer_group', 'community_organization', 'social_development_office'],
    adlGroups: ANY,
    source: 'พม. อาสาสมัครดูแลผู้สูงอายุที่บ้าน (อผส.); ชมรมผู้สูงอายุ เพื่อนช่วยเพื่อน',
  },
  {
    code: 'elderly-school',
    dimension: 'society',
    titleTh: 'โรงเรียนผู้สูงอายุ',
    titleEn: 'Elderly school',
    descriptionTh:
      'เรียนสัปดาห์ละวันกับเพื่อนวัยเดียวกัน เรื่องสุขภาพ สิทธิ การใช้โทรศัพท์ และภูมิปัญญา ได้ออกจากบ้าน มีเพื่อน และมีคุณค่า',
    descriptionEn:
      'Study one day a week with peers — health, rights, using a smartphone, local wisdom — to get out of the house, make friends and feel valued.',
    howTh: 'สมัครกับ อปท. หรือชมรมผู้สูงอายุที่เปิดโรงเรียนในตำบล ถ้าเดินทางไม่สะดวกขอให้เพื่อนหรือ อปท. ช่วยรับส่ง',
    howEn:
      'Enrol through the local government or elders’ club running the sub-district’s school; ask a friend or the local government for a ride if travel is hard.',
    addresses: ['S3', 'S5', 'H3', 'social_activities'],
    modes: ['group'],
    durationWeeks: 26,
    providerTypes: ['lao', 'community_organization'],
    adlGroups: SOCIAL,
    minAge: 60,
    source: 'กรมกิจการผู้สูงอายุ โรงเรียนผู้สูงอายุ ร่วมกับ อปท.',
  },
  {
    code: 'elderly-club',
    dimension: 'society',
    titleTh: 'เข้าร่วมชมรมผู้สูงอายุ',
    titleEn: 'Join the elders’ club',
    descriptionTh: 'ร่วมประชุมและกิจกรรมประจำเดือนของชมรมผู้สูงอายุ เช่น ตรวจสุขภาพ ทำบุญ ฌาปนกิจสงเคราะห์ และงานประเพณี',
    descriptionEn:
      'Take part in the elders’ club’s monthly meeting and activities: health checks, merit-making, the funeral-aid scheme and festivals.',
    howTh: 'ติดต่อประธานชมรมหรือ อสม. เพื่อสมัครสมาชิก จดวันประชุมไว้ และชวนเพื่อนบ้านไปด้วยกัน',
    howEn: 'Contact the club’s chair or a volunteer to join; note the meeting day and go with a neighbour.',
    addresses: ['S3', 'H3', 'social_activities'],
    modes: ['group'],
    durationWeeks: 26,
    providerTypes: ['community_organization', 'lao', 'shph'],
    adlGroups: SOCIAL,
    minAge: 50,
    source: 'สภาผู้สูงอายุแห่งประเทศไทย ชมรมผู้สูงอายุ',
  },
  {
    code: 'civil-documents',
    dimension: 'society',
    titleTh: 'ทำบัตรประชาชนและแก้ไขทะเบียนบ้าน',
    titleEn: 'ID card and house-registration repair',
    descriptionTh:
      'ทำบัตรประชาชนที่หมดอายุหรือหาย แก้ชื่อหรือวันเกิดที่ผิด ย้ายชื่อเข้าทะเบียนบ้าน หรือยื่นขอสถานะสำหรับผู้ไม่มีสัญชาติ เพื่อให้ใช้สิทธิได้',
    descriptionEn:
      'Renew an expired or lost ID card, correct a wrong name or birth date, move onto a house registration, or apply for status when stateless, so that rights can be used.',
    howTh: 'ไปสำนักทะเบียนที่ว่าการอำเภอหรือเทศบาลพร้อมพยาน ผู้ติดบ้านติดเตียงขอให้เจ้าหน้าที่มาทำบัตรที่บ้าน หรือรออำเภอเคลื่อนที่',
    howEn:
      'Go to the registration office at the district office or municipality with a witness. Home- or bed-bound people ask staff to come home, or wait for the mobile district service.',
    addresses: ['S4', 'E4', 'documents'],
    modes: ['family', 'agency'],
    durationWeeks: 8,
    providerTypes: ['lao', 'social_development_office'],
    adlGroups: ANY,
    source: 'กรมการปกครอง งานทะเบียนราษฎรและบัตรประจำตัวประชาชน; อำเภอเคลื่อนที่',
  },
  {
    code: 'health-rights-check',
    dimension: 'society',
    titleTh: 'ตรวจสอบและเลือกหน่วยบริการสิทธิบัตรทอง',
    titleEn: 'Check health rights and choose the right clinic',
    descriptionTh: 'ตรวจว่ามีสิทธิรักษาพยาบาลใด และลงทะเบียนหน่วยบริการใกล้บ้าน ให้รักษาได้โดยไม่เสียค่าใช้จ่ายและไม่ถูกส่งไปไกล',
    descriptionEn:
      'Check which health-care rights the person has and register with a nearby provider, so care is free and close to home.',
    howTh:
      'โทร สปสช. 1330 หรือใช้แอป สปสช. ด้วยเลขบัตรประชาชน ถ้าสิทธิอยู่ที่อื่นให้ย้ายหน่วยบริการที่ รพ.สต. หรือโรงพยาบาลใกล้บ้าน',
    howEn:
      'Call the NHSO on 1330 or use its app with the ID number; if the rights sit elsewhere, move them at the nearby health centre or hospital.',
    addresses: ['S4', 'H5', 'documents'],
    modes: ['self', 'family', 'agency'],
    durationWeeks: 4,
    providerTypes: ['shph', 'hospital', 'volunteer_group'],
    adlGroups: ANY,
    source: 'สปสช. สายด่วน 1330 ตรวจสอบสิทธิและเปลี่ยนหน่วยบริการ',
  },
  {
    code: 'legal-aid',
    dimension: 'society',
    titleTh: 'ความช่วยเหลือทางกฎหมาย',
    titleEn: 'Legal aid',
    descriptionTh:
      'ปรึกษาเรื่องที่ดิน มรดก หนี้ การถูกโกง หรือคดีความ กับศูนย์ยุติธรรมชุมชนหรือทนายอาสา และขอความช่วยเหลือค่าทนายหรือค่าประกันตัวจากกองทุนยุติธรรม',
    descriptionEn:
      'Advice on land, inheritance, debts, fraud or a court case from the community justice centre or a volunteer lawyer, and help with lawyer or bail costs from the Justice Fund.',
    howTh: 'ติดต่อศูนย์ยุติธรรมชุมชนในตำบล สำนักงานยุติธรรมจังหวัด หรือสายด่วน 1111 กด 77 นำเอกสารที่เกี่ยวข้องไปด้วย',
    howEn:
      'Contact the sub-district community justice centre, the provincial justice office, or hotline 1111 ext. 77, bringing the related papers.',
    addresses: ['S4', 'S2', 'E2', 'legal_aid'],
    modes: ['agency'],
    durationWeeks: 12,
    providerTypes: ['community_organization', 'foundation', 'university'],
    adlGroups: ANY,
    minAge: 15,
    source: 'กระทรวงยุติธรรม ศูนย์ยุติธรรมชุมชนและกองทุนยุติธรรม',
  },
  {
    code: 'protection-from-violence',
    dimension: 'society',
    titleTh: 'คุ้มครองจากความรุนแรงและการถูกทอดทิ้ง',
    titleEn: 'Protection from violence and neglect',
    descriptionTh: 'ผู้ที่ถูกทำร้าย ถูกทอดทิ้ง หรือถูกเอาเงิน ได้รับการคุ้มครอง ที่พักปลอดภัย และการดูแลจากทีมสหวิชาชีพ',
    descriptionEn:
      'Someone who is abused, abandoned or financially exploited receives protection, a safe place to stay and care from a multidisciplinary team.',
    howTh:
      'แจ้งศูนย์ช่วยเหลือสังคม สายด่วน 1300 หรือศูนย์พึ่งได้ (OSCC) ในโรงพยาบาล ถ้ามีอันตรายทันทีโทร 191 ผู้แจ้งด้วยความสุจริตได้รับความคุ้มครอง',
    howEn:
      'Call the social assistance centre on 1300 or the hospital’s One Stop Crisis Centre; in immediate danger call 191. People who report in good faith are protected.',
    addresses: ['S2', 'S1', 'protection'],
    modes: ['agency'],
    durationWeeks: 12,
    providerTypes: ['social_development_office', 'hospital', 'lao'],
    adlGroups: ANY,
    source: 'พม. ศูนย์ช่วยเหลือสังคม สายด่วน 1300; ศูนย์พึ่งได้ (OSCC) กระทรวงสาธารณสุข',
  },
  {
    code: 'family-care-meeting',
    dimension: 'society',
    titleTh: 'ประชุมครอบครัววางแผนการดูแล',
    titleEn: 'Family meeting to plan care',
    descriptionTh:
      'สมาชิกครอบครัวนั่งคุยกับทีมหมอครอบครัวหรือ Care Manager เพื่อแบ่งหน้าที่ดูแล เวรเฝ้า ค่าใช้จ่าย และวิธีลดความตึงเครียดในบ้าน',
    descriptionEn:
      'The family sits down with the family-doctor team or care manager to share care duties, shifts and costs, and ways to ease tension at home.',
    howTh: 'นัดวันที่ลูกหลานมาพร้อมกัน ให้ผู้ถูกดูแลได้พูดความต้องการของตนเอง เขียนข้อตกลงไว้ และทบทวนทุก 3 เดือน',
    howEn:
      'Pick a day when the children can all come; let the person cared for say what they want; write the agreement down and review it every three months.',
    addresses: ['S1', 'S2', 'carer'],
    modes: ['family', 'agency'],
    durationWeeks: 4,
    providerTypes: ['shph', 'hospital', 'social_development_office'],
    adlGroups: ANY,
    source: 'ทีมหมอครอบครัว (Primary Care Cluster); Care Manager ระบบการดูแลระยะยาว',
  },
  {
    code: 'family-caregiver-training',
    dimension: 'society',
    titleTh: 'อบรมญาติผู้ดูแล',
    titleEn: 'Training for family carers',
    descriptionTh:
      'ญาติที่ดูแลผู้ติดบ้านติดเตียงเรียนวิธีพลิกตัว ย้ายตัว ป้องกันแผลกดทับ ให้อาหารทางสาย และดูแลตนเองไม่ให้เหนื่อยล้าเกินไป',
    descriptionEn:
      'Relatives caring for a home- or bed-bound person learn turning, transfers, preventing pressure sores, tube feeding, and how to look after themselves against burnout.',
    howTh:
      'สมัครอบรมกับ รพ.สต. หรือโรงพยาบาล หรือให้ Caregiver สอนที่บ้าน ฝึกทำจริงต่อหน้าผู้สอน และหาคนผลัดเปลี่ยนเป็นครั้งคราว',
    howEn:
      'Sign up for the course at the health centre or hospital, or let the caregiver teach at home; practise in front of the trainer, and arrange someone to take over now and then.',
    addresses: ['S1', 'H2', 'carer'],
    modes: ['family', 'group'],
    durationWeeks: 4,
    providerTypes: ['shph', 'hospital', 'foundation'],
    adlGroups: DEPENDENT,
    source: 'กรมอนามัย หลักสูตรผู้ดูแลผู้สูงอายุ; รพ.สต.',
  },
  {
    code: 'health-literacy-support',
    dimension: 'society',
    titleTh: 'ช่วยอ่านและเข้าใจเรื่องสุขภาพ',
    titleEn: 'Help reading and understanding health information',
    descriptionTh:
      'ผู้ที่อ่านหนังสือไม่คล่องหรือเข้าใจคำแนะนำไม่ได้ ได้รับคำอธิบายด้วยภาษาง่าย ฉลากยาเป็นรูปภาพหรือสี และสมุดนัดที่อ่านง่าย',
    descriptionEn:
      'People who read poorly or cannot follow advice get plain-language explanations, picture or colour-coded medicine labels and an easy appointment card.',
    howTh:
      'อสม. หรือลูกหลานอธิบายซ้ำและให้เล่ากลับ ติดสติกเกอร์รูปพระอาทิตย์ พระจันทร์ บนซองยา ผู้ที่อยากอ่านออกให้เรียนกับ กศน. ตำบล',
    howEn:
      'A volunteer or grandchild explains and asks the person to say it back; sun and moon stickers go on medicine packets. Those who want to learn to read join the sub-district non-formal education centre.',
    addresses: ['S5', 'H1', 'H5'],
    modes: ['family', 'agency'],
    durationWeeks: 8,
    providerTypes: ['shph', 'volunteer_group', 'lao'],
    adlGroups: ANY,
    source: 'กองสุขศึกษา กรมสนับสนุนบริการสุขภาพ ความรอบรู้ด้านสุขภาพ; กศน. ตำบล',
  },
  {
    code: 'time-bank',
    dimension: 'society',
    titleTh: 'ธนาคารเวลา: ช่วยเหลือกันแล้วฝากเวลาไว้',
    titleEn: 'Time bank: help others and bank the hours',
    descriptionTh:
      'สมาชิกช่วยเหลือกันในชุมชน เช่น พาไปหาหมอ ทำกับข้าว ซ่อมของ แล้วบันทึกชั่วโมงไว้ใช้เมื่อตนเองต้องการความช่วยเหลือ',
    descriptionEn:
      'Members help each other — a ride to the doctor, cooking, repairs — and record the hours, to draw on when they need help themselves.',
    howTh: 'สมัครกับธนาคารเวลาของตำบล บอกสิ่งที่ช่วยได้และสิ่งที่ต้องการ ผู้ประสานจับคู่และบันทึกชั่วโมงในสมุด',
    howEn:
      'Join the sub-district’s time bank, say what you can offer and what you need; the coordinator matches people and records the hours.',
    addresses: ['S3', 'S1', 'H3', 'companion', 'social_activities'],
    modes: ['group'],
    durationWeeks: 26,
    providerTypes: ['community_organization', 'lao', 'social_development_office'],
    adlGroups: SOCIAL,
    minAge: 15,
    source: 'กรมกิจการผู้สูงอายุ ธนาคารเวลา',
  },
  {
    code: 'wisdom-sharing',
    dimension: 'society',
    titleTh: 'ผู้สูงอายุถ่ายทอดภูมิปัญญาให้เด็กและเยาวชน',
    titleEn: 'Elders teach local wisdom to young people',
    descriptionTh:
      'ผู้สูงอายุที่มีความรู้ เช่น จักสาน ดนตรีพื้นบ้าน สมุนไพร อาหารพื้นถิ่น ไปสอนที่โรงเรียนหรือศูนย์เด็กเล็ก ได้รู้สึกมีคุณค่าและเชื่อมคนสามวัย',
    descriptionEn:
      'Elders with a skill — basketry, folk music, herbs, local cooking — teach it at a school or child centre, feeling valued and connecting three generations.',
    howTh: 'ลงทะเบียนเป็นคลังปัญญาผู้สูงอายุกับ อปท. หรือ พมจ. ประสานโรงเรียนให้จัดชั่วโมงเรียน ลูกหลานช่วยรับส่ง',
    howEn:
      'Register as an “elders’ wisdom bank” member with the local government or social development office; it arranges class hours with a school; family helps with the ride.',
    addresses: ['S3', 'H3', 'social_activities'],
    modes: ['group'],
    durationWeeks: 12,
    providerTypes: ['lao', 'social_development_office', 'community_organization'],
    adlGroups: SOCIAL,
    minAge: 60,
    source: 'กรมกิจการผู้สูงอายุ คลังปัญญาผู้สูงอายุ',
  },
  {
    code: 'living-alone-check-in',
    dimension: 'society',
    titleTh: 'โทรถามข่าวทุกวันสำหรับผู้ที่อยู่ลำพัง',
    titleEn: 'Daily check-in call for people living alone',
    descriptionTh:
      'ผู้ที่อยู่ลำพังมีเพื่อนบ้าน ลูกหลาน หรืออาสาสมัครโทรหรือแวะถามข่าวทุกวันตามเวลาที่ตกลงกัน ถ้าไม่มีคนรับสายให้ไปดูที่บ้านทันที',
    descriptionEn:
      'Someone who lives alone gets a call or a knock from a neighbour, relative or volunteer every day at an agreed time; if nobody answers, someone goes round at once.',
    howTh:
      'ตกลงเวลาและคนรับผิดชอบสำรองอย่างน้อย 2 คน ติดเบอร์ฉุกเฉิน 1669 และเบอร์ญาติไว้ข้างโทรศัพท์ ฝากกุญแจสำรองกับเพื่อนบ้านที่ไว้ใจ',
    howEn:
      'Agree the time and at least two people responsible; put 1669 and the family’s numbers by the phone; leave a spare key with a trusted neighbour.',
    addresses: ['S1', 'S3', 'companion'],
    modes: ['family', 'group'],
    durationWeeks: 26,
    providerTypes: ['volunteer_group', 'community_organization'],
    adlGroups: ANY,
    source: 'ชุมชนไม่ทอดทิ้งกัน; อาสาสมัครดูแลผู้สูงอายุที่บ้าน (อผส.)',
  },
  {
    code: 'elderly-day-centre',
    dimension: 'society',
    titleTh: 'ศูนย์พัฒนาคุณภาพชีวิตผู้สูงอายุ (ไปเช้าเย็นกลับ)',
    titleEn: 'Elders’ day centre',
    descriptionTh: 'ผู้สูงอายุที่ลูกหลานไปทำงานกลางวันไปอยู่ที่ศูนย์ในตำบล มีกิจกรรม อาหารกลางวัน และคนดูแล แล้วกลับบ้านตอนเย็น',
    descriptionEn:
      'An elder whose family works during the day spends it at the sub-district centre with activities, lunch and someone looking after them, and goes home in the evening.',
    howTh:
      'สอบถาม อปท. ว่ามีศูนย์หรือชมรมที่เปิดกลางวันหรือไม่ ตกลงเรื่องการรับส่งและค่าใช้จ่าย แจ้งโรคประจำตัวและยาที่ต้องกินกลางวัน',
    howEn:
      'Ask the local government whether a centre or club opens in the daytime; agree transport and costs; tell staff about illnesses and midday medicines.',
    addresses: ['S1', 'S3', 'carer', 'social_activities'],
    modes: ['group', 'agency'],
    durationWeeks: 26,
    providerTypes: ['lao', 'social_development_office', 'community_organization'],
    adlGroups: NOT_BED,
    minAge: 60,
    source: 'กรมกิจการผู้สูงอายุ ศูนย์พัฒนาคุณภาพชีวิตและส่งเสริมอาชีพผู้สูงอายุ (ศพอส.)',
  },
];

const environment: LibraryActivity[] = [
  {
    code: 'home-repair-referral',
    dimension: 'environment',
    titleTh: 'ส่งต่อซ่อมแซมบ้านผู้ยากไร้',
    titleEn: 'Referral for home repair for the poor',
    descriptionTh:
      'บ้านที่หลังคารั่ว พื้นผุ ฝาบ้านพัง หรือเสี่ยงถล่ม ได้รับการซ่อมแซมด้วยงบของ อปท. หรือ พม. ร่วมกับแรงงานจิตอาสาในชุมชน',
    descriptionEn:
      'A house with a leaking roof, rotten floor, broken walls or risk of collapse is repaired with local-government or social-development funds and community volunteers’ labour.',
    howTh:
      'แจ้งผู้ใหญ่บ้านหรือ อปท. ถ่ายรูปจุดที่เสียหาย เจ้าหน้าที่สำรวจและประมาณราคา ระหว่างรอซ่อมถ้าบ้านไม่ปลอดภัยให้ย้ายไปอยู่กับญาติชั่วคราว',
    howEn:
      'Tell the village head or local government and photograph the damage; staff survey and price it. While waiting, move in with relatives if the house is unsafe.',
    addresses: ['V1', 'V2', 'home_repair'],
    modes: ['agency', 'group'],
    durationWeeks: 12,
    providerTypes: ['lao', 'social_development_office', 'pao', 'volunteer_group'],
    adlGroups: ANY,
    source: 'อปท. ซ่อมแซมบ้านผู้ยากไร้; พม. ปรับปรุงที่อยู่อาศัยผู้สูงอายุ; อบจ. ร่วมกับ พมจ. ปรับสภาพบ้าน',
  },
  {
    code: 'bathroom-fall-proofing',
    dimension: 'environment',
    titleTh: 'ปรับห้องน้ำกันล้ม: ราวจับ พื้นกันลื่น ส้วมนั่ง',
    titleEn: 'Fall-proof the bathroom: handrails, non-slip floor, sitting toilet',
    descriptionTh:
      'ติดราวจับข้างส้วมและที่อาบน้ำ ปูพื้นหรือแผ่นกันลื่น เปลี่ยนส้วมนั่งยองเป็นส้วมนั่งหรือเก้าอี้นั่งถ่าย และมีไฟสว่างในห้องน้ำ ลดการหกล้มซึ่งเกิดในห้องน้ำบ่อยที่สุด',
    descriptionEn:
      'Grab bars by the toilet and shower, a non-slip floor or mat, a sitting toilet or commode instead of a squat toilet, and good light — the bathroom is where elders fall most.',
    howTh:
      'ให้ Caregiver หรือนักกายภาพบำบัดบอกตำแหน่งที่ควรติดราว ขอรับการปรับสภาพบ้านจาก อปท. หรือ พมจ. หรือศูนย์ซ่อมสร้างของ รพ.สต. ระหว่างรอให้มีคนช่วยขณะอาบน้ำ',
    howEn:
      'A caregiver or physiotherapist marks where the bars go; apply for home modification from the local government, the social development office or the health centre’s repair centre. Until then, someone helps at bath time.',
    addresses: ['V2', 'V3', 'H2', 'toilet_adaptation', 'handrails_ramps'],
    modes: ['agency', 'family'],
    durationWeeks: 8,
    providerTypes: ['lao', 'social_development_office', 'shph', 'pao'],
    adlGroups: NOT_BED,
    source: 'กรมกิจการผู้สูงอายุ ปรับสภาพแวดล้อมที่อยู่อาศัยให้เหมาะสมกับผู้สูงอายุ; ศูนย์ซ่อมสร้างสุข',
  },
  {
    code: 'ramps-handrails',
    dimension: 'environment',
    titleTh: 'ทางลาดและราวจับทางเดินหรือบันได',
    titleEn: 'Ramps and handrails on paths and stairs',
    descriptionTh:
      'ทำทางลาดแทนขั้นบันไดหน้าบ้าน และติดราวจับตามทางเดินหรือบันได ให้ผู้ใช้ไม้เท้าหรือรถเข็นเข้าออกบ้านได้เองอย่างปลอดภัย',
    descriptionEn:
      'A ramp in place of the front steps and handrails along paths or stairs, so someone with a stick or wheelchair can get in and out safely alone.',
    howTh: 'วัดความสูงของขั้นบันไดและความกว้างประตู ยื่นขอปรับสภาพบ้านกับ อปท. หรือ พมจ. ช่างชุมชนหรือวิทยาลัยเทคนิคช่วยทำได้',
    howEn:
      'Measure step height and door width; apply to the local government or social development office for home modification. Community builders or a technical college can do the work.',
    addresses: ['V2', 'V5', 'H2', 'handrails_ramps'],
    modes: ['agency', 'family'],
    durationWeeks: 8,
    providerTypes: ['lao', 'social_development_office', 'university', 'volunteer_group'],
    adlGroups: NOT_BED,
    source: 'พม. ปรับสภาพแวดล้อมสำหรับคนพิการและผู้สูงอายุ; อาชีวะซ่อมสร้างเพื่อชุมชน (Fix It Center)',
  },
  {
    code: 'home-safety-check',
    dimension: 'environment',
    titleTh: 'จัดบ้านให้ปลอดภัยจากการหกล้ม',
    titleEn: 'Make the home safe from falls',
    descriptionTh:
      'สำรวจบ้านตามแบบตรวจความเสี่ยงการหกล้ม เก็บของเกะกะและสายไฟ ติดไฟทางเดินกลางคืน ย้ายห้องนอนลงชั้นล่าง และวางของใช้ประจำให้หยิบถึงง่าย',
    descriptionEn:
      'Walk through the home with a falls checklist: clear clutter and cables, add night lights on the way to the toilet, move the bedroom downstairs, keep everyday things within reach.',
    howTh: 'อสม. หรือ Caregiver สำรวจพร้อมครอบครัว แก้ไขสิ่งที่ทำเองได้ภายในสัปดาห์ สิ่งที่ต้องใช้ช่างให้ส่งต่อการปรับสภาพบ้าน',
    howEn:
      'A volunteer or caregiver goes through it with the family; fix what you can yourselves within a week and refer what needs a builder to home modification.',
    addresses: ['V2', 'H2', 'handrails_ramps'],
    modes: ['self', 'family'],
    durationWeeks: 4,
    providerTypes: ['shph', 'volunteer_group'],
    adlGroups: ANY,
    source: 'กรมอนามัยและกรมควบคุมโรค การป้องกันการพลัดตกหกล้มในผู้สูงอายุ',
  },
  {
    code: 'clean-drinking-water',
    dimension: 'environment',
    titleTh: 'น้ำดื่มน้ำใช้สะอาดพอเพียง',
    titleEn: 'Enough clean water for drinking and use',
    descriptionTh: 'บ้านที่ขาดน้ำหรือน้ำไม่สะอาดได้ต่อประปาหมู่บ้าน ได้ถังเก็บน้ำฝน หรือได้รับน้ำดื่มจากตู้น้ำที่ผ่านการตรวจคุณภาพ',
    descriptionEn:
      'A house short of water or with unsafe water is connected to the village supply, gets a rainwater tank, or gets drinking water from a tested water kiosk.',
    howTh:
      'แจ้ง อปท. ขอต่อประปาหรือขอถังเก็บน้ำ ล้างภาชนะเก็บน้ำทุก 3 เดือน ต้มน้ำก่อนดื่มถ้าไม่แน่ใจคุณภาพ หน้าแล้งขอรถน้ำจาก อปท.',
    howEn:
      'Ask the local government for a mains connection or a tank; clean water containers every three months; boil water when unsure; in the dry season ask for a water truck.',
    addresses: ['V3', 'water'],
    modes: ['agency', 'family'],
    durationWeeks: 8,
    providerTypes: ['lao', 'pao'],
    adlGroups: ANY,
    source: 'อปท. ประปาหมู่บ้านและการแจกจ่ายน้ำ; กรมอนามัย น้ำบริโภคสะอาด',
  },
  {
    code: 'sanitary-toilet',
    dimension: 'environment',
    titleTh: 'สร้างหรือปรับปรุงส้วมให้ถูกสุขลักษณะ',
    titleEn: 'Build or improve a sanitary toilet',
    descriptionTh: 'บ้านที่ไม่มีส้วม ส้วมชำรุด หรือส้วมอยู่ไกล ได้สร้างหรือซ่อมส้วมที่สะอาด มีประตูและน้ำใช้ เหมาะกับผู้สูงอายุ',
    descriptionEn:
      'A house with no toilet, a broken one or one far away gets a clean toilet with a door and water, suited to elders.',
    howTh: 'แจ้ง อปท. หรือ รพ.สต. ให้สำรวจ ขอวัสดุจากโครงการปรับปรุงที่อยู่อาศัย จิตอาสาในหมู่บ้านช่วยก่อสร้าง',
    howEn:
      'Ask the local government or health centre to survey; request materials from a housing programme; village volunteers help build it.',
    addresses: ['V3', 'toilet_adaptation'],
    modes: ['agency', 'group'],
    durationWeeks: 8,
    providerTypes: ['lao', 'shph', 'volunteer_group'],
    adlGroups: ANY,
    source: 'กรมอนามัย ส้วมถูกสุขลักษณะในครัวเรือน; เกณฑ์ความจำเป็นพื้นฐาน (จปฐ.)',
  },
  {
    code: 'waste-sorting',
    dimension: 'environment',
    titleTh: 'คัดแยกขยะและธนาคารขยะ',
    titleEn: 'Waste sorting and the waste bank',
    descriptionTh:
      'แยกขยะเปียกทำปุ๋ยหมัก ขยะรีไซเคิลนำไปขายหรือฝากธนาคารขยะ และขยะอันตรายส่งจุดรับ บ้านสะอาด ลดยุงและหนู และมีรายได้เล็กน้อย',
    descriptionEn:
      'Sort wet waste into compost, sell recyclables or deposit them at the waste bank, and take hazardous waste to the collection point: a cleaner home, fewer mosquitoes and rats, and a little income.',
    howTh: 'ตั้งถังแยก 3–4 ใบ สมัครสมาชิกธนาคารขยะของหมู่บ้านหรือโรงเรียน นำขยะรีไซเคิลไปฝากตามวันนัด',
    howEn:
      'Set up three or four bins; join the village or school waste bank; bring recyclables on its collection days.',
    addresses: ['V4', 'E1'],
    modes: ['family', 'group'],
    durationWeeks: 12,
    providerTypes: ['lao', 'community_organization'],
    adlGroups: ANY,
    source: 'กรมส่งเสริมการปกครองท้องถิ่น ชุมชนปลอดขยะ; ธนาคารขยะชุมชน',
  },
  {
    code: 'mosquito-breeding-cleanup',
    dimension: 'environment',
    titleTh: 'ทำความสะอาดบ้าน กำจัดแหล่งเพาะพันธุ์ยุงลาย',
    titleEn: 'Clean up the home and remove mosquito breeding sites',
    descriptionTh:
      'ทุกสัปดาห์เก็บบ้านให้สะอาด เก็บขยะ และเก็บน้ำ ปิดฝาโอ่ง คว่ำภาชนะ เปลี่ยนน้ำแจกัน เพื่อป้องกันไข้เลือดออก ไข้ซิกา และชิคุนกุนยา',
    descriptionEn:
      'Every week tidy the home, clear rubbish and stagnant water, cover jars, turn containers over and change vase water, against dengue, Zika and chikungunya.',
    howTh:
      'ครอบครัวทำทุกวันศุกร์หรือวันที่หมู่บ้านนัด Big Cleaning ผู้ที่ทำเองไม่ไหวให้ อสม. หรือเพื่อนบ้านช่วย อสม. สำรวจลูกน้ำทุกเดือน',
    howEn:
      'The family does it every Friday or on the village clean-up day; neighbours or the volunteer help those who cannot. The volunteer checks for larvae monthly.',
    addresses: ['V4', 'H1'],
    modes: ['family', 'group'],
    durationWeeks: 12,
    providerTypes: ['shph', 'volunteer_group', 'lao'],
    adlGroups: ANY,
    source: 'กรมควบคุมโรค 3 เก็บ ป้องกัน 3 โรค',
  },
  {
    code: 'electrical-safety',
    dimension: 'environment',
    titleTh: 'ตรวจซ่อมไฟฟ้าในบ้านและขอติดตั้งมิเตอร์',
    titleEn: 'Electrical repair and a meter of one’s own',
    descriptionTh:
      'ซ่อมสายไฟที่ชำรุด ปลั๊กที่ไหม้ และติดตั้งเบรกเกอร์กันไฟดูด บ้านที่ต่อไฟจากเพื่อนบ้านได้ขอมิเตอร์ของตนเองเพื่อใช้สิทธิไฟฟ้าฟรีสำหรับผู้ใช้น้อย',
    descriptionEn:
      'Repair damaged wiring and burnt sockets and fit a residual-current breaker. A house that draws power from a neighbour gets its own meter, so it can use the free-electricity scheme for small users.',
    howTh:
      'ขอช่างจากศูนย์ซ่อมสร้างเพื่อชุมชนของวิทยาลัยเทคนิคหรือ อปท. ติดต่อการไฟฟ้าส่วนภูมิภาคเรื่องมิเตอร์ ผู้มีรายได้น้อยขอให้ อปท. ช่วยค่าใช้จ่าย',
    howEn:
      'Ask the technical college’s community repair centre or the local government for an electrician; contact the Provincial Electricity Authority for a meter; low-income households ask the local government to help with costs.',
    addresses: ['V1', 'electricity'],
    modes: ['agency'],
    durationWeeks: 8,
    providerTypes: ['lao', 'university', 'volunteer_group'],
    adlGroups: ANY,
    source: 'สำนักงานคณะกรรมการการอาชีวศึกษา ศูนย์ซ่อมสร้างเพื่อชุมชน (Fix It Center); การไฟฟ้าส่วนภูมิภาค',
  },
  {
    code: 'secure-housing',
    dimension: 'environment',
    titleTh: 'ที่อยู่อาศัยมั่นคงกับโครงการบ้านมั่นคง',
    titleEn: 'Secure housing through Baan Mankong',
    descriptionTh:
      'ครอบครัวที่ไม่มีที่อยู่ บ้านพังจนซ่อมไม่ได้ หรือเสี่ยงถูกไล่ที่ รวมกลุ่มกับชุมชนเพื่อสร้างหรือปรับปรุงบ้านและที่ดินอย่างมั่นคง หรือได้ที่พักพิงชั่วคราวระหว่างรอ',
    descriptionEn:
      'A family without a home, with a house beyond repair or facing eviction joins the community to build or improve homes on secure land, or gets temporary shelter meanwhile.',
    howTh: 'ติดต่อสภาองค์กรชุมชนตำบลหรือ พอช. เข้าร่วมกลุ่มออมเพื่อที่อยู่อาศัย ถ้าต้องการที่พักทันทีแจ้ง พมจ. หรือศูนย์คุ้มครองคนไร้ที่พึ่ง',
    howEn:
      'Contact the sub-district community organisations council or CODI and join the housing savings group; for a roof right away, ask the social development office or the shelter for the destitute.',
    addresses: ['V1', 'housing'],
    modes: ['group', 'agency'],
    durationWeeks: 52,
    providerTypes: ['community_organization', 'social_development_office', 'lao'],
    adlGroups: ANY,
    source: 'สถาบันพัฒนาองค์กรชุมชน (พอช.) บ้านมั่นคง; พม. ศูนย์คุ้มครองคนไร้ที่พึ่ง',
  },
  {
    code: 'disaster-preparedness',
    dimension: 'environment',
    titleTh: 'เตรียมพร้อมรับน้ำท่วมและภัยพิบัติ',
    titleEn: 'Get ready for floods and disasters',
    descriptionTh:
      'ใส่ชื่อผู้ที่ช่วยตนเองได้น้อยในบัญชีกลุ่มเปราะบางของแผนอพยพ เตรียมถุงยา เอกสาร และของจำเป็น และรู้ว่าใครจะมาช่วยและจะไปที่ไหน',
    descriptionEn:
      'Put a person who cannot manage alone on the vulnerable list of the evacuation plan, pack a bag of medicines, papers and essentials, and know who will come and where to go.',
    howTh:
      'แจ้ง อปท. หรือ อปพร. ให้บันทึกชื่อและความต้องการพิเศษ เช่น รถเข็น ออกซิเจน เก็บเอกสารในถุงกันน้ำ ยกของขึ้นที่สูงเมื่อมีประกาศเตือน',
    howEn:
      'Ask the local government or civil-defence volunteers to record the name and special needs (wheelchair, oxygen); keep papers in a waterproof bag; move things up when a warning comes.',
    addresses: ['V4', 'V1', 'V5'],
    modes: ['family', 'agency'],
    durationWeeks: 4,
    providerTypes: ['lao', 'volunteer_group'],
    adlGroups: ANY,
    source: 'กรมป้องกันและบรรเทาสาธารณภัย แผนป้องกันภัยระดับท้องถิ่น; อาสาสมัครป้องกันภัยฝ่ายพลเรือน (อปพร.)',
  },
  {
    code: 'smoke-dust-free-home',
    dimension: 'environment',
    titleTh: 'บ้านปลอดควันบุหรี่และห้องปลอดฝุ่น',
    titleEn: 'Smoke-free home and a dust-free room',
    descriptionTh:
      'ตกลงไม่สูบบุหรี่ในบ้าน ไม่เผาขยะหรือใบไม้ใกล้บ้าน และทำห้องปลอดฝุ่นช่วง PM2.5 สูง ปกป้องผู้ป่วยโรคปอด หัวใจ ผู้สูงอายุ และเด็ก',
    descriptionEn:
      'Agree no smoking indoors and no burning rubbish or leaves near the house, and set up a dust-free room when PM2.5 is high, protecting people with lung or heart disease, elders and children.',
    howTh: 'ติดป้ายบ้านปลอดบุหรี่ ปิดช่องลมในห้องหนึ่งห้องแล้วใช้เครื่องฟอกอากาศหรือพัดลมติดแผ่นกรอง ดูค่าฝุ่นในแอป Air4Thai',
    howEn:
      'Put up a smoke-free-home sign; seal the gaps of one room and run an air purifier or a fan with a filter; follow the dust level in the Air4Thai app.',
    addresses: ['V4', 'H4'],
    modes: ['self', 'family'],
    durationWeeks: 8,
    providerTypes: ['shph', 'lao'],
    adlGroups: ANY,
    source: 'สสส. บ้านปลอดบุหรี่; กรมอนามัย ห้องปลอดฝุ่น',
  },
  {
    code: 'patient-transport',
    dimension: 'environment',
    titleTh: 'รถรับส่งผู้ป่วยไปโรงพยาบาล',
    titleEn: 'Patient transport to hospital',
    descriptionTh:
      'ผู้ที่ไม่มีรถ ไม่มีคนพา หรือนั่งรถทั่วไปไม่ได้ ใช้บริการรถรับส่งผู้ป่วยของ อบจ. หรือ อปท. หรือจิตอาสาในชุมชนไปตามนัดแพทย์',
    descriptionEn:
      'Someone with no car, no one to go with them, or who cannot ride ordinary transport uses the provincial or local government’s patient transport, or community volunteer drivers, for appointments.',
    howTh:
      'จองรถล่วงหน้าอย่างน้อย 3 วันกับ อปท. หรือศูนย์ประสานงานของ อบจ. แจ้งว่าต้องใช้รถเข็นหรือเปลหรือไม่ กรณีฉุกเฉินโทร 1669',
    howEn:
      'Book at least three days ahead with the local government or the provincial coordination centre, saying whether a wheelchair or stretcher is needed. In an emergency call 1669.',
    addresses: ['V5', 'H5', 'hospital_transport'],
    modes: ['agency'],
    durationWeeks: 26,
    providerTypes: ['pao', 'lao', 'volunteer_group'],
    adlGroups: ANY,
    source: 'อบจ. ระบบขนส่งรับส่งผู้ป่วย; อปท. รถรับส่งผู้ป่วยติดเตียง; ระบบการแพทย์ฉุกเฉิน 1669',
  },
];

export const ACTIVITY_LIBRARY: readonly LibraryActivity[] = Object.freeze([
  ...health,
  ...economy,
  ...society,
  ...environment,
]);

/** One library activity by its code. */
export function libraryActivity(code: string): LibraryActivity | undefined {
  return ACTIVITY_LIBRARY.find((a) => a.code === code);
}

/** The body that creates it through `POST /api/v1/activities` (the platform's own: no `areaCode`). */
export function toActivityCreate(activity: LibraryActivity): ActivityCreate {
  const { code: _code, minAge, maxAge, ...rest } = activity;
  return {
    ...rest,
    addresses: [...activity.addresses],
    modes: [...activity.modes],
    providerTypes: [...activity.providerTypes],
    adlGroups: [...activity.adlGroups],
    ...(minAge === undefined ? {} : { minAge }),
    ...(maxAge === undefined ? {} : { maxAge }),
  };
}
