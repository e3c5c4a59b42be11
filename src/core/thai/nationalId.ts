/**
 * The Thai 13-digit national ID (เลขประจำตัวประชาชน). The last digit is a
 * check digit: (11 − Σ dᵢ·(13 − i) mod 11) mod 10 over the first twelve.
 */

export function normalizeNationalId(input: string): string {
  // People type it with dashes or spaces (1-2345-67890-12-3) and sometimes Thai digits.
  return input.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50)).replace(/[\s-]/g, '');
}

export function checkDigit(first12: string): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (13 - i);
  return (11 - (sum % 11)) % 10;
}

export type NationalIdProblem = 'length' | 'digits' | 'check_digit';

/** Null when valid; otherwise what is wrong, so a form can say it plainly. */
export function nationalIdProblem(input: string): NationalIdProblem | null {
  const id = normalizeNationalId(input);
  if (!/^\d*$/.test(id)) return 'digits';
  if (id.length !== 13) return 'length';
  return checkDigit(id.slice(0, 12)) === Number(id[12]) ? null : 'check_digit';
}

export function isValidNationalId(input: string): boolean {
  return nationalIdProblem(input) === null;
}

/** 1234567890123 → 1-2345-67890-12-3 */
export function formatNationalId(id: string): string {
  const d = normalizeNationalId(id);
  if (d.length !== 13) return d;
  return `${d[0]}-${d.slice(1, 5)}-${d.slice(5, 10)}-${d.slice(10, 12)}-${d[12]}`;
}

/** Only the last three digits stay readable: x-xxxx-xxxxx-12-3. */
export function maskNationalId(id: string): string {
  const d = normalizeNationalId(id);
  if (d.length !== 13) return 'x'.repeat(d.length);
  return `x-xxxx-xxxxx-${d.slice(10, 12)}-${d[12]}`;
}
