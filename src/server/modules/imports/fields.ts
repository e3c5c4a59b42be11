/**
 * The person fields a file can fill, with our template's Thai header for
 * each and the other spellings we recognise when suggesting a mapping. The
 * field keys are the `personField` names of the API's `mapping`.
 */
export const fieldKeys = [
  'idType',
  'nationalId',
  'noIdReason',
  'title',
  'firstName',
  'lastName',
  'sex',
  'birthDate',
  'birthDateEstimated',
  'nationality',
  'religion',
  'maritalStatus',
  'education',
  'occupation',
  'incomeBand',
  'healthCoverage',
  'areaCode',
  'villageNo',
  'houseNo',
  'postcode',
  'phone',
  'chronicConditions',
  'disabilityTypes',
  'disabilityCardNo',
  'vulnerability',
  'relationToHead',
  'caregiverRelation',
  'caregiverName',
  'caregiverPhone',
  'latitude',
  'longitude',
] as const;
export type FieldKey = (typeof fieldKeys)[number];
export type FieldValues = Partial<Record<FieldKey, string>>;

export interface ImportField {
  key: FieldKey;
  /** The template's header, Thai as staff read it. */
  header: string;
  en: string;
  aliases: readonly string[];
  /** What the template's example row shows. */
  example: string;
}

/** A row cannot become a person without these. */
export const requiredFields: readonly FieldKey[] = ['firstName', 'lastName', 'sex', 'birthDate'];

const f = (key: FieldKey, header: string, en: string, example: string, aliases: string[] = []) => ({
  key,
  header,
  en,
  example,
  aliases,
});

export const importFields: readonly ImportField[] = [
  f('idType', 'ประเภทบัตร', 'ID type', 'บัตรประชาชน', ['ประเภทเลขประจำตัว', 'id type']),
  f('nationalId', 'เลขประจำตัวประชาชน', 'National ID', '1-2345-67890-12-1', [
    'เลขบัตรประชาชน',
    'เลขประจำตัว',
    'บัตรประชาชน',
    'เลขบัตร',
    'national id',
    'citizen id',
    'cid',
  ]),
  f('noIdReason', 'เหตุผลที่ไม่มีเลขประจำตัว', 'Reason for no ID', '', ['no id reason']),
  f('title', 'คำนำหน้า', 'Title', 'นาง', ['คำนำหน้าชื่อ', 'prefix', 'prename']),
  f('firstName', 'ชื่อ', 'First name', 'มาลี', ['ชื่อจริง', 'first name', 'given name', 'name', 'fname']),
  f('lastName', 'นามสกุล', 'Last name', 'ตัวอย่าง', ['last name', 'surname', 'family name', 'lname']),
  f('sex', 'เพศ', 'Sex', 'หญิง', ['gender']),
  f('birthDate', 'วันเกิด', 'Birth date', '13/04/2493', [
    'วันเดือนปีเกิด',
    'วันที่เกิด',
    'date of birth',
    'dob',
    'birth',
    'birthday',
  ]),
  f('birthDateEstimated', 'วันเกิดโดยประมาณ', 'Birth date estimated', '', ['estimated birth date']),
  f('nationality', 'สัญชาติ', 'Nationality', 'ไทย'),
  f('religion', 'ศาสนา', 'Religion', 'พุทธ'),
  f('maritalStatus', 'สถานภาพสมรส', 'Marital status', 'หม้าย', ['สถานะสมรส', 'สถานภาพ']),
  f('education', 'การศึกษา', 'Education', 'ประถมศึกษา', ['ระดับการศึกษา']),
  f('occupation', 'อาชีพ', 'Occupation', 'เกษตรกร'),
  f('incomeBand', 'รายได้ต่อเดือน', 'Monthly income', 'ต่ำกว่า 3,000', ['รายได้', 'income']),
  f('healthCoverage', 'สิทธิการรักษา', 'Health coverage', 'บัตรทอง', ['สิทธิการรักษาพยาบาล', 'สิทธิ', 'coverage']),
  f('areaCode', 'รหัสตำบล', 'Subdistrict code', '901501', [
    'รหัสพื้นที่',
    'area code',
    'subdistrict code',
    'tambon code',
  ]),
  f('villageNo', 'หมู่ที่', 'Village no.', '3', ['หมู่', 'village no', 'village', 'moo']),
  f('houseNo', 'บ้านเลขที่', 'House no.', '12/1', ['เลขที่', 'house no', 'house number']),
  f('postcode', 'รหัสไปรษณีย์', 'Postcode', '90280', ['zip', 'postal code']),
  f('phone', 'โทรศัพท์', 'Phone', '081-234-5678', [
    'เบอร์โทร',
    'เบอร์โทรศัพท์',
    'หมายเลขโทรศัพท์',
    'telephone',
    'mobile',
  ]),
  f('chronicConditions', 'โรคเรื้อรัง', 'Chronic conditions', 'ความดันโลหิตสูง, เบาหวาน'),
  f('disabilityTypes', 'ประเภทความพิการ', 'Disability types', '', ['ความพิการ', 'disability']),
  f('disabilityCardNo', 'เลขบัตรคนพิการ', 'Disability card no.', '', ['disability card']),
  f('vulnerability', 'กลุ่มเปราะบาง', 'Vulnerability', 'ยากจน, อยู่ลำพัง', ['ประเภทกลุ่มเปราะบาง']),
  f('relationToHead', 'ความสัมพันธ์กับหัวหน้าครัวเรือน', 'Relation to household head', 'หัวหน้าครัวเรือน', [
    'ความสัมพันธ์',
    'relation to head',
  ]),
  f('caregiverRelation', 'ผู้ดูแลหลัก', 'Main caregiver (relation)', 'บุตร', ['caregiver', 'caregiver relation']),
  f('caregiverName', 'ชื่อผู้ดูแล', 'Caregiver name', 'สมศรี ตัวอย่าง', ['caregiver name']),
  f('caregiverPhone', 'โทรศัพท์ผู้ดูแล', 'Caregiver phone', '089-876-5432', ['caregiver phone']),
  f('latitude', 'ละติจูด', 'Latitude', '', ['lat']),
  f('longitude', 'ลองจิจูด', 'Longitude', '', ['lon', 'lng']),
];

export const fieldByKey = new Map(importFields.map((x) => [x.key, x]));

/** Headers compare without case, spaces, BOM or punctuation: "First Name" = "first_name" = "firstname". */
export function headerKey(header: string): string {
  return header
    .normalize('NFC')
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[\s._\-()/:]/g, '');
}

const byHeaderKey = new Map<string, FieldKey>();
for (const field of importFields) {
  for (const name of [field.header, field.key, field.en, ...field.aliases]) {
    const k = headerKey(name);
    if (!byHeaderKey.has(k)) byHeaderKey.set(k, field.key);
  }
}

export function fieldForHeader(header: string): FieldKey | undefined {
  return byHeaderKey.get(headerKey(header));
}

/** `{personField: headerName}` for every header we recognise; each header serves one field. */
export function suggestMapping(headers: readonly string[]): Partial<Record<FieldKey, string>> {
  const out: Partial<Record<FieldKey, string>> = {};
  for (const header of headers) {
    const key = fieldForHeader(header);
    if (key && out[key] === undefined) out[key] = header;
  }
  return out;
}
