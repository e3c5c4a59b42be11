import ExcelJS from 'exceljs';
import { csvLine, UTF8_BOM } from '../../../core/util/csv.ts';
import { type FieldKey, importFields, requiredFields } from './fields.ts';
import { type CodedField, thaiLabels } from './labels.ts';

/** Our template: Thai headers and one example row, as CSV (with a BOM for Excel) or XLSX with a help sheet. */
export function templateCsv(): Buffer {
  const text =
    UTF8_BOM + csvLine(importFields.map((f) => f.header)) + csvLine(importFields.map((f) => f.example));
  return Buffer.from(text, 'utf8');
}

const CODED: Partial<Record<FieldKey, CodedField>> = {
  idType: 'idType',
  title: 'title',
  sex: 'sex',
  religion: 'religion',
  maritalStatus: 'maritalStatus',
  education: 'education',
  incomeBand: 'incomeBand',
  healthCoverage: 'healthCoverage',
  chronicConditions: 'chronicConditions',
  disabilityTypes: 'disabilityTypes',
  vulnerability: 'vulnerability',
  relationToHead: 'relationToHead',
  caregiverRelation: 'caregiverRelation',
};
const LISTS = new Set<FieldKey>(['chronicConditions', 'disabilityTypes', 'vulnerability']);

const HELP: Partial<Record<FieldKey, string>> = {
  nationalId: '13 หลัก มีหรือไม่มีขีดก็ได้; เว้นว่างได้ถ้าไม่มี',
  birthDate: 'วว/ดด/ปปปป ปี พ.ศ. เช่น 13/04/2493 หรือ ปปปป-ดด-วว; ถ้ารู้แค่ปี ใส่ปีอย่างเดียว',
  areaCode: 'รหัสตำบล 6 หลักของกรมการปกครอง; เว้นว่างได้ ระบบจะใช้ตำบลที่เลือกตอนนำเข้า',
  villageNo: 'ตัวเลข 1–99',
  birthDateEstimated: 'ใช่ / ไม่ใช่',
  nationality: 'ไทย หรือรหัสประเทศ 2 ตัวอักษร เช่น MM',
};

export async function templateXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('บุคคล');
  // Text cells: Excel would otherwise turn an ID into 1.10E+12 and a date into a serial number.
  sheet.columns = importFields.map((f) => ({
    header: f.header,
    key: f.key,
    width: Math.max(12, f.header.length + 4),
    style: { numFmt: '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow(Object.fromEntries(importFields.map((f) => [f.key, f.example])));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];

  const help = wb.addWorksheet('คำอธิบาย');
  help.columns = [
    { header: 'คอลัมน์', key: 'column', width: 34 },
    { header: 'จำเป็น', key: 'required', width: 10 },
    { header: 'ค่าที่ใช้ได้ / วิธีกรอก', key: 'values', width: 90 },
  ];
  help.getRow(1).font = { bold: true };
  for (const f of importFields) {
    const coded = CODED[f.key];
    const values = coded
      ? `${thaiLabels(coded).join(', ')}${LISTS.has(f.key) ? ' (หลายค่าคั่นด้วยจุลภาค)' : ''}`
      : (HELP[f.key] ?? '');
    help.addRow({ column: f.header, required: requiredFields.includes(f.key) ? 'ใช่' : '', values });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
